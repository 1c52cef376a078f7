"""Reads of the draft versions in public and of the comments on them, each in a fixed number of
queries whatever the number of rows."""

import re

from django.db.models import Case, Count, IntegerField, Min, Prefetch, Value, When
from django.utils.translation import gettext as _

from . import content
from .models import WHOLE_DOCUMENT, DraftComment, DraftFile, DraftVersion

LABEL = re.compile(r"^(\d{1,4})\.(\d{1,4})$")
QUEUE_STATES = ("unanswered", "answered", "all")


def issued_versions(plan):
    """The plan's issued versions, newest first, without their (large) content, each with its
    comment count (`comment_count`) and its READY files (`ready_files`)."""
    ready = DraftFile.objects.filter(status=DraftFile.Status.READY).order_by("language", "format")
    return (
        DraftVersion.objects.filter(plan=plan)
        .defer("content")
        .annotate(comment_count=Count("comments"))
        .prefetch_related(Prefetch("files", queryset=ready, to_attr="ready_files"))
        .order_by("-major", "-minor")
    )


def version_by_label(plan, label: str) -> DraftVersion | None:
    """The version "<major>.<minor>" of `plan`, or None (also for a malformed label)."""
    match = LABEL.match(label or "")
    if match is None:
        return None
    major, minor = (int(part) for part in match.groups())
    return DraftVersion.objects.filter(plan=plan, major=major, minor=minor).first()


def version_comments(version):
    """The comments on `version`, oldest first, with their authors and answerers."""
    return (
        DraftComment.objects.filter(version=version)
        .select_related("author", "answered_by")
        .order_by("created_at", "id")
    )


def draft_comment_counts(plan) -> dict:
    """The plan's comments on drafts awaiting an official answer: how many, and when the oldest
    was written (None without any)."""
    return DraftComment.objects.filter(plan=plan, answered_at__isnull=True).aggregate(
        unanswered=Count("id"), oldest=Min("created_at")
    )


def queue(plan, *, state: str = "unanswered", version: DraftVersion | None = None):
    """The secretariat's queue: the comments on the plan's drafts, unanswered first, then the
    oldest first; `state` "unanswered", "answered" or "all"; `version` only that version's."""
    found = DraftComment.objects.filter(plan=plan)
    if state == "unanswered":
        found = found.filter(answered_at__isnull=True)
    elif state == "answered":
        found = found.filter(answered_at__isnull=False)
    if version is not None:
        found = found.filter(version=version)
    waiting = Case(
        When(answered_at__isnull=True, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return (
        found.select_related("version", "author")
        .defer("version__content")
        .annotate(waiting=waiting)
        .order_by("waiting", "created_at", "id")
    )


def for_reasoned_response(plan):
    """Every comment on the plan's drafts, by version then oldest first, without personal data
    (no author is read)."""
    return (
        DraftComment.objects.filter(plan=plan)
        .select_related("version")
        .defer("version__content")
        .order_by("version__major", "version__minor", "created_at", "id")
    )


def part_titles(comments, language: str) -> dict[tuple[int, str], str]:
    """{(version id, anchor): the part's title in `language`} for the versions of `comments`
    (one query, reading only those versions' frozen documents)."""
    ids = {comment.version_id for comment in comments}
    if not ids:
        return {}
    titles = {}
    for version in DraftVersion.objects.filter(pk__in=ids).only("pk", "content"):
        for anchor, title in content.anchors(version.document(language)):
            titles[(version.pk, anchor)] = title
    return titles


def part_title(titles: dict, comment) -> str:
    if comment.anchor == WHOLE_DOCUMENT:
        return str(_("The document as a whole"))
    return titles.get((comment.version_id, comment.anchor), comment.anchor)
