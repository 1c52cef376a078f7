"""The Open Government section: news (with an Atom feed), how to take part, reach statistics."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cocrea.core.actions import require_perm
from cocrea.core.cache import cache_public_page, fragment_key
from cocrea.events import queries as event_queries
from cocrea.events.charts import bars
from cocrea.plans import queries as plan_queries
from cocrea.plans.models import ActionPlan

from . import actions
from .forms import NewsForm


def _plan(slug):
    plan = plan_queries.plan_by_slug(slug)
    if plan is None:
        raise Http404
    return plan


@require_GET
@cache_public_page
def news_list(request, slug):
    plan = _plan(slug)
    page = Paginator(plan.news.order_by("-published_on", "-id"), 20).get_page(
        request.GET.get("page")
    )
    return render(request, "news/list.html", {"plan": plan, "page": page})


@require_GET
@cache_public_page
def news_item(request, slug, pk):
    plan = _plan(slug)
    item = get_object_or_404(plan.news, pk=pk)
    return render(request, "news/item.html", {"plan": plan, "item": item})


class NewsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, slug):
        return _plan(slug)

    def title(self, plan):
        return f"{plan.title} · {_('News')}"

    def link(self, plan):
        return reverse("news:list", args=[plan.slug])

    def subtitle(self, plan):
        return plan.summary

    def items(self, plan):
        items = list(plan.news.order_by("-published_on", "-id")[:30])
        for item in items:
            item.plan = plan
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.body

    def item_pubdate(self, item):
        return timezone.make_aware(
            timezone.datetime.combine(item.published_on, timezone.datetime.min.time())
        )

    def item_updateddate(self, item):
        return item.updated_at


news_feed = require_GET(cache_public_page(NewsFeed()))


@require_GET
@cache_public_page
def take_part(request, slug):
    plan = _plan(slug)
    upcoming = list(
        event_queries.public_events(plan).filter(starts_at__gte=timezone.now(), status="planned")[
            :10
        ]
    )
    return render(request, "news/take_part.html", {"plan": plan, "upcoming": upcoming})


@require_GET
@cache_public_page
def reach(request, slug):
    plan = _plan(slug)
    # The figures and charts are one fragment, the same for everyone, cached by the plan's
    # revisions: the figures are counted only when it is rendered.
    figures = SimpleLazyObject(lambda: event_queries.reach(plan))
    return render(
        request,
        "news/reach.html",
        {
            "plan": plan,
            "figures": figures,
            "charts": SimpleLazyObject(lambda: _reach_charts(request, figures)),
            "fragment": fragment_key(request, plan, get_language()),
        },
    )


def _reach_charts(request, figures) -> list[dict]:
    charts = [
        (
            "sector",
            _("People taking part by sector"),
            _("Sector"),
            figures["by_sector"],
        ),
        (
            "region",
            _("People taking part by province"),
            getattr(request, "region_label", None) or _("Province"),
            figures["by_region"],
        ),
        (
            "kind",
            _("People taking part by type of organisation"),
            _("Type of organisation"),
            figures["by_kind"],
        ),
        ("quarter", _("People taking part by quarter"), _("Quarter"), figures["by_quarter"]),
    ]
    return [
        {
            "id": f"reach-{key}",
            "title": title,
            "heading": heading,
            "rows": rows,
            "chart": bars([(label, people) for label, people, _orgs in rows]),
        }
        for key, title, heading, rows in charts
    ]


@login_required
def news_create(request, slug):
    plan = get_object_or_404(ActionPlan, slug=slug)
    require_perm(request.user, "news.publish_news", plan)
    form = NewsForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            item = actions.publish_news(plan, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The news item is published."))
            return redirect(item.get_absolute_url())
    return render(request, "news/form.html", {"plan": plan, "form": form})


@login_required
def news_edit(request, slug, pk):
    plan = get_object_or_404(ActionPlan, slug=slug)
    item = get_object_or_404(plan.news, pk=pk)
    require_perm(request.user, "news.change_news", plan)
    initial = {name: getattr(item, name) for name in NewsForm.base_fields}
    form = NewsForm(request.POST or None, initial=initial, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        if "published_on" in data and data["published_on"] is None:
            data.pop("published_on")
        try:
            changed = actions.update_news(item, by=request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if changed:
                messages.success(request, _("The news item is saved."))
            else:
                messages.info(request, _("Nothing changed."))
            return redirect(item.get_absolute_url())
    return render(request, "news/form.html", {"plan": plan, "form": form, "item": item})
