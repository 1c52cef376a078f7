"""Steps enable capabilities: the catalogue, what a step added in the workspace opens, the
deadlines and jobs that read it, and the rule that no code names a step key."""

import datetime
import importlib
import pathlib
import re

import pytest
import rules
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from cocrea.core.actions import SYSTEM
from cocrea.core.models import ActionLog
from cocrea.core.permissions import CAPABILITY_GATES
from cocrea.demo.plans_data import STEPS
from cocrea.plans import actions as plan_actions
from cocrea.plans import capabilities
from cocrea.plans.models import Step
from cocrea.proposals import actions as proposal_actions
from cocrea.proposals.models import Proposal

from .factories import PlanFactory, StepFactory, UserFactory
from .factories_participation import TableFactory
from .test_proposals import seat

D = datetime.date
ROOT = pathlib.Path(__file__).resolve().parent.parent


# --- the catalogue -----------------------------------------------------------------------------


def test_catalogue_lists_the_capabilities_actions_exist_for():
    assert list(capabilities.CATALOGUE) == [
        "forum-meetings",
        "open-call",
        "liaisons",
        "outreach",
        "training",
        "drafting",
        "assignment",
        "viability-review",
        "public-comment",
        "scoring",
        "selection",
        "commitment-development",
        "plan-drafting",
        "plan-public-comment",
        "ogp-review",
        "translation",
        "delivery",
        "publication",
    ]


def test_every_capability_gates_real_permissions_with_its_own_predicate():
    for key, capability in capabilities.CATALOGUE.items():
        assert capability.permissions, key  # no entry without actions behind it
        assert str(capability.name) and str(capability.description)
        for permission in capability.permissions:
            assert rules.perm_exists(permission), permission
            assert CAPABILITY_GATES[permission].name == f"capability_open({key})"
            assert capabilities.capability_of(permission) is capability
    gated = {p for c in capabilities.CATALOGUE.values() for p in c.permissions}
    assert set(CAPABILITY_GATES) == gated


def test_unknown_capability_is_refused_by_the_step_and_the_predicate(plan):
    step = StepFactory(plan=plan, capabilities=["drafting", "voting"])
    with pytest.raises(ValidationError) as refused:
        step.full_clean()
    assert list(refused.value.message_dict) == ["capabilities"]
    with pytest.raises(KeyError):
        capabilities.capability_open("voting")


def test_open_capabilities_are_those_of_every_open_step_of_the_plan(plan):
    StepFactory(plan=plan, status="open", capabilities=["open-call", "liaisons"])
    StepFactory(plan=plan, status="open", capabilities=["liaisons", "drafting"])
    StepFactory(plan=plan, status="closed", capabilities=["assignment"])
    StepFactory(plan=plan, status="pending", capabilities=["viability-review"])
    StepFactory(status="open", capabilities=["public-comment"])  # another plan
    assert capabilities.open_capabilities(plan) == {"open-call", "liaisons", "drafting"}
    assert capabilities.is_open(plan, "assignment") is False


def test_reminder_jobs_find_only_the_plans_where_the_capability_is_open(plan):
    other, quiet = PlanFactory(), PlanFactory()
    StepFactory(plan=plan, status="open", capabilities=["viability-review"])
    StepFactory(plan=other, status="open", capabilities=["liaisons"])
    StepFactory(plan=quiet, status="closed", capabilities=["viability-review", "liaisons"])
    assert capabilities.plans_where_open("viability-review") == {plan.pk}
    assert capabilities.plans_where_open("liaisons") == {other.pk}


def test_review_deadline_default_is_the_planned_end_of_the_step_enabling_the_review(plan):
    assert proposal_actions.default_review_due_on(plan) is None
    StepFactory(
        plan=plan,
        number=3,
        status="closed",
        planned_end=D(2017, 8, 4),
        capabilities=["viability-review"],
    )
    assert proposal_actions.default_review_due_on(plan) == D(2017, 8, 4)
    StepFactory(plan=plan, number=5, planned_end=D(2017, 9, 29), capabilities=["viability-review"])
    # A step that has not started yet comes before one already closed.
    assert proposal_actions.default_review_due_on(plan) == D(2017, 9, 29)
    StepFactory(
        plan=plan,
        number=4,
        status="open",
        planned_end=D(2017, 9, 8),
        capabilities=["viability-review"],
    )
    assert proposal_actions.default_review_due_on(plan) == D(2017, 9, 8)


# --- chosen in the workspace, shown in public ---------------------------------------------------


