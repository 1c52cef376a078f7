"""Loads the live demo cycle (live_data.py) through the same actions the workspace's set-up pages
call: a platform administrator creates the plan and names its secretariat; the secretariat sets
the numbers and the template, the axes, the tables, the commission and the programme (from OGP's
generic template), publishes version 1 and opens the steps due by today (closing those over).
Dated around the day it is loaded, so every role can act now.

It stops at a stage: "scoring" (the `demo` command's) or "drafting" (the tests of the drafting
tasks). Up to drafting, table 1's leader has started a first draft. Up to scoring, the tables
have submitted every set, the secretariat has named the responsible institutions, the heads of
institution have reviewed all but two proposals, the commission has adopted the selection
methodology at a meeting and it is published, the secretariat has checked the eligibility of the
reviewed proposals and some members have scored them: the others' scores are due."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from cocrea.core.actions import SYSTEM
from cocrea.events import actions as event_actions
from cocrea.events.models import Event
from cocrea.organisations.models import Organisation
from cocrea.participation import actions as participation_actions
from cocrea.plans import actions
from cocrea.plans import programme_templates as templates
from cocrea.plans.capabilities import CATALOGUE
from cocrea.plans.models import ActionPlan, PlatformAdministrator, Role
from cocrea.proposals import actions as proposal_actions
from cocrea.selection import actions as selection_actions
from cocrea.selection.models import Candidate, Methodology
from cocrea.tables import actions as table_actions

from . import live_data as data
from . import plans_data, selection_data
from .participation import NOTICE
from .plans import _user

TEMPLATE = "ogp-2021"
DRAFTING = "drafting"
SCORING = "scoring"
# How long before today the step of the stage's capability opened: a fortnight of drafting
# behind, more ahead; or a few days of scoring.
OPENED_DAYS_AGO = {DRAFTING: 14, SCORING: data.SCORING_OPENED_DAYS_AGO}
STAGES = tuple(OPENED_DAYS_AGO)


def _monday(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def programme_start(today: datetime.date, until: str = SCORING) -> datetime.date:
    """The Monday the generic programme starts on so that the step of the stage `until`
    (drafting: about two weeks before `today`; scoring: a few days before) is open today."""
    step = next(step for step in templates.TEMPLATES[TEMPLATE].steps if until in step.capabilities)
    opened = today - datetime.timedelta(days=OPENED_DAYS_AGO[until])
    return _monday(opened - datetime.timedelta(weeks=step.start_week))


def load_live_demo(
    today: datetime.date | None = None, *, until: str = SCORING
) -> tuple[ActionPlan, bool]:
    """Create the live cycle if it is missing, up to the stage `until` (STAGES). Returns the
    plan and whether it was made now."""
    existing = ActionPlan.objects.filter(slug=data.SLUG).first()
    if existing is not None:
        return existing, False
    assert until in STAGES and until in CATALOGUE
    # Mail queued on commit (the secretariat's naming, the tables' welcomes) stays in memory.
    locmem = "django.core.mail.backends.locmem.EmailBackend"
    with override_settings(EMAIL_BACKEND=locmem), transaction.atomic():
        plan = _load(today or timezone.localdate(), until)
    return plan, True


def _people() -> dict:
    User = get_user_model()
    names = {
        *data.COMMISSION_MEMBERS,
        *(seat[0] for seat in data.SEATS),
        "secretaria",
    }
    people = {user.username: user for user in User.objects.filter(username__in=names)}
    username, full_name, position, acronym = data.PLATFORM_ADMIN
    antai = Organisation.objects.get(acronym=acronym, jurisdiction__code="pa")
    people[username] = _user(username, full_name, position, antai)
    return people


def _load(today: datetime.date, until: str) -> ActionPlan:
    people = _people()
    admin = people[data.PLATFORM_ADMIN[0]]
    if not PlatformAdministrator.objects.filter(user=admin).exists():
        actions.grant_platform_admin(admin, by=SYSTEM)
    historic = ActionPlan.objects.get(slug=plans_data.PLAN["slug"])
    lead = historic.lead_agency

    # The platform administrator: the plan, its jurisdiction (Panama's, shared with 2017) and
    # its secretariat.
    plan = actions.create_plan(
        by=admin,
        jurisdiction=historic.jurisdiction,
        lead_agency=lead,
        period_start=data.SETTINGS["period_start"],
        period_end=data.SETTINGS["period_end"],
        template_version=data.SETTINGS["template_version"],
        **data.PLAN,
    )
    actions.name_secretariat(plan, by=admin, email=people["secretaria"].email)
    officer = people["secretaria"]

    # The secretariat: settings, axes, tables, commission.
    actions.update_plan(plan, by=officer, **data.SETTINGS)
    for number, name_es, name_en in data.AXES:
        actions.set_axis(plan, by=officer, number=number, name_es=name_es, name_en=name_en)
    axes = {axis.number: axis for axis in plan.axes.all()}
    tables = {}
    for number, name_es, name_en, covered in data.TABLES:
        tables[number] = table_actions.create_table(
            plan,
            by=officer,
            number=number,
            axes=[axes[n] for n in covered],
            name_es=name_es,
            name_en=name_en,
        )
    actions.set_commission(plan, by=officer, **data.COMMISSION)
    for username in data.COMMISSION_MEMBERS:
        member = people[username]
        actions.grant_role(
            plan, member, Role.COMMISSION_MEMBER, by=officer, organisation=member.organisation
        )
    participation_actions.publish_notice(plan, by=officer, **NOTICE)

    # The programme from OGP's generic template, published as version 1, then the steps due by
    # today opened (and those already over closed) on their planned dates; what happens while a
    # step is open (the tables' drafting, the reviews, the scores) happens after it opens.
    start = programme_start(today, until)
    steps = actions.start_programme(plan, by=officer, template=TEMPLATE, starts_on=start)
    actions.publish_version(
        plan,
        by=officer,
        published_on=start - datetime.timedelta(weeks=templates.MIN_WEEKS_NOTICE),
        change_summary_es="Primera versión, a partir de la secuencia de cocreación de OGP.",
        change_summary_en="First version, from OGP's co-creation sequence.",
    )
    stage = _Stage(plan, people, tables, axes, today) if until == SCORING else None
    for step in sorted(steps, key=lambda step: (step.planned_start, step.number)):
        if step.planned_start > today:
            continue
        actions.open_step(step, by=officer, on=step.planned_start)
        if DRAFTING in step.capabilities:
            _seat_and_draft(people, tables, axes, officer, stage)
        if stage is not None:
            stage.opened(step)
        if step.planned_end < today and until not in step.capabilities:
            actions.close_step(step, by=officer, on=step.planned_end)
    actions.set_current_plan(plan, by=admin)
    return plan


def _seat_and_draft(people, tables, axes, officer, stage) -> None:
    """The tables' seats and a first draft; up to scoring, every set written and submitted."""
    for username, number, leader, side, sector in data.SEATS:
        table_actions.add_member(
            tables[number],
            people[username],
            by=officer,
            side=side,
            sector=sector,
            source="invitation",
            is_leader=leader,
        )
    if stage is None:
        proposal_actions.save_proposal(
            tables[1],
            axes[1],
            "commitment_1",
            by=people["lider"],
            milestones=data.DRAFT_MILESTONES,
            **data.DRAFT,
        )
        return
    stage.draft_and_submit()


