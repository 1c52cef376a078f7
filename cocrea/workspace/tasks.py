"""The personal task inbox: what a person can and should do now in a plan, each with the page
where it is done and its deadline.

`SOURCES` is the declared list of the kinds of task, one function each. A source reads what is
waiting in the plan and keeps what the person may do, asking the same `can_*` functions (and so
the open capabilities) as the pages where the work is done: it never decides who may act.
A task done (a set submitted, a review given, a comment answered, minutes recorded) is no longer
waiting, so it leaves the list.

Every source reads in a fixed number of queries whatever the number of objects (the permission
checks answer from the request's permission context), so the inbox costs the same with one task
or a hundred."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from cocrea.commitments import actions as commitment_actions
from cocrea.commitments import queries as commitment_queries
from cocrea.commitments.rules import can_change_commitment, can_list_commitments
from cocrea.events import queries as event_queries
from cocrea.events.rules import can_record_minutes
from cocrea.participation import queries as participation_queries
from cocrea.participation.rules import (
    can_confirm_invitation,
    can_remind_liaison,
    can_resend_invitation,
)
from cocrea.plans import capabilities
from cocrea.plans import queries as plan_queries
from cocrea.proposals import actions as proposal_actions
from cocrea.proposals import queries as proposal_queries
from cocrea.proposals.models import Proposal, PublicComment, ReviewDelegate
from cocrea.proposals.rules import (
    can_answer_comment,
    can_name_delegate,
    can_review_proposal,
    can_submit_proposals,
    institutions_headed_by,
    review_seats,
)
from cocrea.publication import queries_drafts as draft_queries
from cocrea.publication.models import ReviewRound, RoundComment
from cocrea.publication.rules import (
    can_answer_draft_comment,
    can_comment_review_round,
    can_resolve_review_comment,
    can_view_review_round,
)
from cocrea.selection import actions as selection_actions
from cocrea.selection import queries as selection_queries
from cocrea.selection.rules import can_check_eligibility, can_record_outcome, can_score_candidate
from cocrea.tables.models import WorkingTable
from cocrea.tables.rules import tables_joined_by

# A source lists at most this many tasks of its kind; the rest is one task to the list page.
MAX_PER_SOURCE = 10


@dataclass
class Task:
    """One thing to do: `title` links to `url`, where it is done; `due` is its deadline (None
    without one), `since` when it started waiting; `count` how many objects it stands for;
    `detail` a short note (what is missing, who asked)."""

    kind: str
    title: str
    url: str
    plan: object
    due: datetime.date | None = None
    since: datetime.datetime | datetime.date | None = None
    count: int = 1
    detail: str = ""
    today: datetime.date = field(default_factory=timezone.localdate)

    @property
    def days_left(self) -> int | None:
        return None if self.due is None else (self.due - self.today).days

    @property
    def overdue(self) -> bool:
        return self.due is not None and self.due < self.today

    @property
    def when(self) -> str:
        """'Overdue', 'due today' or 'due in N days' (empty without a deadline)."""
        days = self.days_left
        if days is None:
            return ""
        if days < 0:
            return pgettext("a task's deadline", "overdue")
        if days == 0:
            return _("due today")
        return ngettext("due in %(days)s day", "due in %(days)s days", days) % {"days": days}

    @property
    def since_date(self) -> datetime.date | None:
        if isinstance(self.since, datetime.datetime):
            return timezone.localtime(self.since).date()
        return self.since

    def sort_key(self):
        """Deadline first (overdue ones are the earliest), tasks without one after; then the
        oldest first."""
        since = self.since_date or datetime.date.max
        return (self.due is None, self.due or datetime.date.max, since, self.title)


class Inbox:
    """What the sources of one person in one plan share: the plan's steps (for the deadlines of
    the capabilities), read once, and today."""

    def __init__(self, user, plan):
        self.user = user
        self.plan = plan
        self.today = timezone.localdate()
        self._steps = None

    @property
    def steps(self) -> list:
        if self._steps is None:
            self._steps = list(plan_queries.programme_steps(self.plan))
        return self._steps

    def deadline(self, capability: str) -> datetime.date | None:
        """The planned end of the step enabling `capability` (the open one, else the next)."""
        step = capabilities.enabling_step(self.plan, capability, steps=self.steps)
        return step.planned_end if step is not None else None

    def task(self, kind: str, title: str, url: str, **values) -> Task:
        return Task(kind=kind, title=title, url=url, plan=self.plan, today=self.today, **values)


def _capped(inbox: Inbox, tasks: list[Task], kind: str, more_title, url: str) -> list[Task]:
    """At most MAX_PER_SOURCE tasks; the others become one task to the page that lists them,
    titled `more_title(count)`."""
    if len(tasks) <= MAX_PER_SOURCE:
        return tasks
    tasks.sort(key=Task.sort_key)
    rest = tasks[MAX_PER_SOURCE:]
    dues = [t.due for t in rest if t.due is not None]
    sinces = [t.since_date for t in rest if t.since_date is not None]
    more = inbox.task(
        kind,
        more_title(len(rest)),
        url,
        due=min(dues) if dues else None,
        since=min(sinces) if sinces else None,
        count=len(rest),
    )
    return [*tasks[:MAX_PER_SOURCE], more]


# --- the sources ---------------------------------------------------------------------------------


def reviews_to_give(inbox: Inbox) -> list[Task]:
    """The pending viability reviews of the institutions the person reviews for (as head or
    named delegate), while they may give them."""
    user, plan = inbox.user, inbox.plan
    institutions = institutions_headed_by(user, plan)
    if not institutions:
        return []
    pending = proposal_queries.reviews(plan, institutions=institutions, state="pending")
    tasks = []
    for review in pending:
        review.proposal.plan = plan
        if not can_review_proposal(user, review):
            continue
        tasks.append(
            inbox.task(
                "review",
                _("Review the viability of “%(proposal)s”") % {"proposal": review.proposal},
                reverse("proposals:review", args=[plan.slug, review.pk]),
                due=review.due_on,
                since=review.created_at,
                detail=str(review.institution),
            )
        )

    def more(count):
        return ngettext(
            "%(count)s more review to give", "%(count)s more reviews to give", count
        ) % {"count": count}

    return _capped(inbox, tasks, "review", more, reverse("proposals:reviews", args=[plan.slug]))


def delegates_to_name(inbox: Inbox) -> list[Task]:
    """For a head of institution: the institutions they head with reviews pending and nobody
    named to review on their behalf, while they may name someone."""
    user, plan = inbox.user, inbox.plan
    headed = review_seats(user, plan)[0]
    if not headed:
        return []
    pending = proposal_queries.pending_reviews_by_institution(plan, headed)
    tasks = []
    for institution, count, due in pending:
        if not can_name_delegate(user, ReviewDelegate(plan=plan, institution=institution)):
            continue
        tasks.append(
            inbox.task(
                "delegate",
                _("Name someone to review for %(institution)s?") % {"institution": institution},
                reverse("proposals:reviews", args=[plan.slug]) + "#delegates",
                due=due,
                count=count,
                detail=ngettext(
                    "%(count)s review pending, nobody named to help",
                    "%(count)s reviews pending, nobody named to help",
                    count,
                )
                % {"count": count},
            )
        )
    return tasks


def sets_to_submit(inbox: Inbox) -> list[Task]:
    """The proposal sets, one per table and axis, of the tables the person sits at that they
    may submit and that are not submitted yet, with what is still missing."""
    user, plan = inbox.user, inbox.plan
    seats = tables_joined_by(user, plan)
    if not seats:
        return []
    tables = []
    for table in WorkingTable.objects.filter(pk__in=seats).prefetch_related("axes"):
        table.plan = plan
        if can_submit_proposals(user, table):
            tables.append(table)
    if not tables:
        return []
    drafts = defaultdict(list)
    for proposal in Proposal.objects.filter(working_table__in=tables).prefetch_related(
        "milestones"
    ):
        drafts[(proposal.working_table_id, proposal.axis_id)].append(proposal)
    due = inbox.deadline("drafting")
    tasks = []
    for table in sorted(tables, key=lambda table: table.number):
        for axis in sorted(table.axes.all(), key=lambda axis: axis.number):
            found = drafts[(table.pk, axis.pk)]
            if any(proposal.is_locked for proposal in found):
                continue
            missing = proposal_actions.missing_for_submission(table, axis, drafts=found)
            detail = (
                ngettext("%(count)s thing missing", "%(count)s things missing", len(missing))
                % {"count": len(missing)}
                if missing
                else _("Complete: ready to submit")
            )
            url = reverse("proposals:workspace", args=[plan.slug, table.number])
            tasks.append(
                inbox.task(
                    "set",
                    _("Submit the proposals of %(table)s for the axis %(axis)s")
                    % {"table": table, "axis": axis},
                    f"{url}#axis-{axis.number}",
                    due=due,
                    count=len(missing),
                    detail=detail,
                )
            )
    return tasks


def comments_to_answer(inbox: Inbox) -> list[Task]:
    """The public comments awaiting an official answer that the person may give, as one task
    to the queue of comments (oldest first).

    Read as one row per proposal (its waiting comments' number and the oldest's date), not one
    per comment: the queue may hold thousands. Whether the person may answer is still asked of
    `can_answer_comment`, once per proposal, on a comment of it (the rule reads the comment's
    proposal: its table and its lead institution, see tests/test_tasks.py)."""
    user, plan = inbox.user, inbox.plan
    rows = (
        proposal_queries.comments_for_answering(plan, user, positions=False)
        .order_by()
        .values("proposal_id", "proposal__working_table_id")
        .annotate(waiting=Count("id"), oldest=Min("created_at"))
    )
    tables: dict[int, WorkingTable] = {}
    count, oldest = 0, None
    for row in rows:
        # The rows as the database gave them (`from_db`, the other fields deferred: a rule
        # reading one would load it), without the cost of building new objects.
        table_id = row["proposal__working_table_id"]
        if table_id not in tables:
            tables[table_id] = WorkingTable.from_db(None, ["id", "plan_id"], [table_id, plan.pk])
            tables[table_id].plan = plan
        proposal = Proposal.from_db(
            None, ["id", "plan_id", "working_table_id"], [row["proposal_id"], plan.pk, table_id]
        )
        proposal.plan, proposal.working_table = plan, tables[table_id]
        comment = PublicComment.from_db(
            None, ["proposal_id", "created_at"], [row["proposal_id"], row["oldest"]]
        )
        comment.proposal = proposal
        if can_answer_comment(user, comment):
            count += row["waiting"]
            oldest = row["oldest"] if oldest is None else min(oldest, row["oldest"])
    if not count:
        return []
    days = (inbox.today - timezone.localtime(oldest).date()).days
    return [
        inbox.task(
            "comments",
            ngettext(
                "Answer %(count)s public comment",
                "Answer %(count)s public comments",
                count,
            )
            % {"count": count},
            reverse("workspace:comments", args=[plan.slug]),
            since=oldest,
            count=count,
            detail=ngettext(
                "the oldest is %(days)s day old", "the oldest is %(days)s days old", days
            )
            % {"days": days},
        )
    ]


def minutes_to_record(inbox: Inbox) -> list[Task]:
    """The events that took place without minutes, for who may record them.

    A secretariat may have a hundred: each is read without joins (the plan is the inbox's) and
    only the tasks listed (at most MAX_PER_SOURCE) get their link and detail."""
    user, plan = inbox.user, inbox.plan
    title = _("Record the minutes of “%(event)s”")
    tasks, events = [], {}
    for event in event_queries.without_minutes(plan, user).select_related(None):
        event.plan = plan
        if not can_record_minutes(user, event):
            continue
        task = inbox.task("minutes", title % {"event": event}, "", since=event.starts_at)
        tasks.append(task)
        events[id(task)] = event

    def more(count):
        return ngettext(
            "%(count)s more event without minutes",
            "%(count)s more events without minutes",
            count,
        ) % {"count": count}

    listed = _capped(inbox, tasks, "minutes", more, reverse("events:manage_list", args=[plan.slug]))
    for task in listed:
        event = events.get(id(task))
        if event is not None:
            url = reverse("events:manage_event", args=[plan.slug, event.pk])
            task.url, task.detail = f"{url}#minutes-form", event.get_kind_display()
    return listed


def invitations_to_follow_up(inbox: Inbox) -> list[Task]:
    """Invitations waiting for the secretariat: accepted ones to confirm, and unanswered ones
    whose link expired, to send again or revoke. (An invitation goes to an e-mail address with
    a single-use link, not to an account: the invited person answers it from their mail.)"""
    user, plan = inbox.user, inbox.plan
    may_confirm = can_confirm_invitation(user, plan)
    may_resend = can_resend_invitation(user, plan)
    if not (may_confirm or may_resend):
        return []
    counts = participation_queries.invitations_to_follow_up(plan)
    url = reverse("participation:invitations", args=[plan.slug])
    tasks = []
    if may_confirm and counts["accepted"]:
        tasks.append(
            inbox.task(
                "invitations",
                ngettext(
                    "Confirm %(count)s accepted invitation",
                    "Confirm %(count)s accepted invitations",
                    counts["accepted"],
                )
                % {"count": counts["accepted"]},
                url,
                since=counts["accepted_since"],
                count=counts["accepted"],
            )
        )
    if may_resend and counts["expired"]:
        tasks.append(
            inbox.task(
                "invitations",
                ngettext(
                    "%(count)s invitation expired unanswered: send it again or revoke it",
                    "%(count)s invitations expired unanswered: send them again or revoke them",
                    counts["expired"],
                )
                % {"count": counts["expired"]},
                url,
                since=counts["expired_since"],
                count=counts["expired"],
            )
        )
    return tasks


def liaisons_awaited(inbox: Inbox) -> list[Task]:
    """The requests for a liaison that no head of institution has answered yet, with the
    earliest deadline, for who may remind them (while a step enabling the liaisons is open:
    afterwards nothing about them is due)."""
    user, plan = inbox.user, inbox.plan
    if not can_remind_liaison(user, plan):
        return []
    counts = participation_queries.liaison_requests_pending(plan)
    if not counts["pending"]:
        return []
    return [
        inbox.task(
            "liaisons",
            ngettext(
                "%(count)s institution has not named its liaison yet",
                "%(count)s institutions have not named their liaison yet",
                counts["pending"],
            )
            % {"count": counts["pending"]},
            reverse("participation:liaisons", args=[plan.slug]),
            due=counts["due"],
            since=counts["since"],
            count=counts["pending"],
        )
    ]


def proposals_to_score(inbox: Inbox) -> list[Task]:
    """For a commission member while scoring is open: the eligible proposals they have neither
    scored nor abstained on, by the end of the scoring step."""
    user, plan = inbox.user, inbox.plan
    if not can_score_candidate(user, plan):
        return []
    due = selection_queries.due_count(user, plan)
    if not due:
        return []
    return [
        inbox.task(
            "scoring",
            ngettext("%(count)s proposal to score", "%(count)s proposals to score", due)
            % {"count": due},
            reverse("selection:queue", args=[plan.slug]),
            due=inbox.deadline("scoring"),
            count=due,
        )
    ]


def eligibility_to_check(inbox: Inbox) -> list[Task]:
    """For the secretariat while scoring is open: the proposals and counterproposals not yet
    checked against the published methodology's requirements."""
    user, plan = inbox.user, inbox.plan
    if not can_check_eligibility(user, plan):
        return []
    selection_actions.ensure_candidates(plan)
    count = selection_queries.unchecked_count(plan)
    if not count:
        return []
    return [
        inbox.task(
            "eligibility",
            ngettext(
                "Check the eligibility of %(count)s proposal",
                "Check the eligibility of %(count)s proposals",
                count,
            )
            % {"count": count},
            reverse("selection:eligibility", args=[plan.slug]) + "?state=unchecked",
            due=inbox.deadline("scoring"),
            count=count,
        )
    ]


def draft_comments_to_answer(inbox: Inbox) -> list[Task]:
    """The public comments on the plan's draft versions awaiting an official answer, as one task
    to their queue, for who may answer them (the secretariat); due when the step enabling the
    final version ends (the answers join the reasoned response, an annex of the plan)."""
    user, plan = inbox.user, inbox.plan
    if not can_answer_draft_comment(user, plan):
        return []
    counts = draft_queries.draft_comment_counts(plan)
    count = counts["unanswered"]
    if not count:
        return []
    oldest = counts["oldest"]
    days = (inbox.today - timezone.localtime(oldest).date()).days
    return [
        inbox.task(
            "draft_comments",
            ngettext(
                "Answer %(count)s comment on the draft plan",
                "Answer %(count)s comments on the draft plan",
                count,
            )
            % {"count": count},
            reverse("publication:draft_comments", args=[plan.slug]),
            since=oldest,
            count=count,
            detail=ngettext(
                "the oldest is %(days)s day old", "the oldest is %(days)s days old", days
            )
            % {"days": days},
            due=inbox.deadline("translation"),
        )
    ]


def commitments_to_complete(inbox: Inbox) -> list[Task]:
    """The commitments the person edits (secretariat, their tables' leaders, their institutions'
    liaisons) that still lack something, with how many items, while they may edit them."""
    user, plan = inbox.user, inbox.plan
    if not can_list_commitments(user, plan) or not capabilities.is_open(
        plan, "commitment-development"
    ):
        return []
    tasks = []
    editable = commitment_queries.edited_by(commitment_queries.commitments(plan), user, plan)
    for commitment in commitment_queries.with_supporting_ids(editable):
        commitment.plan = plan
        if not can_change_commitment(user, commitment):
            continue
        missing = commitment_actions.missing(commitment)
        if not missing:
            continue
        tasks.append(
            inbox.task(
                "commitment",
                _("Complete commitment %(number)s, “%(title)s”")
                % {"number": commitment.number, "title": commitment},
                reverse("commitments:edit", args=[plan.slug, commitment.number]),
                due=inbox.deadline("commitment-development"),
                since=commitment.created_at,
                count=len(missing),
                detail=ngettext("%(count)s item missing", "%(count)s items missing", len(missing))
                % {"count": len(missing)},
            )
        )

    def more(count):
        return ngettext(
            "%(count)s more commitment to complete", "%(count)s more commitments to complete", count
        ) % {"count": count}

    url = reverse("commitments:workspace", args=[plan.slug]) + "?mine=1"
    return _capped(inbox, tasks, "commitment", more, url)


# The kinds of task, in the order they are read. Each takes the Inbox and returns its tasks.
def outcomes_to_record(inbox: Inbox) -> list[Task]:
    """The submitted proposals the commission's decision does not cover yet, for who records it
    (the secretariat, while a step enabling the selection is open)."""
    user, plan = inbox.user, inbox.plan
    if not can_record_outcome(user, plan):
        return []
    count = selection_queries.without_outcome(plan).count()
    if not count:
        return []
    return [
        inbox.task(
            "outcomes",
            ngettext(
                "Record the outcome of %(count)s proposal",
                "Record the outcome of %(count)s proposals",
                count,
            )
            % {"count": count},
            reverse("selection:decision", args=[plan.slug]) + "?outcome=pending",
            due=inbox.deadline("selection"),
            count=count,
            detail=_("Proposals without an outcome"),
        )
    ]


def review_comments_due(inbox: Inbox) -> list[Task]:
    """OGP's reviewers: the open review round awaiting their comments, until its due date."""
    user, plan = inbox.user, inbox.plan
    if not can_view_review_round(user, plan):
        return []
    tasks = []
    for found in ReviewRound.objects.filter(
        plan=plan, status=ReviewRound.Status.OPEN, due_on__gte=inbox.today
    ).select_related("version"):
        found.plan = plan
        if not can_comment_review_round(user, found):
            continue
        tasks.append(
            inbox.task(
                "review_round",
                _("Comments due in review round %(number)s (version %(label)s)")
                % {"number": found.number, "label": found.version.label},
                reverse("publication:review_round", args=[plan.slug, found.number]),
                due=found.due_on,
                since=found.created_at,
            )
        )
    return tasks


def review_comments_to_resolve(inbox: Inbox) -> list[Task]:
    """The secretariat: each round's review comments still open, to address or decline."""
    user, plan = inbox.user, inbox.plan
    if not can_view_review_round(user, plan) or not can_resolve_review_comment(user, plan):
        return []
    waiting = (
        RoundComment.objects.filter(plan=plan, status=RoundComment.Status.OPEN)
        .values("round__number")
        .annotate(count=Count("id"), since=Min("created_at"))
        .order_by("round__number")
    )
    return [
        inbox.task(
            "review_comments",
            ngettext(
                "%(count)s open review comment to resolve in round %(number)s",
                "%(count)s open review comments to resolve in round %(number)s",
                row["count"],
            )
            % {"count": row["count"], "number": row["round__number"]},
            reverse("publication:review_round", args=[plan.slug, row["round__number"]]),
            since=row["since"],
            count=row["count"],
        )
        for row in waiting
    ]


SOURCES = (
    reviews_to_give,
    delegates_to_name,
    sets_to_submit,
    comments_to_answer,
    minutes_to_record,
    invitations_to_follow_up,
    liaisons_awaited,
    proposals_to_score,
    eligibility_to_check,
    commitments_to_complete,
    outcomes_to_record,
    draft_comments_to_answer,
    review_comments_due,
    review_comments_to_resolve,
)


def tasks_for(user, plan) -> list[Task]:
    """Everything `user` can and should do now in `plan`, by deadline (overdue first), then
    the oldest first."""
    if not getattr(user, "is_authenticated", False):
        return []
    inbox = Inbox(user, plan)
    found = [task for source in SOURCES for task in source(inbox)]
    return sorted(found, key=Task.sort_key)


def tasks_across(user, plans) -> list[Task]:
    """The tasks of `user` in each of `plans`, in one list ordered as `tasks_for`."""
    found = [task for plan in plans for task in tasks_for(user, plan)]
    return sorted(found, key=Task.sort_key)
