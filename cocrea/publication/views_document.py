"""The document's workspace pages: its home (sections with their completeness per language,
the versions with their files, issuing a draft version), a section's edit page, a version's page
with its files (polled until they are produced) and downloads, and the comparison of two
versions. Whoever holds a role in the plan reads them; the secretariat edits while a step
enabling "plan-drafting" is open (the rules decide: cocrea/publication/rules.py)."""

import os

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cocrea.core.actions import require_perm
from cocrea.core.languages import plan_language_codes
from cocrea.plans import capabilities
from cocrea.plans import queries as plan_queries

from . import actions, compare, rules
from .forms_document import IssueForm, SectionForm, language_name
from .models import DraftFile, DraftVersion, PlanSection

VERSIONS_PAGE_SIZE = 10


def _plan(slug):
    plan = plan_queries.plan_by_slug(slug)
    if plan is None:
        raise Http404
    return plan


def _viewable_plan(request, slug):
    plan = _plan(slug)
    require_perm(request.user, "publication.view_plan_document", plan)
    return plan


def _version(plan, label: str, *, with_content: bool = True) -> DraftVersion:
    major, _sep, minor = label.partition(".")
    if not (major.isdigit() and minor.isdigit()):
        raise Http404
    found = DraftVersion.objects.filter(plan=plan, major=int(major), minor=int(minor))
    if not with_content:
        found = found.defer("content")
    version = found.select_related("issued_by").first()
    if version is None:
        raise Http404
    version.plan = plan
    return version


def _language(request, languages: list[str]) -> str:
    """The language asked (`?lang=`) if the version has it, else the page's, else the first."""
    asked = request.GET.get("lang", "")
    if asked in languages:
        return asked
    current = translation.get_language()
    if current in languages:
        return current
    return languages[0] if languages else current


def _completeness(sections: dict, languages: list[str]) -> list[dict]:
    """Each section with, per language, whether its title and text are written."""
    rows = []
    for kind, label in PlanSection.Kind.choices:
        section = sections.get(kind)
        cells = [
            {
                "language": language_name(lang),
                "title": bool(section and getattr(section, f"title_{lang}", "")),
                "body": bool(section and getattr(section, f"body_{lang}", "")),
            }
            for lang in languages
        ]
        rows.append(
            {
                "kind": kind,
                "label": label,
                "section": section,
                "languages": cells,
                "complete": all(cell["body"] for cell in cells),
            }
        )
    return rows


def _file_summary(files) -> dict:
    states = [file.status for file in files]
    return {
        "total": len(states),
        "ready": states.count(DraftFile.Status.READY),
        "failed": states.count(DraftFile.Status.FAILED),
        "pending": states.count(DraftFile.Status.PENDING),
    }