class _Stage:
    """The acts of the live cycle up to scoring, each run when its step has opened."""

    def __init__(self, plan, people, tables, axes, today):
        self.plan, self.people, self.tables, self.axes = plan, people, tables, axes
        self.today = today
        self.officer = people["secretaria"]
        self.leaders = {number: username for username, number, leader, *_r in data.SEATS if leader}
        self.table_of = {
            axis: t for t in tables.values() for axis in t.axes.values_list("number", flat=True)
        }
        self.done: set[str] = set()

    def opened(self, step) -> None:
        for capability in ("assignment", "viability-review", SCORING):
            if capability in step.capabilities and capability not in self.done:
                self.done.add(capability)
                getattr(self, capability.replace("-", "_"))(step)

    def proposal(self, axis: int, slot: str):
        return self.plan.proposals.select_related("plan", "working_table").get(
            axis__number=axis, slot=slot
        )

    def draft_and_submit(self) -> None:
        for (axis, slot), proposal in data.PROPOSALS.items():
            table = self.table_of[axis]
            fields = {**data.CONTACT, "start_date": data.START, "end_date": data.END}
            for name, (es, en) in proposal["texts"].items():
                fields[f"{name}_es"], fields[f"{name}_en"] = es, en
            (description_es, description_en), (outputs_es, outputs_en), end = proposal["milestone"]
            milestones = [
                {
                    "description_es": description_es,
                    "description_en": description_en,
                    "outputs_es": outputs_es,
                    "outputs_en": outputs_en,
                    "end_date": end,
                    "stakeholders_es": ", ".join([proposal["lead"], *proposal["others"]]),
                    "stakeholders_en": ", ".join([proposal["lead"], *proposal["others"]]),
                }
            ]
            proposal_actions.save_proposal(
                table,
                self.axes[axis],
                slot,
                by=self.people[self.leaders[table.number]],
                milestones=milestones,
                **fields,
            )
        for axis, table in sorted(self.table_of.items()):
            proposal_actions.submit_set(
                table, self.axes[axis], by=self.people[self.leaders[table.number]]
            )

    def assignment(self, step) -> None:
        for acronym, name_es, name_en in data.MORE_INSTITUTIONS:
            Organisation.objects.get_or_create(
                jurisdiction=self.plan.jurisdiction,
                acronym=acronym,
                defaults={"name_es": name_es, "name_en": name_en, "kind": "public_institution"},
            )
        self.orgs = {
            o.acronym: o
            for o in Organisation.objects.filter(jurisdiction=self.plan.jurisdiction).exclude(
                acronym=""
            )
        }
        for (axis, slot), proposal in data.PROPOSALS.items():
            title_es, title_en = proposal["texts"]["title"]
            proposal_actions.assign_institutions(
                self.proposal(axis, slot),
                by=self.officer,
                lead=self.orgs[proposal["lead"]],
                others=[self.orgs[o] for o in proposal["others"]],
                objectives_es=proposal["texts"]["results"][0],
                objectives_en=proposal["texts"]["results"][1],
            )

    def viability_review(self, step) -> None:
        heads = {}
        for acronym, (username, full_name, position) in data.HEADS.items():
            heads[acronym] = _user(username, full_name, position, self.orgs[acronym])
            actions.grant_role(
                self.plan,
                heads[acronym],
                Role.HEAD_OF_INSTITUTION,
                by=self.officer,
                organisation=self.orgs[acronym],
            )
        for (axis, slot), proposal in data.PROPOSALS.items():
            review = proposal["review"]
            if review is None:
                continue
            kwargs: dict = {"outcome": review}
            if isinstance(review, tuple):
                outcome, (changes_es, changes_en) = review
                kwargs = {"outcome": outcome, "changes_es": changes_es, "changes_en": changes_en}
            proposal_actions.review_proposal(
                self.proposal(axis, slot).review, by=heads[proposal["lead"]], **kwargs
            )
        # The commission adopts the methodology at a meeting before scoring opens.
        self.methodology_adopted(step)

    def methodology_adopted(self, step) -> None:
        day = step.planned_start - datetime.timedelta(days=data.METHODOLOGY_MEETING_DAYS_BEFORE)
        starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
        meeting = data.METHODOLOGY_MEETING
        event = event_actions.create_event(
            self.plan,
            by=self.officer,
            kind=Event.Kind.COMMISSION_MEETING,
            title_es=meeting["title_es"],
            title_en=meeting["title_en"],
            description_es=f"{meeting['title_es']}. Convoca: ANTAI.",
            description_en=f"{meeting['title_en']}. Convened by ANTAI.",
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            venue="ANTAI, Balboa, Ancón",
            organiser="ANTAI",
            published=True,
        )
        event_actions.record_minutes(
            event,
            by=self.officer,
            minutes_es=meeting["minutes_es"],
            minutes_en=meeting["minutes_en"],
            decisions=meeting["decisions"],
            published_on=day,
        )
        methodology = selection_actions.create_methodology(self.plan, by=self.officer)
        texts = selection_data.METHODOLOGY
        selection_actions.update_methodology(
            methodology,
            by=self.officer,
            introduction_es=texts["introduction_es"],
            introduction_en=texts["introduction_en"],
            requirements=texts["requirements"],
            criteria=texts["criteria"],
        )
        methodology.refresh_from_db()
        selection_actions.adopt_methodology(methodology, event=event, by=self.officer)
        methodology.refresh_from_db()
        selection_actions.publish_methodology(methodology, by=self.officer)

    def scoring(self, step) -> None:
        methodology = Methodology.objects.get(plan=self.plan, status="published")
        requirements = list(methodology.requirements.order_by("order", "id"))
        criteria = list(methodology.criteria.order_by("order", "id"))
        selection_actions.ensure_candidates(self.plan)
        reviewed = [key for key, proposal in data.PROPOSALS.items() if proposal["review"]]
        candidates = {}
        for axis, slot in reviewed:
            candidate = Candidate.objects.select_related("proposal", "plan").get(
                plan=self.plan,
                proposal__axis__number=axis,
                proposal__slot=slot,
                is_counterproposal=False,
            )
            selection_actions.check_eligibility(
                candidate,
                by=self.officer,
                results={r.pk: (True, "", "") for r in requirements},
            )
            candidates[axis, slot] = candidate
        username, key, conflict = data.CONFLICT
        selection_actions.declare_conflict(
            candidates[key], by=self.people[username], conflict=conflict
        )
        for username, scored in data.BALLOTS.items():
            keys = reviewed if scored == "all" else scored
            for n, (axis, slot) in enumerate(keys):
                selection_actions.cast_ballot(
                    candidates[axis, slot],
                    by=self.people[username],
                    scores={
                        criterion.pk: 3 + (axis + n + k) % 3 for k, criterion in enumerate(criteria)
                    },
                )
