"""The proposals stage of the demo (Panama, June-August 2017): each table drafts its three
proposals (several saves by different people, remarks inside the table) and its leader submits
the set; step 7 closes and step 9 assigns the responsible institutions; step 10 opens, the heads
of institution (one through a delegate) review most proposals, two not viable with a
counterproposal, three still pending and overdue; registered citizens comment in public, some get
an official answer, one comment is hidden.

Everything goes through the actions, in the order it happened; the demo then gives the log rows
and the timestamps the date of the act they record, as the plans demo does."""

import bisect
import datetime
from collections.abc import Callable

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from cocrea.core import ratelimit
from cocrea.core.actions import SYSTEM
from cocrea.organisations.models import Organisation
from cocrea.plans import actions as plan_actions
from cocrea.plans import commitment_templates as ct
from cocrea.plans.models import ActionPlan, Role
from cocrea.plans.versions import language_codes
from cocrea.proposals import actions
from cocrea.proposals.models import (
    Counterproposal,
    DraftComment,
    Proposal,
    ProposalRevision,
    PublicComment,
    ReviewDelegate,
    ViabilityReview,
)
from cocrea.tables.models import TableMember

from . import proposals_data as data
from .plans import _at, _backdate, _demo_password_hash, _user

# Timestamps the actions set to "now", by the path from each model to its plan.
STAMPED = [
    (Proposal, "plan", ("created_at", "updated_at", "submitted_at")),
    (ProposalRevision, "proposal__plan", ("created_at",)),
    (DraftComment, "proposal__plan", ("created_at",)),
    (ReviewDelegate, "plan", ("created_at",)),
    (ViabilityReview, "proposal__plan", ("created_at", "updated_at", "reviewed_at")),
    (Counterproposal, "review__proposal__plan", ("created_at", "updated_at")),
    (PublicComment, "proposal__plan", ("created_at", "answered_at", "hidden_at")),
]


class _Replay:
    """Runs the acts in the order they happened and remembers when each one really ran, so that
    every timestamp the actions wrote can be given the date of the act that wrote it."""

    def __init__(self, plan: ActionPlan, stamped=None):
        self.plan = plan
        self.stamped = STAMPED if stamped is None else stamped
        self.started: list[datetime.datetime] = []
        self.happened: list[datetime.datetime] = []

    def run(self, day: datetime.date, hour: int, act: Callable[[], object]) -> None:
        self.started.append(timezone.now())
        self.happened.append(_at(day, hour))
        act()
        _backdate(self.plan, day, hour)

    def _historical(self, real: datetime.datetime | None) -> datetime.datetime | None:
        if real is None or not self.started or real < self.started[0]:
            return real
        return self.happened[bisect.bisect_right(self.started, real) - 1]

    def backdate(self) -> None:
        """Give the proposals' timestamps written by the acts the date of their act (a few
        queries, where updating after each act would cost hundreds)."""
        for model, to_plan, fields in self.stamped:
            rows = model.objects.filter(**{to_plan: self.plan}).values_list("pk", *fields)
            changed = []
            for pk, *values in rows:
                dated = [self._historical(value) for value in values]
                if dated != values:
                    changed.append(model(pk=pk, **dict(zip(fields, dated, strict=True))))
            model.objects.bulk_update(changed, fields)


def _template_fields(texts: dict, version: str = "2017") -> dict:
    """The action's keyword arguments for a text in the template `version` (Panama's is OGP
    2017): each text field it declares per language, the other fields the data gives, and the
    milestone rows when the data has some."""
    fields: dict = {}
    for declared in ct.fields(version):
        if declared.name not in texts:
            continue
        if declared.kind == ct.ROWS:
            fields[declared.name] = [_milestone(row) for row in texts[declared.name]]
        elif declared.translated:
            for lang, value in zip(language_codes(), texts[declared.name], strict=False):
                fields[f"{declared.name}_{lang}"] = value
        else:
            fields[declared.name] = texts[declared.name]
    return fields


def _milestone(row: tuple) -> dict:
    """A 2017 milestone row of the data: ((activity es, en), start, end)."""
    (activity_es, activity_en), start, end = row
    return {
        "description_es": activity_es,
        "description_en": activity_en,
        "start_date": start,
        "end_date": end,
    }