def test_a_step_added_in_the_workspace_with_drafting_opens_drafting(client, plan, people):
    table = TableFactory(plan=plan, number=1)
    seat(table, people["participant"])
    client.force_login(people["secretary"])
    response = client.post(
        reverse("workspace:step_create", args=[plan.slug]),
        {"title_es": "Redacción de propuestas", "capabilities": ["drafting"]},
    )
    assert response.status_code == 302
    step = plan.steps.get()
    assert step.key.startswith("step-")  # a random key: nothing may depend on it
    assert step.capabilities == ["drafting"]

    def participant():
        return UserFactory._meta.model.objects.get(username="participant")  # fresh caches

    assert participant().has_perm("proposals.change_proposal", table) is False
    with pytest.raises(PermissionDenied):
        proposal_actions.save_proposal(
            table, table.axes.get(), "commitment_1", by=participant(), title_es="Uno"
        )
    response = client.post(reverse("workspace:step_open", args=[plan.slug, step.key]))
    assert response.status_code == 302
    assert Step.objects.get(pk=step.pk).status == Step.Status.OPEN
    assert participant().has_perm("proposals.change_proposal", table) is True
    proposal_actions.save_proposal(
        table, table.axes.get(), "commitment_1", by=participant(), title_es="Uno"
    )
    assert list(Proposal.objects.values_list("title_es", flat=True)) == ["Uno"]

    plan_actions.close_step(step, by=SYSTEM)
    assert participant().has_perm("proposals.change_proposal", table) is False


def test_step_form_shows_the_capabilities_as_checkboxes_and_saves_the_change(client, plan, people):
    step = StepFactory(plan=plan, number=1, capabilities=["liaisons"])
    client.force_login(people["secretary"])
    url = "/en" + reverse("workspace:step_edit", args=[plan.slug, step.key])
    page = client.get(url).content.decode()
    assert re.search(
        r'<input type="checkbox" name="capabilities" value="liaisons"[^>]*checked', page
    )
    assert 'value="drafting"' in page and "Drafting proposals" in page
    response = client.post(
        url,
        {
            "number": 1,
            "title_es": step.title_es,
            "title_en": step.title_en,
            "description_es": step.description_es,
            "description_en": step.description_en,
            "responsible_es": step.responsible_es,
            "responsible_en": step.responsible_en,
            "planned_start": "2017-03-01",
            "planned_end": "2017-03-31",
            "capabilities": ["public-comment", "open-call"],
        },
    )
    assert response.status_code == 302
    assert Step.objects.get(pk=step.pk).capabilities == ["open-call", "public-comment"]
    log = ActionLog.objects.filter(verb="plans.update_step").get()
    assert log.data == {"capabilities": [["liaisons"], ["open-call", "public-comment"]]}


def test_workspace_programme_lists_what_each_step_enables(client, plan, people):
    step = StepFactory(plan=plan, capabilities=["assignment", "open-call"])
    client.force_login(people["secretary"])
    page = client.get("/en" + reverse("workspace:plan", args=[plan.slug])).content.decode()
    row = page[page.index(f'id="step-{step.key}"') :]
    assert "Enables: Open call, Assigning responsible institutions</span>" in row


def test_step_page_says_what_the_step_enables_in_words(client, plan):
    step = StepFactory(plan=plan, capabilities=["public-comment", "drafting"])
    quiet = StepFactory(plan=plan)
    urls = ["/en" + reverse("public:step", args=[plan.slug, s.key]) for s in (step, quiet)]
    page = client.get(urls[0]).content.decode()
    assert "<strong>Drafting proposals</strong>: Members of each working table draft" in page
    assert "<strong>Public comment on proposals</strong>: Registered people comment" in page
    assert page.index("Drafting proposals") < page.index("Public comment on proposals")
    assert "Allowed only while the step is open." in page
    page = client.get(urls[1]).content.decode()
    assert "This step does not enable any action on the platform." in page


# --- existing databases and the demo ------------------------------------------------------------


def test_migration_gives_existing_steps_the_capabilities_of_their_key(plan):
    migration = importlib.import_module("cocrea.plans.migrations.0003_step_capabilities_by_key")
    review = StepFactory(plan=plan, key="viability-review", capabilities=[])
    other = StepFactory(plan=plan, key="selection", capabilities=[])
    migration.forwards(apps, None)
    assert Step.objects.get(pk=review.pk).capabilities == ["viability-review", "public-comment"]
    assert Step.objects.get(pk=other.pk).capabilities == []


