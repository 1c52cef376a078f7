"""Translation, the final version, its delivery to OGP and the plan's publication: the
workspace's pages (`workspace/<slug>/plan/translation/`, `.../delivery/`) and the plan's
permanent public page (`plans/<slug>/plan/`) with its downloads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cocrea.core.actions import require_perm
from cocrea.core.cache import cache_public_page
from cocrea.core.languages import plan_language_codes
from cocrea.plans import queries as plan_queries

from . import actions, rules, translation_check
from .forms_final import DeliveryForm, FinalVersionForm, PublishForm, TranslationForm
from .models import Delivery, DraftFile, DraftVersion, PlanSection, Publication, ReviewRound

# Commitments per page of the translation view; deliveries per page.
PARTS_PAGE_SIZE = 10
DELIVERIES_PAGE_SIZE = 20
# Versions listed on the public page before the plan is published.
VERSIONS_SHOWN = 10


def _plan(slug):
    plan = plan_queries.plan_by_slug(slug)
    if plan is None:
        raise Http404
    return plan


def _languages(plan) -> list[tuple[str, str]]:
    return [
        (code, translation.get_language_info(code)["name_local"].capitalize())
        for code in plan_language_codes(plan)
    ]


# --- translation and the final version ----------------------------------------------------------


def _translation_page(request, plan, final_form=None, *, status=200):
    user = request.user
    languages = _languages(plan)
    parts = translation_check.parts(plan)
    sections = [part for part in parts if isinstance(part.obj, PlanSection)]
    commitments = [part for part in parts if not isinstance(part.obj, PlanSection)]
    gaps = translation_check.gaps_of(parts)
    page = Paginator(commitments, PARTS_PAGE_SIZE).get_page(request.GET.get("page"))
    shown = [*sections, *page.object_list] if page.number == 1 else list(page.object_list)
    can_issue = rules.can_issue_final_version(user, plan)
    if final_form is None and can_issue:
        final_form = FinalVersionForm(plan=plan)
    finals = list(
        DraftVersion.objects.filter(plan=plan, is_final=True)
        .prefetch_related("files")
        .order_by("-major", "-minor")[:VERSIONS_SHOWN]
    )
    return render(
        request,
        "publication/translation.html",
        {
            "plan": plan,
            "languages": languages,
            "counts": [
                (name, sum(1 for g in gaps if g.language == code)) for code, name in languages
            ],
            "gaps": translation_check.gaps_of(shown),
            "total": len(gaps),
            "parts": shown,
            "page": page,
            "can_translate": rules.can_translate_plan(user, plan),
            "can_issue": can_issue,
            "final_form": final_form,
            "finals": finals,
            "published": plan.published_on is not None,
        },
        status=status,
    )


@login_required
@require_GET
def translation_view(request, slug):
    """Every part of the document with its languages side by side, how complete each is, and
    the report of what is missing; the final version's form for whoever may issue it."""
    plan = _plan(slug)
    require_perm(request.user, "publication.view_plan_document", plan)
    return _translation_page(request, plan)


def _part(plan, kind=None, number=None):
    languages = plan_language_codes(plan)
    if kind is not None:
        section = PlanSection.objects.filter(plan=plan, kind=kind).first()
        if section is None:
            raise Http404
        section.plan = plan
        return translation_check.section_part(section, languages)
    commitment = translation_check.commitments(plan).filter(number=number).first()
    if commitment is None:
        raise Http404
    commitment.plan = plan
    for milestone in commitment.milestones.all():
        milestone.commitment = commitment
    return translation_check.commitment_part(commitment, languages)


