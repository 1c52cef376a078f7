"""OGP's review rounds: the workspace's list of rounds (and the form sending a version to a new
one), a round's page (the version's document with each part's comments, the reviewers' comment
forms and the secretariat's resolve forms), the uploaded files (never public), the round's report
(HTML and CSV) and its public page once the secretariat has published it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cocrea.core.actions import require_perm
from cocrea.core.cache import cache_public_page
from cocrea.core.csv import csv_download
from cocrea.plans import queries as plan_queries

from . import actions, content, rules
from .forms_review import COMMENT_STATUS, CommentForm, OpenRoundForm, ResolveForm
from .models import WHOLE_DOCUMENT, DraftVersion, ReviewRound, RoundComment

PAGE_SIZE = 20
# The report lists every comment of a round on one page, up to this many per page.
REPORT_PAGE_SIZE = 200


def _plan(slug):
    plan = plan_queries.plan_by_slug(slug)
    if plan is None:
        raise Http404
    return plan


def _round(plan, number) -> ReviewRound:
    found = ReviewRound.objects.select_related("version").filter(plan=plan, number=number).first()
    if found is None:
        raise Http404
    found.plan = plan
    found.version.plan = plan
    return found


def _comments(found: ReviewRound):
    return (
        RoundComment.objects.filter(round=found)
        .select_related("author", "addressed_in")
        .order_by("created_at", "id")
    )


def _versions(plan) -> list[DraftVersion]:
    """The plan's issued versions, without their (large) frozen content."""
    return list(DraftVersion.objects.filter(plan=plan).defer("content").order_by("major", "minor"))


def _counts(comments) -> dict[str, int]:
    counts = {status: 0 for status in RoundComment.Status.values}
    for comment in comments:
        counts[comment.status] += 1
    return counts


def _titles(found: ReviewRound) -> dict[str, str]:
    """Each anchor of the round's version with the title of its part, in the page's language."""
    document = found.version.document(get_language())
    return {WHOLE_DOCUMENT: _("The whole document"), **dict(content.anchors(document))}


# --- workspace ---------------------------------------------------------------------------------


@login_required
def rounds(request, slug):
    """The plan's review rounds; the secretariat sends an issued version to a new one (the form
    asks to confirm before anything is sent)."""
    plan = _plan(slug)
    user = request.user
    require_perm(user, "publication.view_review_round", plan)
    can_open = rules.can_open_review_round(user, plan)
    versions = _versions(plan) if can_open else []
    form = None
    confirming = False
    if can_open:
        data = request.POST if request.method == "POST" else None
        form = OpenRoundForm(
            data,
            plan=plan,
            versions=versions,
            initial={"version": str(versions[-1].pk)} if versions else None,
        )
        if data is not None and form.is_valid():
            if "confirm" not in data:
                confirming = True
            else:
                version = form.cleaned_data["version"]
                version.plan = plan
                try:
                    found = actions.open_review_round(
                        version,
                        by=user,
                        due_on=form.cleaned_data["due_on"],
                        message=form.cleaned_data["message"],
                    )
                except ValidationError as error:
                    for message in error.messages:
                        form.add_error(None, message)
                else:
                    messages.success(
                        request,
                        _("Review round %(number)s opened: the reviewers were told.")
                        % {"number": found.number},
                    )
                    return redirect("publication:review_round", slug=plan.slug, number=found.number)
    elif request.method == "POST":
        raise PermissionDenied
    found = (
        ReviewRound.objects.filter(plan=plan)
        .select_related("version")
        .defer("version__content")
        .order_by("-number")
    )
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "publication/review_list.html",
        {
            "plan": plan,
            "page": page,
            "form": form,
            "confirming": confirming,
            "can_open": can_open and bool(versions),
        },
    )


@login_required
@require_GET
def round_page(request, slug, number):
    """The round's version, part by part, with that part's comments; the reviewers' comment form
    per part while the round is open; the secretariat's resolve form per comment."""
    plan = _plan(slug)
    found = _round(plan, number)
    user = request.user
    require_perm(user, "publication.view_review_round", found)
    comments = list(_comments(found))
    for comment in comments:
        comment.plan, comment.round = plan, found
    can_comment = rules.can_comment_review_round(user, found) and found.status == "open"
    can_resolve = bool(comments) and rules.can_resolve_review_comment(user, comments[0])
    later = [
        v
        for v in _versions(plan)
        if (v.major, v.minor) > (found.version.major, found.version.minor)
    ]
    by_anchor: dict[str, list] = {}
    for comment in comments:
        if can_resolve:
            comment.form = ResolveForm(
                initial={
                    "status": comment.status,
                    "resolution": comment.resolution,
                    "addressed_in": str(comment.addressed_in_id or ""),
                },
                plan=plan,
                later_versions=later,
                prefix=f"c{comment.pk}",
            )
        by_anchor.setdefault(comment.anchor, []).append(comment)
    anchors = actions.review_anchors(found.version)
    return render(
        request,
        "publication/review_round.html",
        {
            "plan": plan,
            "round": found,
            "document": found.version.document(get_language()),
            "by_anchor": by_anchor,
            "whole": by_anchor.get(WHOLE_DOCUMENT, []),
            "counts": _counts(comments),
            "can_comment": can_comment,
            "can_resolve": can_resolve,
            "can_close": rules.can_close_review_round(user, found),
            "upload_form": CommentForm(plan=plan, anchors=anchors) if can_comment else None,
            "max_mb": actions.REVIEW_ATTACHMENT_MAX_BYTES // (1024 * 1024),
        },
    )