def test_migration_adds_the_event_capabilities_to_the_steps_of_their_key(plan):
    migration = importlib.import_module(
        "cocrea.plans.migrations.0004_step_event_capabilities_by_key"
    )
    section = StepFactory(plan=plan, key="og-section", capabilities=["outreach"])
    tables = StepFactory(plan=plan, key="training-and-tables", capabilities=["drafting"])
    other = StepFactory(plan=plan, key="selection", capabilities=[])
    migration.forwards(apps, None)
    assert Step.objects.get(pk=section.pk).capabilities == [
        "outreach",
        "forum-meetings",
        "training",
    ]
    assert Step.objects.get(pk=tables.pk).capabilities == ["drafting", "training"]
    assert Step.objects.get(pk=other.pk).capabilities == []


def test_demo_events_are_scheduled_while_a_step_enabling_them_is_open_in_2017():
    """Each 2017 event of the demo falls within the dates of a step enabling its kind."""
    from cocrea.demo.events import EVENTS
    from cocrea.demo.plans_data import CAPABILITIES, PROGRESS
    from cocrea.events.models import Event

    needs = {
        Event.Kind.COMMISSION_MEETING: "forum-meetings",
        Event.Kind.OUTREACH: "outreach",
        Event.Kind.TRAINING: "training",
    }
    for kind, day, *_rest in EVENTS:
        if kind not in needs:
            continue
        day = D(*day)
        enabling = [
            key
            for key, (opened, closed) in PROGRESS.items()
            if needs[kind] in CAPABILITIES.get(key, [])
            and opened <= day
            and (closed is None or day <= closed)
        ]
        assert enabling, (kind, day)


# --- nothing in the code names a step key -------------------------------------------------------

# Only migrations and the demo's data (and the demo scripts replaying it) may name a step.
ALLOWED = re.compile(r"/migrations/|/cocrea/demo/")  # migrations and the demo app: data
LOOKUPS = [
    re.compile(r"\bkey(__in)?=[\"'\[(]"),  # Step.objects.filter(key="...")
    re.compile(r"\bstep__key(__in)?=[\"'\[(]"),
    re.compile(r"\b(step_is_open|step_allows)\("),
    re.compile(r"\b[A-Z]+_STEP\b"),  # constants such as REVIEW_STEP
    re.compile(r"\bnumber=\d"),  # a step by its number
]


def step_key_lookups() -> list[str]:
    # The demo's keys that are not also plain words of other vocabularies ("draft", "outreach").
    demo_keys = {row[0] for row in STEPS if "-" in row[0]} - set(capabilities.CATALOGUE)
    found = []
    for path in sorted((ROOT / "cocrea").rglob("*")):
        if path.suffix not in {".py", ".html"} or ALLOWED.search(path.as_posix()):
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            quoted = path.suffix == ".py" and any(
                f'"{key}"' in line or f"'{key}'" in line for key in demo_keys
            )
            if quoted or any(pattern.search(line) for pattern in LOOKUPS):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    return found


def test_no_code_looks_up_a_step_by_key_or_number():
    assert step_key_lookups() == []


def test_the_step_key_scan_would_catch_the_old_look_ups():
    for line in (
        'Step.objects.filter(plan=plan, key="viability-review").first()',
        "open_plans = Step.objects.filter(key=REVIEW_STEP)",
        "plan.steps.get(number=10)",
        'if step_is_open(plan, "liaisons"):',
    ):
        assert any(pattern.search(line) for pattern in LOOKUPS), line


@pytest.mark.parametrize(
    ("persona", "permission", "key"),
    [
        ("superuser", "participation.register_call", "open-call"),
        ("anonymous", "participation.register_call", "open-call"),
        ("superuser", "participation.remind_liaison", "liaisons"),
        ("secretary", "participation.remind_liaison", "liaisons"),
    ],
)
def test_roles_and_the_superuser_act_only_while_the_capability_is_open(
    persona, permission, key, plan, people
):
    step = StepFactory(plan=plan, capabilities=[key])
    other = StepFactory(plan=plan, status="open", capabilities=["drafting"])
    user = people[persona]
    assert user.has_perm(permission, plan) is False
    plan_actions.open_step(step, by=SYSTEM)
    assert user.has_perm(permission, plan) is True
    plan_actions.close_step(step, by=SYSTEM)
    assert user.has_perm(permission, plan) is False
    assert other.status == Step.Status.OPEN