@login_required
def translate_part(request, slug, kind=None, number=None):
    """One part's texts in every language side by side; saving calls `translate_plan` for the
    part and each of its milestones, in one transaction."""
    plan = _plan(slug)
    require_perm(request.user, "publication.translate_plan", plan)
    part = _part(plan, kind=kind, number=number)
    form = TranslationForm(request.POST or None, part=part, languages=_languages(plan), plan=plan)
    if request.method == "POST" and form.is_valid():
        changed = []
        try:
            with transaction.atomic():
                for obj, texts in form.texts_by_object():
                    changed += actions.translate_plan(obj, by=request.user, texts=texts)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            if changed:
                messages.success(request, _("Translation saved."))
            else:
                messages.info(request, _("Nothing changed."))
            return redirect(f"{reverse('publication:translation', args=[plan.slug])}#{part.anchor}")
    return render(
        request,
        "publication/translate_part.html",
        {"plan": plan, "part": part, "form": form, "languages": _languages(plan)},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def issue_final(request, slug):
    """Issue the final version; refused with the list of what lacks a language (the page again,
    with the note kept)."""
    plan = _plan(slug)
    require_perm(request.user, "publication.issue_final_version", plan)
    form = FinalVersionForm(request.POST, plan=plan)
    if form.is_valid():
        try:
            version = actions.issue_final_version(
                plan, by=request.user, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _("Final version %(label)s issued: its files are being produced.")
                % {"label": version.label},
            )
            return redirect("publication:translation", slug=plan.slug)
    return _translation_page(request, plan, form)


# --- delivery and publication -------------------------------------------------------------------


def _delivery_page(request, plan, delivery_form=None, publish_form=None, *, status=200):
    user = request.user
    deliveries = (
        Delivery.objects.filter(plan=plan)
        .select_related("version")
        .order_by("-delivered_on", "-id")
    )
    page = Paginator(deliveries, DELIVERIES_PAGE_SIZE).get_page(request.GET.get("page"))
    can_record = rules.can_record_delivery(user, plan)
    can_publish = rules.can_publish_plan(user, plan)
    if delivery_form is None and can_record:
        delivery_form = DeliveryForm(plan=plan)
    if publish_form is None and can_publish:
        publish_form = PublishForm(plan=plan)
    return render(
        request,
        "publication/delivery.html",
        {
            "plan": plan,
            "page": page,
            "latest": actions.latest_final(plan),
            "can_record": can_record,
            "can_publish": can_publish,
            "delivery_form": delivery_form,
            "publish_form": publish_form,
            "publication": Publication.objects.filter(plan=plan).select_related("version").first(),
        },
        status=status,
    )


@login_required
def delivery_view(request, slug):
    """The deliveries of the final version to OGP with their files' SHA-256, the form recording
    one and the form publishing the plan."""
    plan = _plan(slug)
    require_perm(request.user, "publication.view_plan_document", plan)
    if request.method != "POST":
        return _delivery_page(request, plan)
    require_perm(request.user, "publication.record_delivery", plan)
    form = DeliveryForm(request.POST, plan=plan)
    if form.is_valid():
        data = form.cleaned_data
        try:
            actions.record_delivery(
                data["version"],
                by=request.user,
                delivered_on=data["delivered_on"],
                recipient=data["recipient"],
                note=data["note"],
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("The delivery to OGP is recorded."))
            return redirect("publication:delivery", slug=plan.slug)
    return _delivery_page(request, plan, delivery_form=form, status=400)


@login_required
@require_POST
def publish(request, slug):
    plan = _plan(slug)
    require_perm(request.user, "publication.publish_plan", plan)
    form = PublishForm(request.POST, plan=plan)
    if form.is_valid():
        try:
            actions.publish_plan(
                plan, by=request.user, presentation=form.cleaned_data["presentation"]
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("The plan is published."))
            return redirect("publication:published", slug=plan.slug)
    return _delivery_page(request, plan, publish_form=form)


# --- the public page ----------------------------------------------------------------------------


@require_GET
@cache_public_page
def published(request, slug):
    """The plan's permanent page: once published, its final document in the page's language with
    links to the others, its downloads with their SHA-256, the delivery and the presentation;
    before, the plan's state (its versions so far)."""
    plan = _plan(slug)
    publication = (
        Publication.objects.filter(plan=plan).select_related("version", "presentation").first()
    )
    context = {"plan": plan, "publication": publication}
    if publication is None:
        context["versions"] = list(
            DraftVersion.objects.filter(plan=plan).order_by("-major", "-minor")[:VERSIONS_SHOWN]
        )
        return render(request, "publication/published.html", context)
    version = publication.version
    language = get_language()
    if language not in version.languages and version.languages:
        language = version.languages[0]
    others = []
    for code in version.languages:
        if code != language:
            with translation.override(code):
                others.append(
                    (
                        code,
                        translation.get_language_info(code)["name_local"].capitalize(),
                        reverse("publication:published", args=[plan.slug]),
                    )
                )
    files = [
        {
            "file": file,
            "name": translation.get_language_info(file.language)["name_local"].capitalize(),
            "url": reverse("publication:download", args=[plan.slug, file.language, file.format]),
        }
        for file in version.files.filter(status=DraftFile.Status.READY).order_by(
            "language", "format"
        )
    ]
    presentation = publication.presentation
    context.update(
        {
            "version": version,
            "document": version.document(language),
            "others": others,
            "files": files,
            "delivery": version.deliveries.order_by("-delivered_on", "-id").first(),
            "presentation": presentation if presentation and presentation.published else None,
            # How the plan was made: the review rounds whose report the secretariat published.
            "review_reports": list(
                ReviewRound.objects.filter(plan=plan, report_published_at__isnull=False)
                .only("number", "plan_id")
                .order_by("number")
            ),
        }
    )
    return render(request, "publication/published.html", context)


@require_GET
def download(request, slug, language, fmt):
    """A file of the published plan (404 before publication, and for any other file)."""
    plan = _plan(slug)
    publication = Publication.objects.filter(plan=plan).select_related("version").first()
    if publication is None or fmt not in DraftFile.Format.values:
        raise Http404
    file = (
        DraftFile.objects.filter(
            version=publication.version,
            language=language,
            format=fmt,
            status=DraftFile.Status.READY,
        )
        .exclude(file="")
        .first()
    )
    if file is None:
        raise Http404
    content_type = (
        "application/pdf"
        if fmt == DraftFile.Format.PDF
        else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response = FileResponse(
        file.file.open("rb"),
        content_type=content_type,
        as_attachment=True,
        filename=f"{plan.slug}-{publication.version.label}-{language}.{fmt}",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["X-Checksum-SHA256"] = file.sha256
    return response
