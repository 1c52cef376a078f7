"""The workspace page of a working table, for its leaders, members and the secretariat: members
(paginated), the picker that seats a confirmed registration (participation), the table's sessions
and its leaders' trainings (events). A view app's page: it reads three domain apps and calls their
actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cocrea.core.actions import require_perm
from cocrea.core.cache import person_fragment, personal_page
from cocrea.events import queries as event_queries
from cocrea.participation import queries as participation_queries
from cocrea.participation.actions import add_registrant
from cocrea.participation.forms import AddRegistrantForm
from cocrea.plans import queries as plan_queries
from cocrea.plans.models import ActionPlan
from cocrea.tables import actions, queries
from cocrea.tables.models import TableMember
from cocrea.tables.rules import can_remove_member


def _plan(request, slug) -> ActionPlan:
    plan = plan_queries.plan_for_request(request, slug)
    if plan is None:
        raise Http404
    return plan


def _table(plan, number):
    table = queries.table_for_workspace(plan, number)
    if table is None:
        raise Http404
    return table


@login_required
@personal_page
def workspace_detail(request, slug, number):
    plan = _plan(request, slug)
    table = _table(plan, number)
    require_perm(request.user, "tables.view_table", table)
    form = AddRegistrantForm(request.POST or None, plan=plan)
    q = request.GET.get("q", "").strip()[:100]
    if request.method == "POST" and form.is_valid():
        add_registrant(table, form.cleaned_data["registration"], by=request.user)
        messages.success(request, _("Member added."))
        return redirect("tables:workspace", slug=plan.slug, number=table.number)

    def listed() -> dict:
        members = Paginator(queries.members_page(table), 50).get_page(request.GET.get("page"))
        return {
            # Each member's removal form: this prefix, the member's id and "remove/".
            "members_url": reverse("tables:workspace", args=[plan.slug, table.number]) + "members/",
            "members": members,
            "member_total": members.paginator.count,
            "can_remove": can_remove_member(request.user, table),
            "sessions": event_queries.sessions_of_table(table, public=False),
            "trainings": event_queries.trainings_of_leaders(table),
        }

    return render(
        request,
        "tables/workspace_detail.html",
        {
            "plan": plan,
            "table": table,
            # The members and their pages, the leaders' trainings and the sessions: the
            # person's (the removal forms), kept by the plan's revisions.
            "listed": person_fragment(
                request, plan, f"table-{table.pk}", "tables/_workspace_listed.html", listed
            ),
            "q": q,
            "registrants": participation_queries.registrants_matching(table, q),
            "picker_limit": participation_queries.PICKER_LIMIT,
            "balance": queries.leader_balance(table),
            "form": form,
        },
    )


@login_required
@require_POST
def remove_member(request, slug, number, pk):
    plan = _plan(request, slug)
    table = _table(plan, number)
    member = get_object_or_404(TableMember, table=table, pk=pk)
    actions.remove_member(member, by=request.user)
    messages.success(request, _("%(name)s left the table.") % {"name": member.user})
    return redirect("tables:workspace", slug=plan.slug, number=table.number)
