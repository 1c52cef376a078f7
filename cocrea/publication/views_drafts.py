"""The draft versions in public (the list, a version's page with the comments on each part, its
files) and the public comment on them; the secretariat's queue of comments to answer."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cocrea.core.actions import require_perm
from cocrea.core.cache import cache_public_page
from cocrea.core.params import text_param
from cocrea.plans import capabilities
from cocrea.plans import queries as plan_queries

from . import actions, content
from . import queries_drafts as queries
from .forms_drafts import DraftAnswerForm, DraftCommentForm
from .models import WHOLE_DOCUMENT, DraftComment, DraftFile
from .rules import can_answer_draft_comment, can_comment_draft

PAGE_SIZE = 20
COMMENTS_PAGE_SIZE = 100
QUEUE_PAGE_SIZE = 50


def _plan(request, slug):
    plan = plan_queries.plan_for_request(request, slug)
    if plan is None:
        raise Http404
    return plan


def _version(plan, label):
    version = queries.version_by_label(plan, label)
    if version is None:
        raise Http404
    version.plan = plan
    return version


# --- public ------------------------------------------------------------------------------------


@require_GET
@cache_public_page
def drafts(request, slug):
    """The plan's issued versions, newest first, with their files and comment counts."""
    plan = _plan(request, slug)
    page = Paginator(queries.issued_versions(plan), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "publication/drafts.html", {"plan": plan, "page": page})


def _slug(anchor: str) -> str:
    return anchor.replace(":", "-")


def _closed_reason(request, plan, version) -> str:
    """Why the person may not comment on `version` (empty when they may, or when signing in
    is all that is missing: the page then links to the login)."""
    if plan.published_on is not None:
        return _("The plan is published: comments on its drafts are closed.")
    if version.is_final:
        return _("This is the final version: comments are taken on draft versions.")
    if not capabilities.is_open(plan, "plan-public-comment"):
        return _("Public comment on the draft plan is not open now.")
    if not request.user.is_authenticated:
        return ""
    return _("Your account may not comment on this version.")


def _draft_page(request, plan, version, *, bound=None, status=200):
    """The version's document in the page's language (else its first), with each part's
    comments and, for who may comment, a form per part; `bound` a refused form, shown with its
    errors and the text as typed."""
    language = get_language()
    document = version.document(language)
    may_comment = can_comment_draft(request.user, version) and not version.is_final
    # The comments in pages (`?comments=`), each shown under its part: a page stays bounded
    # however many a version draws.
    page = Paginator(queries.version_comments(version), COMMENTS_PAGE_SIZE).get_page(
        request.GET.get("comments")
    )
    comments: dict[str, list] = {}
    for comment in page:
        comments.setdefault(comment.anchor, []).append(comment)
    anchors = [anchor for anchor, _title in content.anchors(document)] + [WHOLE_DOCUMENT]
    parts = {}
    for anchor in anchors:
        slug = _slug(anchor)
        form = None
        if may_comment:
            if bound is not None and bound.data.get("anchor") == anchor:
                form = bound
            else:
                form = DraftCommentForm(initial={"anchor": anchor}, auto_id=f"%s-{slug}")
        parts[anchor] = {"comments": comments.get(anchor, []), "form": form, "slug": slug}
    links = []
    for code in version.languages:
        with translation.override(code):
            url = reverse("publication:draft", args=[plan.slug, version.label])
        links.append(
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": url,
                "current": code == document.get("language"),
            }
        )
    return render(
        request,
        "publication/draft.html",
        {
            "plan": plan,
            "version": version,
            "document": document,
            "parts": parts,
            "whole": parts[WHOLE_DOCUMENT],
            "comment_count": page.paginator.count,
            "comments_page": page,
            "document_languages": links,
            "files": list(version.files.filter(status=DraftFile.Status.READY)),
            "may_comment": may_comment,
            "closed_reason": "" if may_comment else _closed_reason(request, plan, version),
            "bound": bound,
        },
        status=status,
    )


@require_GET
@cache_public_page
def draft(request, slug, label):
    plan = _plan(request, slug)
    return _draft_page(request, plan, _version(plan, label))