@login_required
@require_POST
def comment(request, slug, number):
    """A reviewer's comment on a part (or the commented DOCX); errors are shown with the text
    kept."""
    plan = _plan(slug)
    found = _round(plan, number)
    user = request.user
    require_perm(user, "publication.comment_review_round", found)
    anchors = actions.review_anchors(found.version)
    form = CommentForm(request.POST, request.FILES, plan=plan, anchors=anchors)
    if form.is_valid():
        try:
            actions.comment_review_round(
                found,
                by=user,
                anchor=form.cleaned_data["anchor"],
                body=form.cleaned_data["body"],
                attachment=form.cleaned_data["attachment"],
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error("attachment" if form.cleaned_data["attachment"] else None, message)
        else:
            messages.success(request, _("Your comment was sent to the secretariat."))
            anchor = form.cleaned_data["anchor"]
            return redirect(
                f"{_round_url(plan, found)}#{anchor if anchor != WHOLE_DOCUMENT else 'comments'}"
            )
    return render(
        request,
        "publication/review_comment.html",
        {"plan": plan, "round": found, "form": form, "titles": _titles(found)},
        status=400,
    )


def _round_url(plan, found) -> str:
    return reverse("publication:review_round", args=[plan.slug, found.number])


@login_required
@require_POST
def resolve(request, slug, number, pk):
    plan = _plan(slug)
    found = _round(plan, number)
    target = RoundComment.objects.filter(round=found, pk=pk).first()
    if target is None:
        raise Http404
    target.plan, target.round = plan, found
    user = request.user
    require_perm(user, "publication.resolve_review_comment", target)
    later = [
        v
        for v in _versions(plan)
        if (v.major, v.minor) > (found.version.major, found.version.minor)
    ]
    form = ResolveForm(request.POST, plan=plan, later_versions=later, prefix=f"c{target.pk}")
    if form.is_valid():
        try:
            actions.resolve_review_comment(
                target,
                by=user,
                status=form.cleaned_data["status"],
                resolution=form.cleaned_data["resolution"],
                addressed_in=form.cleaned_data["addressed_in"],
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error("resolution", message)
        else:
            messages.success(request, _("The comment's status was saved."))
            return redirect(f"{_round_url(plan, found)}#comment-{target.pk}")
    target.form = form
    return render(
        request,
        "publication/review_resolve.html",
        {"plan": plan, "round": found, "comment": target, "form": form, "titles": _titles(found)},
        status=400,
    )


@login_required
@require_POST
def close(request, slug, number):
    plan = _plan(slug)
    found = _round(plan, number)
    try:
        actions.close_review_round(found, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The review round is closed."))
    return redirect("publication:review_round", slug=plan.slug, number=found.number)


@login_required
@require_GET
def attachment(request, slug, number, pk):
    """A reviewer's commented DOCX, for the secretariat and the reviewers only."""
    plan = _plan(slug)
    found = _round(plan, number)
    require_perm(request.user, "publication.view_review_round", found)
    target = RoundComment.objects.filter(round=found, pk=pk).exclude(attachment="").first()
    if target is None:
        raise Http404
    try:
        handle = target.attachment.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=target.attachment_name or "review.docx",
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _report_rows(found, comments, titles):
    return [
        {
            "comment": comment,
            "part": titles.get(comment.anchor, comment.anchor),
        }
        for comment in comments
    ]


@login_required
@require_GET
def report(request, slug, number):
    """The round's report: the counts and every comment with its part, status and resolution;
    `?format=csv` downloads it."""
    plan = _plan(slug)
    found = _round(plan, number)
    user = request.user
    require_perm(user, "publication.view_review_round", found)
    comments = list(_comments(found))
    titles = _titles(found)
    if request.GET.get("format") == "csv":
        response, writer = csv_download(f"review-{plan.slug}-round-{found.number}.csv")
        writer.writerow(
            [
                _("Number"),
                _("Part"),
                _("Comment"),
                _("File"),
                _("Status"),
                _("Resolution"),
                _("Addressed in version"),
                _("Date"),
            ]
        )
        for index, item in enumerate(comments, start=1):
            writer.writerow(
                [
                    index,
                    titles.get(item.anchor, item.anchor),
                    item.body,
                    item.attachment_name,
                    COMMENT_STATUS[item.status],
                    item.resolution,
                    item.addressed_in.label if item.addressed_in else "",
                    item.created_at.date().isoformat(),
                ]
            )
        return response
    page = Paginator(comments, REPORT_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "publication/review_report.html",
        {
            "plan": plan,
            "round": found,
            "page": page,
            "rows": _report_rows(found, page, titles),
            "counts": _counts(comments),
            "public": False,
            "can_publish": rules.can_publish_round_report(user, found)
            and found.report_published_at is None,
        },
    )


@login_required
@require_POST
def publish(request, slug, number):
    plan = _plan(slug)
    found = _round(plan, number)
    try:
        actions.publish_round_report(found, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The round's report is published."))
    return redirect("publication:review_report", slug=plan.slug, number=found.number)


# --- public ------------------------------------------------------------------------------------


@require_GET
@cache_public_page
def public_report(request, slug, number):
    """The report of a round whose report the secretariat published (404 before): the parts,
    comments, their status and resolution; no files, no reviewers' names or addresses."""
    plan = _plan(slug)
    found = _round(plan, number)
    if found.report_published_at is None:
        raise Http404
    comments = list(_comments(found))
    titles = _titles(found)
    page = Paginator(comments, REPORT_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "publication/review_public.html",
        {
            "plan": plan,
            "round": found,
            "page": page,
            "rows": _report_rows(found, page, titles),
            "counts": _counts(comments),
            "public": True,
        },
    )
