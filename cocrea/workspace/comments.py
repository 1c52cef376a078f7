"""The queue of public comments awaiting an official answer: the secretariat sees every comment
of the plan, a table's leaders (and whoever else may answer) the comments on the proposals they
answer for; oldest first, each linked to its answer form on the proposal's public page."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from cocrea.core.csv import csv_download
from cocrea.core.params import int_param, text_param
from cocrea.proposals import queries as proposal_queries
from cocrea.proposals.rules import can_answer_comment, can_view_comments

from .views import _plan_for

PAGE_SIZE = 50
STATES = [
    ("unanswered", _("Awaiting an answer")),
    ("answered", _("Answered")),
    ("hidden", _("Hidden")),
    ("all", _("All")),
]


def _filters(request) -> dict:
    state = text_param(request.GET, "state")
    return {
        "state": state if state in proposal_queries.COMMENT_STATES else "unanswered",
        "table": int_param(request.GET, "table"),
        "axis": int_param(request.GET, "axis"),
    }


def _rows(request, plan, comments):
    """(comment, link to it on the public page, may answer, age in days) for each comment."""
    today = timezone.localdate()
    rows = []
    for comment in comments:
        comment.proposal.plan = plan
        comment.proposal.working_table.plan = plan
        rows.append(
            (
                comment,
                proposal_queries.comment_page_url(comment),
                can_answer_comment(request.user, comment),
                (today - timezone.localtime(comment.created_at).date()).days,
            )
        )
    return rows


@login_required
@require_GET
def comments(request, slug):
    plan = _plan_for(request, slug, "proposals.list_comments")
    filters = _filters(request)
    found = proposal_queries.comments_for_answering(plan, request.user, **filters)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "workspace/comments.html",
        {
            "plan": plan,
            "page": page,
            "rows": _rows(request, plan, page),
            "states": STATES,
            "tables": list(plan.tables.order_by("number")),
            "axes": list(plan.axes.order_by("number")),
            "counts": proposal_queries.comment_counts(plan)
            if can_view_comments(request.user, plan)
            else None,
            **filters,
        },
    )


@login_required
@require_GET
def comments_csv(request, slug):
    """The comments of the queue, as filtered, for a spreadsheet."""
    plan = _plan_for(request, slug, "proposals.list_comments")
    found = proposal_queries.comments_for_answering(plan, request.user, **_filters(request))
    response, writer = csv_download(f"{plan.slug}-comments.csv")
    writer.writerow(
        [
            _("Written"),
            _("Author"),
            _("Proposal"),
            _("Working table"),
            _("Thematic axis"),
            _("Comment"),
            _("Official answer"),
            _("Answered by"),
            _("Answered"),
            _("Hidden"),
            _("Link"),
        ]
    )
    for comment, url, _may_answer, _age in _rows(request, plan, found.iterator(chunk_size=500)):
        writer.writerow(
            [
                timezone.localtime(comment.created_at).strftime("%Y-%m-%d %H:%M"),
                comment.author_name,
                comment.proposal,
                comment.proposal.working_table,
                comment.proposal.axis,
                comment.body,
                comment.answer,
                comment.answered_by_name,
                timezone.localtime(comment.answered_at).strftime("%Y-%m-%d %H:%M")
                if comment.answered_at
                else "",
                _("yes") if comment.is_hidden else "",
                request.build_absolute_uri(url),
            ]
        )
    return response