def load_proposals_demo(plan: ActionPlan) -> bool:
    """Add the proposals stage to the demo plan (once). Returns whether anything was created."""
    if Proposal.objects.filter(plan=plan).exists():
        return False
    # The demo sends nothing: mail queued on commit must still see the in-memory backend.
    locmem = "django.core.mail.backends.locmem.EmailBackend"
    with override_settings(EMAIL_BACKEND=locmem), transaction.atomic():
        _load(plan)
    return True


class _People:
    """Who is who: the secretariat's officer, and each table's leaders and members (the demo's
    table n drafts for axis n)."""

    def __init__(self, plan: ActionPlan):
        self.officer = plan.roles.get(role=Role.SECRETARIAT).user
        self.tables = {t.number: t for t in plan.tables.select_related("plan")}
        # Panama's table n covers axis n only.
        self.axes = {a.number: a for a in plan.axes.all()}
        self.seats: dict[int, dict[str, object]] = {}
        members = TableMember.objects.filter(table__plan=plan).select_related("user", "table")
        for member in members.order_by("table__number", "id"):
            seats = self.seats.setdefault(member.table.number, {"count": 0})
            if member.is_leader:
                key = "gov" if member.side == TableMember.Side.GOVERNMENT else "cs"
            else:
                seats["count"] += 1
                key = f"m{seats['count']}"
            seats[key] = member.user

    def at_table(self, table: int, who: str):
        if who == "secretaria":
            return self.officer
        return self.seats[table][who]


