"""The reasoned response (OGP minimum requirement 4.1): one public page per plan with every
submitted proposal, what its viability review said, how many public comments it had and how
many were answered, and the commission's outcome with its reasons; the comments on the draft
plan's versions with their official answers; and their CSV downloads.

The outcomes show only once the selection is published (`selection.publish_selection`)."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cocrea.core.cache import cache_public_page, fragment_key
from cocrea.core.csv import csv_download
from cocrea.core.links import absolute_url
from cocrea.core.params import int_param
from cocrea.plans import queries as plan_queries
from cocrea.publication import queries_drafts as draft_queries
from cocrea.selection import queries
from cocrea.selection.models import Outcome

PAGE_SIZE = 50
DRAFT_COMMENTS_PAGE_SIZE = 50
PENDING = "pending"


def _plan(slug):
    plan = plan_queries.plan_by_slug(slug)
    if plan is None:
        raise Http404
    return plan


def _filters(request, published: bool) -> dict:
    result = request.GET.get("outcome", "")
    # Before publication nothing is filtered by outcome: the outcomes are not public yet.
    known = published and result in (PENDING, *Outcome.Result.values)
    return {"axis": int_param(request.GET, "axis"), "outcome": result if known else ""}


@require_GET
@cache_public_page
def reasoned_response(request, slug):
    plan = _plan(slug)
    published = queries.is_published(plan)
    filters = _filters(request, published)
    found = queries.reasoned_response(plan, axis=filters["axis"], result=filters["outcome"])
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "public/reasoned_response.html",
        {
            "plan": plan,
            "page": page,
            "published": published,
            "publication": getattr(plan, "selection_publication", None) if published else None,
            "never_submitted": queries.never_submitted(plan),
            "axes": list(plan.axes.order_by("number")),
            "results": Outcome.Result.choices,
            "fragment": fragment_key(request, plan, get_language(), request.GET.urlencode()),
            # read only when the cached fragment is rendered
            "draft_comments": SimpleLazyObject(lambda: _draft_comments(request, plan)),
            **filters,
        },
    )


def _draft_comments(request, plan) -> dict:
    """The page of comments on the draft plan (`?comments=`), each with its part's title."""
    found = draft_queries.for_reasoned_response(plan)
    page = Paginator(found, DRAFT_COMMENTS_PAGE_SIZE).get_page(request.GET.get("comments"))
    comments = list(page)
    titles = draft_queries.part_titles(comments, get_language())
    return {
        "page": page,
        "rows": [(comment, draft_queries.part_title(titles, comment)) for comment in comments],
    }


def _result(outcome) -> str:
    if outcome is None:
        return ""
    label = outcome.get_result_display()
    if outcome.as_counterproposal:
        return _("%(result)s, as its counterproposal") % {"result": label}
    if outcome.promoted:
        return _("%(result)s, promoted alternate") % {"result": label}
    return label


@require_GET
def reasoned_response_csv(request, slug):
    """Every submitted proposal of the plan with its review, comments and (once published) its
    outcome and reasons. No personal data: institutions, tables and texts only."""
    plan = _plan(slug)
    published = queries.is_published(plan)
    response, writer = csv_download(f"{plan.slug}-reasoned-response.csv")
    writer.writerow(
        [
            _("Thematic axis"),
            _("Working table"),
            _("Slot"),
            _("Proposal"),
            _("Viability review"),
            _("Reviewing institution"),
            _("Changes required"),
            _("Reasons it is not viable"),
            _("Counterproposal"),
            _("Public comments"),
            _("Answered"),
            _("Outcome"),
            _("Reasons"),
            _("Merged into"),
            _("Meeting"),
            _("Link"),
        ]
    )
    for proposal in queries.reasoned_response(plan).iterator(chunk_size=500):
        review = getattr(proposal, "review", None)
        counter = getattr(review, "counterproposal", None) if review is not None else None
        outcome = getattr(proposal, "outcome", None) if published else None
        writer.writerow(
            [
                proposal.axis,
                proposal.working_table,
                proposal.get_slot_display(),
                proposal.title,
                review.get_outcome_display() if review else _("No lead institution yet"),
                review.institution if review else "",
                review.changes if review else "",
                review.reasons if review else "",
                counter.title if counter else "",
                proposal.comment_count,
                proposal.answered_count,
                _result(outcome),
                outcome.reason if outcome else "",
                outcome.merged_into if outcome and outcome.merged_into_id else "",
                timezone.localtime(outcome.decided_at.starts_at).date().isoformat()
                if outcome
                else "",
                absolute_url(reverse("proposals:detail", args=[plan.slug, proposal.pk])),
            ]
        )
    return response


@require_GET
def draft_comments_csv(request, slug):
    """Every comment on the plan's draft versions with its part, version and official answer.
    No personal data: the comments' authors are not listed."""
    plan = _plan(slug)
    response, writer = csv_download(f"{plan.slug}-draft-comments.csv")
    writer.writerow(
        [
            _("Version"),
            _("Part"),
            _("Written"),
            _("Comment"),
            _("Official answer"),
            _("Answered on"),
            _("Link"),
        ]
    )
    found = list(draft_queries.for_reasoned_response(plan))
    titles = draft_queries.part_titles(found, get_language())
    for comment in found:
        url = reverse("publication:draft", args=[plan.slug, comment.version.label])
        writer.writerow(
            [
                comment.version.label,
                draft_queries.part_title(titles, comment),
                timezone.localtime(comment.created_at).date().isoformat(),
                comment.body,
                comment.answer or pgettext("a comment's answer", "Awaiting an answer"),
                timezone.localtime(comment.answered_at).date().isoformat()
                if comment.answered_at
                else "",
                absolute_url(f"{url}#comment-{comment.pk}"),
            ]
        )
    return response
