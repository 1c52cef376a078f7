"""The public repository and the secretariat's upload page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cocrea.core.actions import require_perm
from cocrea.core.cache import cache_public_page
from cocrea.core.params import YEAR_RANGE, int_param, text_param
from cocrea.plans import queries as plan_queries
from cocrea.plans.models import ActionPlan

from . import actions, queries
from .forms import UploadForm
from .models import DocType, Document


def _plan(slug):
    plan = plan_queries.plan_by_slug(slug)
    if plan is None:
        raise Http404
    return plan


@require_GET
@cache_public_page
def repository(request, slug):
    plan = _plan(slug)
    doc_type = request.GET.get("type", "")
    if doc_type not in DocType.values:
        doc_type = ""
    year = int_param(request.GET, "year", bounds=YEAR_RANGE)
    step_key = text_param(request.GET, "step")
    q = text_param(request.GET, "q")
    rows = queries.repository_rows(plan, doc_type=doc_type, step_key=step_key, year=year, q=q)
    steps = list(
        plan.steps.order_by("number").only("plan_id", "key", "number", "title_es", "title_en")
    )
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    page.object_list = queries.entries(plan, page.object_list, steps)
    pending = []
    if request.user.has_perm("documents.withdraw_document", plan):
        pending = list(queries.pending_documents(plan))
    return render(
        request,
        "documents/repository.html",
        {
            "plan": plan,
            "page": page,
            "count": page.paginator.count,
            "types": DocType.choices,
            "doc_type": doc_type,
            "steps": steps,
            "step_key": step_key,
            "year": year,
            "q": q,
            "pending": pending,
        },
    )


@require_GET
def download(request, slug, pk):
    document = get_object_or_404(Document.objects.select_related("event"), plan__slug=slug, pk=pk)
    if not request.user.has_perm("documents.view_document", document):
        raise Http404
    response = FileResponse(
        document.file.open("rb"),
        content_type=document.content_type,
        as_attachment=False,
        filename=document.original_name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def upload(request, slug):
    plan = get_object_or_404(ActionPlan, slug=slug)
    require_perm(request.user, "documents.upload_document", plan)
    form = UploadForm(request.POST or None, request.FILES or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            document = actions.upload_document(plan, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, _("%(title)s is published.") % {"title": document.title})
            return redirect("documents:repository", slug=plan.slug)
    return render(request, "documents/upload.html", {"plan": plan, "form": form})


@login_required
@require_POST
def withdraw(request, slug, pk):
    document = get_object_or_404(Document, plan__slug=slug, pk=pk)
    title = document.title
    actions.withdraw_document(document, by=request.user)
    messages.success(request, _("%(title)s was withdrawn from the repository.") % {"title": title})
    return redirect("documents:repository", slug=slug)