def _load(plan: ActionPlan) -> None:
    people = _People(plan)
    officer = people.officer
    steps = {s.key: s for s in plan.steps.all()}
    for acronym, name_es, name_en in data.MORE_INSTITUTIONS:
        Organisation.objects.get_or_create(
            jurisdiction=plan.jurisdiction,
            acronym=acronym,
            defaults={"name_es": name_es, "name_en": name_en, "kind": "public_institution"},
        )
    orgs = {
        o.acronym: o
        for o in Organisation.objects.filter(jurisdiction=plan.jurisdiction).exclude(acronym="")
    }

    # The acts, each with its date and hour; run in the order they happened.
    timeline: list[tuple[datetime.date, int, Callable[[], object]]] = []

    def at(day: datetime.date, hour: int, act: Callable[[], object]) -> None:
        timeline.append((day, hour, act))

    # Step 7: drafts, remarks inside the tables, each table's set submitted.
    for (axis, slot), texts in data.PROPOSALS.items():
        table = people.tables[axis]
        for who, day, fields in data.DRAFTS.get((axis, slot), []):
            by = people.at_table(axis, who)
            at(
                day,
                10,
                lambda t=table, a=people.axes[axis], s=slot, b=by, f=fields: actions.save_proposal(
                    t, a, s, by=b, **f
                ),
            )
        who, day = texts["saved"]
        by = people.at_table(axis, who)
        fields = _template_fields(texts)
        at(
            day,
            11,
            lambda t=table, a=people.axes[axis], s=slot, b=by, f=fields: actions.save_proposal(
                t, a, s, by=b, **f
            ),
        )
    for axis, slot, who, day, body in data.DRAFT_COMMENTS:
        table, by = people.tables[axis], people.at_table(axis, who)
        at(
            day,
            16,
            lambda t=table, a=people.axes[axis], s=slot, b=by, text=body: actions.comment_draft(
                Proposal.objects.get(working_table=t, axis=a, slot=s), by=b, body=text
            ),
        )
    for axis, (who, day) in data.SUBMISSIONS.items():
        table, by = people.tables[axis], people.at_table(axis, who)
        at(day, 15, lambda t=table, a=people.axes[axis], b=by: actions.submit_set(t, a, by=b))

    # Step 7 closes, step 9 opens: responsible institutions and objectives.
    at(
        data.TABLES_CLOSE,
        17,
        lambda: plan_actions.close_step(
            steps[data.DRAFTING_STEP], by=officer, on=data.TABLES_CLOSE
        ),
    )
    at(
        data.ASSIGNMENT_OPEN,
        8,
        lambda: plan_actions.open_step(
            steps[data.ASSIGNMENT_STEP], by=officer, on=data.ASSIGNMENT_OPEN
        ),
    )
    for (axis, slot), (who, day, lead, others, (obj_es, obj_en)) in data.ASSIGNMENTS.items():
        by = people.at_table(axis, who)
        at(
            day,
            12,
            lambda a=axis, s=slot, b=by, lead=lead, others=others, es=obj_es, en=obj_en: (
                actions.assign_institutions(
                    _proposal(people, a, s),
                    by=b,
                    lead=orgs[lead],
                    others=[orgs[o] for o in others],
                    objectives_es=es,
                    objectives_en=en,
                )
            ),
        )
    at(
        data.ASSIGNMENT_CLOSE,
        17,
        lambda: plan_actions.close_step(
            steps[data.ASSIGNMENT_STEP], by=officer, on=data.ASSIGNMENT_CLOSE
        ),
    )

    # Step 10: the heads of the lead institutions review; one names a delegate.
    at(
        data.REVIEW_OPEN,
        8,
        lambda: plan_actions.open_step(steps[data.REVIEW_STEP], by=officer, on=data.REVIEW_OPEN),
    )
    heads = {}
    for acronym, (username, full_name, position) in data.HEADS.items():
        heads[acronym] = _user(username, full_name, position, orgs[acronym])
        at(
            data.REVIEW_OPEN,
            9,
            lambda u=heads[acronym], o=orgs[acronym]: plan_actions.grant_role(
                plan, u, Role.HEAD_OF_INSTITUTION, by=SYSTEM, organisation=o
            ),
        )
    acronym, username, full_name, day = data.DELEGATE
    reviewers = dict(heads)
    reviewers[acronym] = _delegate(username, full_name, orgs[acronym])
    at(
        day,
        9,
        lambda: actions.name_delegate(
            plan, orgs[acronym], by=heads[acronym], user=reviewers[acronym]
        ),
    )
    for (axis, slot), (day, outcome, texts) in data.REVIEWS.items():
        lead = data.ASSIGNMENTS[axis, slot][2]
        kwargs: dict = {"outcome": outcome}
        if outcome == ViabilityReview.Outcome.VIABLE_WITH_CHANGES:
            kwargs.update(changes_es=texts[0], changes_en=texts[1])
        elif outcome == ViabilityReview.Outcome.NOT_VIABLE:
            kwargs.update(
                reasons_es=texts[0],
                reasons_en=texts[1],
                counterproposal=_template_fields(data.COUNTERPROPOSALS[axis, slot]),
            )
        at(
            day,
            14,
            lambda a=axis, s=slot, b=reviewers[lead], k=kwargs: actions.review_proposal(
                _proposal(people, a, s).review, by=b, **k
            ),
        )

    # Public comments on the submitted proposals, official answers and one hidden comment.
    citizens = {
        username: _user(username, full_name, "", None) for username, full_name in data.CITIZENS
    }
    comments: dict[int, PublicComment] = {}
    for n, (axis, slot, author, (day, hour), body, answer, hidden) in enumerate(
        data.PUBLIC_COMMENTS
    ):

        def comment(n=n, a=axis, s=slot, by=citizens[author], text=body):
            comments[n] = actions.comment_proposal(_proposal(people, a, s), by=by, body=text)

        at(day, hour, comment)
        if answer:
            who, answered_on, text = answer
            by = people.at_table(axis, who)
            at(
                answered_on,
                11,
                lambda n=n, b=by, text=text: actions.answer_comment(comments[n], by=b, answer=text),
            )
        if hidden:
            hidden_on, reason = hidden
            at(
                hidden_on,
                9,
                lambda n=n, r=reason: actions.hide_comment(comments[n], by=officer, reason=r),
            )

    # Python's sort is stable: acts of the same hour keep the order they were listed in.
    replay = _Replay(plan)
    for day, hour, act in sorted(timeline, key=lambda row: (row[0], row[1])):
        replay.run(day, hour, act)
    replay.backdate()
    # Replayed history is not a burst of comments: the demo citizens start with their whole limit.
    for citizen in citizens.values():
        ratelimit.reset("proposal-comment", str(citizen.pk))


def _proposal(people: _People, axis: int, slot: str) -> Proposal:
    table = people.tables[axis]
    return Proposal.objects.select_related("plan", "working_table").get(
        working_table=table, axis=people.axes[axis], slot=slot
    )


def _delegate(username: str, full_name: str, organisation: Organisation):
    """The institution's liaison (seated by the participation demo), or a demo account; either
    way one that logs in with the demo password, so the delegate's view can be tried."""
    from django.contrib.auth import get_user_model

    from .participation import _email

    user = get_user_model().objects.filter(email=_email(username)).order_by("pk").first()
    if user is None:
        return _user(username, full_name, "Enlace institucional", organisation)
    if not user.has_usable_password():
        user.password = _demo_password_hash()
        user.save(update_fields=["password"])
    return user
