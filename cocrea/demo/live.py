"""Loads the live demo cycle (live_data.py) through the same actions the workspace's set-up pages
call: a platform administrator creates the plan and names its secretariat; the secretariat sets
the numbers and the template, the axes, the tables, the commission and the programme (from OGP's
generic template), publishes version 1 and opens the steps due by today, drafting included; the
tables' leaders start drafting. Dated around the day it is loaded, so every role can act now."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from cocrea.core.actions import SYSTEM
from cocrea.organisations.models import Organisation
from cocrea.participation import actions as participation_actions
from cocrea.plans import actions
from cocrea.plans import programme_templates as templates
from cocrea.plans.capabilities import CATALOGUE
from cocrea.plans.models import ActionPlan, PlatformAdministrator, Role
from cocrea.proposals import actions as proposal_actions
from cocrea.tables import actions as table_actions

from . import live_data as data
from . import plans_data
from .participation import NOTICE
from .plans import _user

TEMPLATE = "ogp-2021"
DRAFTING = "drafting"
# How long before today the drafting step opened: a fortnight of drafting behind, more ahead.
DRAFTING_OPENED_DAYS_AGO = 14


def _monday(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def programme_start(today: datetime.date) -> datetime.date:
    """The Monday the generic programme starts on so that its drafting step opened about two
    weeks before `today`."""
    drafting = next(
        step for step in templates.TEMPLATES[TEMPLATE].steps if DRAFTING in step.capabilities
    )
    opened = today - datetime.timedelta(days=DRAFTING_OPENED_DAYS_AGO)
    return _monday(opened - datetime.timedelta(weeks=drafting.start_week))


def load_live_demo(today: datetime.date | None = None) -> tuple[ActionPlan, bool]:
    """Create the live cycle if it is missing. Returns the plan and whether it was made now."""
    existing = ActionPlan.objects.filter(slug=data.SLUG).first()
    if existing is not None:
        return existing, False
    assert DRAFTING in CATALOGUE
    # Mail queued on commit (the secretariat's naming, the tables' welcomes) stays in memory.
    locmem = "django.core.mail.backends.locmem.EmailBackend"
    with override_settings(EMAIL_BACKEND=locmem), transaction.atomic():
        plan = _load(today or timezone.localdate())
    return plan, True


def _people() -> dict:
    User = get_user_model()
    names = {
        *data.COMMISSION_MEMBERS,
        *(seat[0] for seat in data.SEATS),
        "secretaria",
    }
    people = {user.username: user for user in User.objects.filter(username__in=names)}
    username, full_name, position, acronym = data.PLATFORM_ADMIN
    antai = Organisation.objects.get(acronym=acronym, jurisdiction__code="pa")
    people[username] = _user(username, full_name, position, antai)
    return people


def _load(today: datetime.date) -> ActionPlan:
    people = _people()
    admin = people[data.PLATFORM_ADMIN[0]]
    if not PlatformAdministrator.objects.filter(user=admin).exists():
        actions.grant_platform_admin(admin, by=SYSTEM)
    historic = ActionPlan.objects.get(slug=plans_data.PLAN["slug"])
    lead = historic.lead_agency

    # The platform administrator: the plan, its jurisdiction (Panama's, shared with 2017) and
    # its secretariat.
    plan = actions.create_plan(
        by=admin,
        jurisdiction=historic.jurisdiction,
        lead_agency=lead,
        period_start=data.SETTINGS["period_start"],
        period_end=data.SETTINGS["period_end"],
        template_version=data.SETTINGS["template_version"],
        **data.PLAN,
    )
    actions.name_secretariat(plan, by=admin, email=people["secretaria"].email)
    officer = people["secretaria"]

    # The secretariat: settings, axes, tables, commission.
    actions.update_plan(plan, by=officer, **data.SETTINGS)
    for number, name_es, name_en in data.AXES:
        actions.set_axis(plan, by=officer, number=number, name_es=name_es, name_en=name_en)
    axes = {axis.number: axis for axis in plan.axes.all()}
    tables = {}
    for number, name_es, name_en, covered in data.TABLES:
        tables[number] = table_actions.create_table(
            plan,
            by=officer,
            number=number,
            axes=[axes[n] for n in covered],
            name_es=name_es,
            name_en=name_en,
        )
    actions.set_commission(plan, by=officer, **data.COMMISSION)
    for username in data.COMMISSION_MEMBERS:
        member = people[username]
        actions.grant_role(
            plan, member, Role.COMMISSION_MEMBER, by=officer, organisation=member.organisation
        )
    participation_actions.publish_notice(plan, by=officer, **NOTICE)

    # The programme from OGP's generic template, published as version 1, then the steps due by
    # today opened (and those already over closed) on their planned dates.
    start = programme_start(today)
    steps = actions.start_programme(plan, by=officer, template=TEMPLATE, starts_on=start)
    actions.publish_version(
        plan,
        by=officer,
        published_on=start - datetime.timedelta(weeks=templates.MIN_WEEKS_NOTICE),
        change_summary_es="Primera versión, a partir de la secuencia de cocreación de OGP.",
        change_summary_en="First version, from OGP's co-creation sequence.",
    )
    for step in sorted(steps, key=lambda step: (step.planned_start, step.number)):
        if step.planned_start > today:
            continue
        actions.open_step(step, by=officer, on=step.planned_start)
        if step.planned_end < today and DRAFTING not in step.capabilities:
            actions.close_step(step, by=officer, on=step.planned_end)

    # The tables' seats and a first draft.
    for username, number, leader, side, sector in data.SEATS:
        table_actions.add_member(
            tables[number],
            people[username],
            by=officer,
            side=side,
            sector=sector,
            source="invitation",
            is_leader=leader,
        )
    first = tables[1]
    proposal_actions.save_proposal(
        first,
        axes[1],
        "commitment_1",
        by=people["lider"],
        milestones=data.DRAFT_MILESTONES,
        **data.DRAFT,
    )
    actions.set_current_plan(plan, by=admin)
    return plan