@require_GET
def draft_file(request, slug, label, language, fmt):
    """A version's READY file (PDF or DOCX) in one language; 404 while it is being produced."""
    plan = _plan(request, slug)
    if fmt not in DraftFile.Format.values:
        raise Http404
    version = _version(plan, label)
    found = DraftFile.objects.filter(
        version=version, language=language, format=fmt, status=DraftFile.Status.READY
    ).first()
    if found is None or not found.file:
        raise Http404
    response = FileResponse(
        found.file.open("rb"),
        as_attachment=True,
        filename=f"{plan.slug}-{version.label}-{language}.{fmt}",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def comment(request, slug, label):
    """Publish a comment on a part of the version (403 for who may not comment)."""
    plan = _plan(request, slug)
    version = _version(plan, label)
    require_perm(request.user, "publication.comment_draft", version)
    anchor = text_param(request.POST, "anchor", max_length=60)
    form = DraftCommentForm(request.POST, auto_id=f"%s-{_slug(anchor)}")
    if form.is_valid():
        try:
            found = actions.comment_draft(
                version,
                by=request.user,
                anchor=form.cleaned_data["anchor"],
                body=form.cleaned_data["body"],
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Your comment is published."))
            return redirect(
                reverse("publication:draft", args=[plan.slug, version.label])
                + f"#comment-{found.pk}"
            )
    return _draft_page(request, plan, version, bound=form, status=400)


# --- the secretariat's queue ---------------------------------------------------------------------

STATES = [
    ("unanswered", gettext_lazy("Awaiting an answer")),
    ("answered", gettext_lazy("Answered")),
    ("all", gettext_lazy("All")),
]


def _workspace_plan(request, slug):
    plan = _plan(request, slug)
    require_perm(request.user, "publication.answer_draft_comment", plan)
    return plan


def _queue_filters(query) -> dict:
    state = text_param(query, "state")
    return {
        "state": state if state in queries.QUEUE_STATES else "unanswered",
        "version": text_param(query, "version", max_length=12),
    }


@login_required
@require_GET
def queue(request, slug):
    """The comments on the plan's drafts, unanswered first then the oldest first, each with its
    answer form; filtered by state and version."""
    plan = _workspace_plan(request, slug)
    filters = _queue_filters(request.GET)
    version = queries.version_by_label(plan, filters["version"]) if filters["version"] else None
    if version is None:
        filters["version"] = ""
    found = queries.queue(plan, state=filters["state"], version=version)
    page = Paginator(found, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    comments = list(page)
    titles = queries.part_titles(comments, get_language())
    today = timezone.localdate()
    rows = []
    for found_comment in comments:
        found_comment.plan = plan
        rows.append(
            {
                "comment": found_comment,
                "part": queries.part_title(titles, found_comment),
                "age": (today - timezone.localtime(found_comment.created_at).date()).days,
                "may_answer": can_answer_draft_comment(request.user, found_comment),
            }
        )
    return render(
        request,
        "publication/queue.html",
        {
            "plan": plan,
            "page": page,
            "rows": rows,
            "states": STATES,
            "versions": list(plan.draft_versions.defer("content").order_by("-major", "-minor")),
            "counts": queries.draft_comment_counts(plan),
            "page_number": page.number,
            **filters,
        },
    )


@login_required
@require_POST
def answer(request, slug, pk):
    """Publish (or change) the official answer to a comment; back to the queue as filtered."""
    plan = _workspace_plan(request, slug)
    found = get_object_or_404(DraftComment.objects.select_related("version"), plan=plan, pk=pk)
    found.plan = found.version.plan = plan
    form = DraftAnswerForm(request.POST)
    if form.is_valid():
        try:
            actions.answer_draft_comment(found, by=request.user, answer=form.cleaned_data["answer"])
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Official answer published."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    filters = _queue_filters(request.POST)
    kept = {name: value for name, value in filters.items() if value}
    page = text_param(request.POST, "page", max_length=6)
    if page.isdigit():
        kept["page"] = page
    url = reverse("publication:draft_comments", args=[plan.slug])
    query = f"?{urlencode(kept)}" if kept else ""
    return redirect(f"{url}{query}#comment-{found.pk}")
