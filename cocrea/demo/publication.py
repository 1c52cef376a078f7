"""The publication stage of the demo (Panama, October-December 2017): the secretariat writes the
document's sections and issues draft 0.1, citizens comment on it and are answered; OGP's Support
Unit reviews 0.1 in a round, most of its comments are addressed in draft 0.2 and one declined, and
the round's report is published; the English text is completed, the final version 1.0 issued,
delivered to OGP on 30 November and presented on 12 December, when the plan is published.

Everything goes through the actions, in the order it happened, and is backdated as the other
stages are (publication_data.py holds the texts). The files of each version are produced at once,
as the worker's job would have."""

import datetime
from collections.abc import Callable

from django.db import transaction
from django.test.utils import override_settings

from cocrea.commitments.models import Commitment, CommitmentRevision
from cocrea.core import ratelimit
from cocrea.documents.models import Document
from cocrea.events import actions as event_actions
from cocrea.events.models import Event
from cocrea.news.models import NewsItem
from cocrea.plans import actions as plan_actions
from cocrea.plans.models import ActionPlan, Role
from cocrea.publication import actions
from cocrea.publication.models import (
    Delivery,
    DraftComment,
    DraftFile,
    DraftVersion,
    PlanSection,
    Publication,
    ReviewRound,
    RoundComment,
)
from cocrea.publication.translation_check import missing

from . import proposals_data
from . import publication_data as data
from .plans import _at, _user
from .proposals import _People, _Replay

STAMPED = [
    (PlanSection, "plan", ("created_at", "updated_at")),
    (DraftVersion, "plan", ("issued_at",)),
    (DraftFile, "version__plan", ("generated_at",)),
    (DraftComment, "plan", ("created_at", "updated_at", "answered_at")),
    (ReviewRound, "plan", ("created_at", "updated_at", "closed_at", "report_published_at")),
    (RoundComment, "plan", ("created_at", "updated_at", "resolved_at")),
    (Delivery, "plan", ("created_at", "updated_at")),
    (Publication, "plan", ("published_at",)),
    (Commitment, "plan", ("updated_at",)),
    (CommitmentRevision, "commitment__plan", ("created_at",)),
    (Event, "plan", ("created_at", "updated_at")),
    (Document, "plan", ("created_at", "updated_at")),
    (NewsItem, "plan", ("created_at", "updated_at")),
]


def load_publication_demo(plan: ActionPlan) -> bool:
    """Add the document, its drafts, OGP's review and the publication to the demo plan (once;
    after its commitments are developed). Returns whether anything was created."""
    if DraftVersion.objects.filter(plan=plan).exists() or not plan.commitments.exists():
        return False
    locmem = "django.core.mail.backends.locmem.EmailBackend"
    with override_settings(EMAIL_BACKEND=locmem), transaction.atomic():
        _load(plan)
    return True


def _produce_all() -> None:
    """Render every pending file now, as the worker's `plan-documents` job would."""
    while actions.produce_files():
        pass


def _reviewer(plan: ActionPlan):
    """The demo's OGP Support Unit reviewer (`revisor`, given the role with the demo's other
    accounts): the plan's first one."""
    return plan.roles.filter(role=Role.OGP_REVIEWER).select_related("user").order_by("pk")[0].user


