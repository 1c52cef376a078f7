"""`manage.py scale_data`: the benchmark's dataset at a factor of the 100x target, on top of the
demo. At factor 0.2 it adds a few rows of every kind, exactly as many as `counts` says, valid
(slots, unique addresses and tokens, one current plan, dates in the plan's year), the same rows
for the same seed, and it refuses to mix with data of another factor or seed."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from cocrea.core.models import ActionLog
from cocrea.demo import scale
from cocrea.documents.models import Document
from cocrea.events.models import Event
from cocrea.events.models import Registration as EventRegistration
from cocrea.news.models import NewsItem
from cocrea.participation.models import Registration as CallRegistration
from cocrea.plans.models import ActionPlan
from cocrea.proposals.models import (
    Proposal,
    ProposalRevision,
    PublicComment,
    ViabilityReview,
    slot_names,
)
from cocrea.tables.models import TableMember, WorkingTable

SMALL = {
    "plans": 1,
    "users": 20,
    "events": 1,
    "event_registrations": 20,
    "call_registrations": 20,
    "documents": 4,
    "news": 1,
    "tables": 1,
    "members": 10,
    "proposals": 3,
    "revisions": 30,
    "reviews": 2,
    "comments": 40,
    "log_rows": 200,
}

MODELS = {
    "plans": ActionPlan,
    "events": Event,
    "event_registrations": EventRegistration,
    "call_registrations": CallRegistration,
    "documents": Document,
    "news": NewsItem,
    "tables": WorkingTable,
    "members": TableMember,
    "proposals": Proposal,
    "revisions": ProposalRevision,
    "reviews": ViabilityReview,
    "comments": PublicComment,
    "log_rows": ActionLog,
}


def _counts() -> dict[str, int]:
    found = {name: model.objects.count() for name, model in MODELS.items()}
    found["users"] = get_user_model().objects.count()
    return found


def _fingerprint() -> list:
    """What the generated rows say, without their ids (which differ between databases)."""
    return [
        sorted(
            get_user_model()
            .objects.filter(username__startswith="escala-")
            .values_list("username", "full_name", "email", "password")
        ),
        sorted(
            Proposal.objects.filter(title_es__contains=" de la mesa ").values_list(
                "title_es", "slot", "submitted_at"
            )
        ),
        sorted(
            EventRegistration.objects.filter(email__endswith=scale.DOMAIN).values_list(
                "name", "email", "token", "created_at"
            )
        ),
        sorted(
            PublicComment.objects.filter(author__username__startswith="escala-").values_list(
                "author_name", "body", "created_at"
            )
        ),
        sorted(
            ActionLog.objects.filter(actor__username__startswith="escala-").values_list(
                "verb", "actor_name", "target_repr", "created_at"
            )
        ),
    ]


def test_counts_scale_the_full_dataset_and_never_drop_a_kind():
    assert scale.counts(100) == scale.FULL
    assert scale.counts(0.2) == SMALL
    assert scale.counts(1)["events"] == 5  # 5.2 rounds down
    assert scale.counts(1)["reviews"] == 10
    assert scale.counts(0.01)["reviews"] == 1  # never more reviews than proposals


def test_factor_adds_exactly_the_counted_rows_of_every_kind(demo):
    before = _counts()
    made = scale.build(0.2, seed=7)
    after = _counts()
    assert made == SMALL
    added = {name: after[name] - before[name] for name in after}
    assert added == {**SMALL, "log_rows": SMALL["log_rows"] + 1}  # and the marker row
    assert scale.built_with() == {"factor": 0.2, "seed": 7, "counts": SMALL}


def test_data_respects_the_models_rules(demo):
    scale.build(0.2, seed=7)
    # One current plan, and it is not a generated one.
    assert list(ActionPlan.objects.filter(is_current=True).values_list("slug", flat=True)) == [
        "panama-2017-2019"
    ]
    new = ActionPlan.objects.get(slug__startswith="escala-")
    assert new.slug == "escala-2020-2022"
    assert new.steps.count() == demo.steps.count()
    assert set(new.steps.values_list("status", flat=True)) == {"closed"}
    # The generated table (the 2017 plan's next number) covers the plan's axes; its proposals
    # sit in distinct slots of its plan.
    table = WorkingTable.objects.get(name_es__startswith="Mesa 6:")
    assert table.plan == demo
    assert table.axes.count() == demo.axes.count()
    proposals = Proposal.objects.filter(working_table=table)
    assert proposals.count() == 3
    assert {p.slot for p in proposals} <= set(slot_names(demo))
    assert len({(p.axis_id, p.slot) for p in proposals}) == 3
    assert all(p.status == "submitted" and p.submitted_at.year == 2017 for p in proposals)
    # Ten revisions each, numbered 1-10; the last holds the proposal's title.
    for proposal in proposals:
        numbers = list(proposal.revisions.values_list("number", flat=True))
        assert numbers == list(range(1, 11))
        assert proposal.revisions.get(number=10).snapshot["title_es"] == proposal.title_es
    # The first member of the generated table leads it.
    leaders = TableMember.objects.filter(table=table, is_leader=True)
    assert leaders.count() == 1
    # The event is in its plan's co-creation year, its registrations before it.
    event = Event.objects.get(title_es__contains="Jornada de difusión:")
    assert event.starts_at.year == 2017
    registrations = EventRegistration.objects.filter(email__endswith=scale.DOMAIN)
    assert registrations.count() == 20
    assert all(r.created_at < event.starts_at for r in registrations)
    # Two reviews, on proposals with their lead institution.
    for review in ViabilityReview.objects.filter(proposal__working_table=table):
        assert review.proposal.institutions.get(is_lead=True).organisation == review.institution
    # The log rows keep their dates in the plans' years.
    years = set(
        ActionLog.objects.filter(actor__username__startswith="escala-").values_list(
            "created_at__year", flat=True
        )
    )
    assert years <= {2017, 2018, 2019, 2020}


def test_the_pages_show_the_generated_data(demo, client):
    scale.build(0.2, seed=7)
    new = ActionPlan.objects.get(slug__startswith="escala-")
    # Four documents, two per plan (round robin): the new plan's list shows its two.
    documents = Document.objects.filter(plan=new)
    assert documents.count() == 2
    response = client.get(reverse("documents:repository", args=[new.slug]))
    assert response.status_code == 200
    for document in documents:
        assert document.title_es in response.content.decode()
    proposal = Proposal.objects.filter(working_table__name_es__startswith="Mesa 6:").first()
    response = client.get(reverse("proposals:detail", args=[demo.slug, proposal.pk]))
    assert response.status_code == 200
    assert proposal.title_es in response.content.decode()


def test_same_seed_same_rows_and_another_seed_other_rows(demo):
    prints = []
    for seed in (7, 7, 8):
        with transaction.atomic():
            scale.build(0.2, seed=seed)
            prints.append(_fingerprint())
            transaction.set_rollback(True)
    assert prints[0] == prints[1]
    assert prints[0] != prints[2]
    assert all(len(part) for part in prints[0])


def test_again_with_the_same_factor_and_seed_changes_nothing(demo):
    scale.build(0.2, seed=7)
    before = _counts()
    assert scale.build(0.2, seed=7) is None
    assert _counts() == before


def test_refuses_data_of_another_factor_or_seed(demo):
    scale.build(0.2, seed=7)
    with pytest.raises(scale.ScaleDataError, match="factor 0.2 and seed 7"):
        scale.build(0.2, seed=8)
    with pytest.raises(scale.ScaleDataError, match="factor 0.2 and seed 7"):
        scale.build(1, seed=7)


def test_refuses_without_the_demo(demo):
    ActionPlan.objects.filter(pk=demo.pk).update(slug="another-plan")
    with pytest.raises(scale.ScaleDataError, match="run `manage.py demo` first"):
        scale.build(0.2, seed=7)


def test_command_reports_the_rows_and_runs_only_in_demo_mode(demo):
    out = io.StringIO()
    call_command("scale_data", factor=0.2, seed=3, stdout=out)
    text = out.getvalue()
    assert "Scale data added (factor 0.2, seed 3)" in text
    assert "  comments                  40 (expected 40)" in text
    out = io.StringIO()
    call_command("scale_data", factor=0.2, seed=3, stdout=out)
    assert out.getvalue() == "Scale data already present (factor 0.2, seed 3): nothing changed.\n"
    with override_settings(DEMO_MODE=False), pytest.raises(CommandError, match="demo mode"):
        call_command("scale_data", factor=0.2, seed=3)


def test_dates_are_not_the_day_it_ran(demo):
    scale.build(0.2, seed=7)
    today = datetime.date.today()
    assert not PublicComment.objects.filter(
        author__username__startswith="escala-", created_at__date=today
    ).exists()
    generated = Proposal.objects.filter(working_table__name_es__startswith="Mesa 6:")
    assert generated.count() == 3
    assert not generated.filter(created_at__date=today).exists()