def _home(request, plan, issue_form=None, *, status=200):
    languages = plan_language_codes(plan)
    sections = {s.kind: s for s in PlanSection.objects.filter(plan=plan)}
    versions = (
        DraftVersion.objects.filter(plan=plan)
        .defer("content")
        .select_related("issued_by")
        .prefetch_related("files")
        .order_by("-major", "-minor")
    )
    page = Paginator(versions, VERSIONS_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [{"version": v, "files": _file_summary(list(v.files.all()))} for v in page]
    can_issue = rules.can_issue_draft_version(request.user, plan)
    can_change = rules.can_change_plan_section(request.user, plan)
    return render(
        request,
        "publication/document_home.html",
        {
            "plan": plan,
            "sections": _completeness(sections, languages),
            "languages": [language_name(lang) for lang in languages],
            "can_change": can_change,
            # Why nothing can be edited: the step that enables drafting (one query), if any.
            "drafting_step": None
            if can_change or plan.published_on
            else capabilities.enabling_step(plan, "plan-drafting"),
            "can_issue": can_issue,
            "issue_form": (issue_form or IssueForm(plan=plan)) if can_issue else None,
            "page": page,
            "rows": rows,
            "may_compare": page.paginator.count >= 2,
        },
        status=status,
    )


@login_required
@require_GET
def home(request, slug):
    return _home(request, _viewable_plan(request, slug))


@login_required
@require_POST
def issue(request, slug):
    """Issue the next draft version (after the confirmation tick); its files follow."""
    plan = _plan(slug)
    require_perm(request.user, "publication.issue_draft_version", plan)
    form = IssueForm(request.POST, plan=plan)
    if form.is_valid():
        try:
            version = actions.issue_draft_version(
                plan, by=request.user, note=form.cleaned_data["note"].strip()
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _("Version %(label)s issued. Its files are being produced.")
                % {"label": version.label},
            )
            return redirect("publication:version", slug=plan.slug, label=version.label)
    return _home(request, plan, form, status=400)


@login_required
def section_edit(request, slug, kind):
    plan = _plan(slug)
    if kind not in PlanSection.Kind.values:
        raise Http404
    require_perm(request.user, "publication.change_plan_section", plan)
    section = PlanSection.objects.filter(plan=plan, kind=kind).first() or PlanSection(
        plan=plan, kind=kind
    )
    form = SectionForm(request.POST or None, plan=plan, section=section)
    if request.method == "POST" and form.is_valid():
        try:
            actions.change_plan_section(plan, kind, by=request.user, **form.texts())
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Section saved."))
            return redirect("publication:document", slug=plan.slug)
    return render(
        request,
        "publication/section_edit.html",
        {"plan": plan, "section": section, "label": PlanSection.Kind(kind).label, "form": form},
        status=400 if form.errors else 200,
    )


def _files(version) -> list[DraftFile]:
    return list(DraftFile.objects.filter(version=version).order_by("language", "format"))


def _files_context(plan, version) -> dict:
    files = _files(version)
    for file in files:
        file.language_name = language_name(file.language)
    return {"plan": plan, "version": version, "files": files, "summary": _file_summary(files)}


@login_required
@require_GET
def version(request, slug, label):
    plan = _viewable_plan(request, slug)
    found = _version(plan, label)
    language = _language(request, found.languages)
    return render(
        request,
        "publication/version.html",
        {
            **_files_context(plan, found),
            "document": found.document(language),
            "language": language,
            "tabs": [(code, language_name(code)) for code in found.languages],
        },
    )


@login_required
@require_GET
def version_status(request, slug, label):
    """The version's files as a fragment: the version page polls it (htmx) while any is being
    produced."""
    plan = _viewable_plan(request, slug)
    found = _version(plan, label, with_content=False)
    return render(request, "publication/_version_files.html", _files_context(plan, found))


@login_required
@require_GET
def download(request, slug, label, language, format):
    """A produced file, served as it was stored (never rebuilt)."""
    plan = _viewable_plan(request, slug)
    found = _version(plan, label, with_content=False)
    file = DraftFile.objects.filter(
        version=found, language=language, format=format, status=DraftFile.Status.READY
    ).first()
    if file is None or not file.file:
        raise Http404
    content_type = {
        DraftFile.Format.PDF: "application/pdf",
        DraftFile.Format.DOCX: (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        ),
    }[file.format]
    response = FileResponse(
        file.file.open("rb"),
        content_type=content_type,
        as_attachment=True,
        filename=os.path.basename(file.file.name),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_GET
def compare_versions(request, slug):
    """`?from=<label>&to=<label>` (default: the last two versions), in `?lang=`."""
    plan = _viewable_plan(request, slug)
    labels = [
        f"{major}.{minor}"
        for major, minor in DraftVersion.objects.filter(plan=plan)
        .order_by("major", "minor")
        .values_list("major", "minor")
    ]
    new_label = request.GET.get("to", "")
    if new_label not in labels:
        new_label = labels[-1] if labels else ""
    old_label = request.GET.get("from", "")
    if old_label not in labels:
        position = labels.index(new_label) if new_label else 0
        old_label = labels[position - 1] if position > 0 else ""
    context = {
        "plan": plan,
        "labels": labels,
        "old_label": old_label,
        "new_label": new_label,
        "parts": [],
        "tabs": [],
        "language": translation.get_language(),
    }
    if old_label and new_label:
        old, new = _version(plan, old_label), _version(plan, new_label)
        languages = [code for code in new.languages if code in old.languages] or new.languages
        language = _language(request, languages)
        with translation.override(language):
            found = compare.compare(old.document(language), new.document(language))
        context.update(
            {
                "parts": found,
                "language": language,
                "tabs": [(code, language_name(code)) for code in languages],
                "changed": sum(1 for part in found if part["status"] != compare.UNCHANGED),
            }
        )
    return render(request, "publication/compare.html", context)