def _load(plan: ActionPlan) -> None:
    people = _People(plan)
    officer = people.officer
    reviewer = _reviewer(plan)
    steps = {s.key: s for s in plan.steps.all()}
    citizens = {
        username: _user(username, full_name, "", None)
        for username, full_name in proposals_data.CITIZENS
    }
    versions: dict[str, DraftVersion] = {}
    found: dict = {}

    timeline: list[tuple[datetime.date, int, Callable[[], object]]] = []

    def at(day: datetime.date, hour: int, act: Callable[[], object]) -> None:
        timeline.append((day, hour, act))

    def open_step(key: str, day: datetime.date):
        at(day, 8, lambda: plan_actions.open_step(steps[key], by=officer, on=day))

    def close_step(key: str, day: datetime.date):
        at(day, 17, lambda: plan_actions.close_step(steps[key], by=officer, on=day))

    def issue(label: str, note: str, *, final: bool = False):
        if final:
            versions[label] = actions.issue_final_version(plan, by=officer, note=note)
        else:
            versions[label] = actions.issue_draft_version(plan, by=officer, note=note)
        _produce_all()

    # Step 13: the sections, draft 0.1, the public comment on it and the answers.
    open_step(data.DRAFT_STEP, data.DRAFT_OPEN)
    for kind, ((title_es, _title_en), (body_es, _body_en)) in data.SECTIONS.items():
        at(
            data.SECTIONS_WRITTEN,
            11,
            lambda k=kind, title=title_es, body=body_es: actions.change_plan_section(
                plan, k, by=officer, title_es=title, body_es=body
            ),
        )
    day, note = data.DRAFT_1
    at(day, 10, lambda note=note: issue("0.1", note))
    for n, (author, day, anchor, body, (answered_on, answer)) in enumerate(data.DRAFT_COMMENTS):

        def comment(n=n, by=citizens[author], anchor=anchor, body=body):
            found[n] = actions.comment_draft(versions["0.1"], by=by, anchor=anchor, body=body)

        at(day, 18, comment)
        at(
            answered_on,
            12,
            lambda n=n, text=answer: actions.answer_draft_comment(
                found[n], by=officer, answer=text
            ),
        )
    close_step(data.DRAFT_STEP, data.DRAFT_CLOSE)

    # Step 14: OGP's Support Unit reviews draft 0.1.
    open_step(data.REVIEW_STEP, data.REVIEW_OPEN)

    def open_round():
        found["round"] = actions.open_review_round(
            versions["0.1"],
            by=officer,
            due_on=data.REVIEW_DUE,
            message=data.REVIEW_MESSAGE,
            today=data.REVIEW_OPEN,
        )

    at(data.REVIEW_OPEN, 10, open_round)
    for key, (day, anchor, body) in data.REVIEW_COMMENTS.items():
        at(
            day,
            15,
            lambda key=key, anchor=anchor, body=body: found.__setitem__(
                key,
                actions.comment_review_round(found["round"], by=reviewer, anchor=anchor, body=body),
            ),
        )
    at(data.REVIEW_CLOSE, 12, lambda: actions.close_review_round(found["round"], by=officer))
    close_step(data.REVIEW_STEP, data.REVIEW_CLOSE)

    # Step 16: draft 0.2 with the changes, the comments resolved, the report published.
    open_step(data.ADJUSTMENTS_STEP, data.ADJUSTMENTS_OPEN)

    def amend_process():
        section = PlanSection.objects.get(plan=plan, kind="process")
        actions.change_plan_section(
            plan,
            "process",
            by=officer,
            body_es=section.body_es + data.PROCESS_ADDITION[0],
        )

    day, note = data.DRAFT_2
    at(day, 9, amend_process)
    at(day, 10, lambda note=note: issue("0.2", note))
    for key, (day, status, resolution, label) in data.RESOLUTIONS.items():
        at(
            day,
            15,
            lambda key=key, s=status, r=resolution, label=label: actions.resolve_review_comment(
                found[key],
                by=officer,
                status=s,
                resolution=r,
                addressed_in=versions[label] if label else None,
            ),
        )
    at(
        data.REPORT_PUBLISHED,
        10,
        lambda: actions.publish_round_report(found["round"], by=officer),
    )
    at(data.TRANSLATED_ON, 11, lambda: _complete_translation(plan, officer))
    day, note = data.FINAL
    at(day, 10, lambda note=note: issue("1.0", note, final=True))
    close_step(data.ADJUSTMENTS_STEP, data.ADJUSTMENTS_CLOSE)

    # Step 15: the final version delivered to OGP.
    open_step(data.DELIVERY_STEP, data.DELIVERED_ON)
    at(
        data.DELIVERED_ON,
        11,
        lambda: actions.record_delivery(
            versions["1.0"],
            by=officer,
            delivered_on=data.DELIVERED_ON,
            recipient=data.RECIPIENT,
            note=data.DELIVERY_NOTE,
        ),
    )
    close_step(data.DELIVERY_STEP, data.DELIVERED_ON)

    # Step 17: the presentation, held, and the plan published.
    open_step(data.PRESENTATION_STEP, data.PRESENTATION_OPEN)
    event = data.PRESENTATION

    def present():
        starts = _at(event["day"], event["hour"])
        found["presentation"] = event_actions.create_event(
            plan,
            by=officer,
            kind=Event.Kind.PRESENTATION,
            title_es=event["title_es"],
            title_en=event["title_en"],
            description_es=event["description_es"],
            description_en=event["description_en"],
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            venue=event["venue"],
            organiser="ANTAI",
            published=True,
        )

    at(data.PRESENTATION_OPEN, 10, present)
    at(
        event["day"],
        13,
        lambda: event_actions.record_minutes(
            found["presentation"],
            by=officer,
            minutes_es=event["minutes_es"],
            minutes_en=event["minutes_en"],
            published_on=event["day"],
        ),
    )
    at(
        data.PUBLISHED_ON,
        14,
        lambda: actions.publish_plan(plan, by=officer, presentation=found["presentation"]),
    )
    close_step(data.PRESENTATION_STEP, data.PRESENTATION_CLOSE)

    replay = _Replay(plan, STAMPED)
    for day, hour, act in sorted(timeline, key=lambda row: (row[0], row[1])):
        replay.run(day, hour, act)
    replay.backdate()
    _date_publication(plan)
    # Replayed history is not a burst of comments: the demo citizens start with their whole limit.
    for citizen in citizens.values():
        ratelimit.reset("draft-comment", str(citizen.pk))


def _complete_translation(plan: ActionPlan, officer) -> None:
    """Write the sections' English (the drafts had them in Spanish only) through the translation
    action; the final version is refused while anything lacks a language."""
    for kind, ((_title_es, title_en), (_body_es, body_en)) in data.SECTIONS.items():
        if kind == "process":
            body_en += data.PROCESS_ADDITION[1]
        section = PlanSection.objects.get(plan=plan, kind=kind)
        actions.translate_plan(
            section, by=officer, texts={"title_en": title_en, "body_en": body_en}
        )
    gaps = missing(plan)
    if gaps:
        raise ValueError(f"the demo's translation lacks: {gaps[:5]}")


def _date_publication(plan: ActionPlan) -> None:
    """The publication's dates are days the actions set to today: give them 2017's. A queryset
    update: the published plan's rows refuse a save (publication/immutability.py)."""
    day = data.PUBLISHED_ON
    ActionPlan.objects.filter(pk=plan.pk).update(published_on=day)
    Publication.objects.filter(plan=plan).update(published_on=day)
    Document.objects.filter(plan=plan, published_on__gt=day, created_at__date=day).update(
        published_on=day
    )
    NewsItem.objects.filter(plan=plan, published_on__gt=day, created_at__date=day).update(
        published_on=day
    )
    plan.published_on = day
