"""The public pages of the working tables: names of leaders only, members as counts by sector, and
the table's published sessions (events). A view app's pages: they read tables and events."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from cocrea.core.cache import cache_public_page
from cocrea.events import queries as event_queries
from cocrea.plans.models import ActionPlan
from cocrea.tables import queries


def _plan(slug) -> ActionPlan:
    return get_object_or_404(ActionPlan.objects.select_related("lead_agency"), slug=slug)


@require_GET
@cache_public_page
def public_list(request, slug):
    plan = _plan(slug)
    return render(
        request, "tables/public_list.html", {"plan": plan, "tables": queries.tables_of(plan)}
    )


@require_GET
@cache_public_page
def public_detail(request, slug, number):
    plan = _plan(slug)
    table = queries.table_with_people(plan, number)
    if table is None:
        raise Http404
    return render(
        request,
        "tables/public_detail.html",
        {
            "plan": plan,
            "table": table,
            "leaders": queries.leaders(table),
            "sector_counts": queries.sector_counts(table),
            "member_total": len(table.members.all()),
            "sessions": event_queries.sessions_of_table(table),
        },
    )
