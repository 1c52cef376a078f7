"""Loads the demo (Panama 2017-2019) through the same actions the workspace uses."""

import datetime
import functools

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from cocrea.core.actions import SYSTEM
from cocrea.core.models import ActionLog
from cocrea.organisations.models import Jurisdiction, Organisation, Region
from cocrea.plans import actions
from cocrea.plans.models import ActionPlan, Role
from cocrea.tables.actions import create_default_tables

from . import plans_data as data


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _backdate(plan: ActionPlan, day: datetime.date, hour: int = 10) -> None:
    """Give the log rows written since the last call the historical date of the acts they record
    (the demo replays 2017 today)."""
    ActionLog.objects.filter(plan=plan, created_at__year__gt=2020).update(created_at=_at(day, hour))


def _jurisdiction() -> Jurisdiction:
    jurisdiction, _ = Jurisdiction.objects.get_or_create(
        code=data.JURISDICTION["code"], defaults=data.JURISDICTION
    )
    return jurisdiction


def _organisations() -> dict[str, Organisation]:
    jurisdiction = _jurisdiction()
    regions = {}
    for code, name, capital in data.REGIONS:
        regions[code], _ = Region.objects.get_or_create(
            jurisdiction=jurisdiction,
            code=code,
            defaults={"name": name, "is_capital": capital, "country_code": "PA"},
        )
    found = {}
    for acronym, name_es, name_en, kind, region in data.ORGANISATIONS:
        found[acronym], _ = Organisation.objects.get_or_create(
            jurisdiction=jurisdiction,
            acronym=acronym,
            defaults={
                "name_es": name_es,
                "name_en": name_en,
                "kind": kind,
                "region": regions[region],
            },
        )
    return found


def _demo_password_hash() -> str:
    """One hash of the demo's published password for every demo account: hashing is slow on
    purpose, and the demo creates dozens of accounts (`make run` loads it on every start)."""
    return _hash_with(settings.PASSWORD_HASHERS[0])


@functools.cache
def _hash_with(hasher: str) -> str:
    return make_password(data.DEMO_PASSWORD)  # `hasher` is the default one: the cache key


def _user(username, full_name, position, organisation):
    User = get_user_model()
    email = f"{username}@demo.cocrea.invalid"
    # By user name, else by address (unique, any case): never a second account for one address.
    existing = (
        User.objects.filter(username=username).first()
        or User.objects.filter(email__iexact=email).first()
    )
    if existing is not None:
        return existing
    return User.objects.create(
        username=username,
        full_name=full_name,
        position=position,
        organisation=organisation,
        email=email,
        password=_demo_password_hash(),
    )


@transaction.atomic
def load_demo() -> tuple[ActionPlan, bool]:
    """Create the demo if it is missing. Returns the plan and whether it was created now."""
    existing = ActionPlan.objects.filter(slug=data.PLAN["slug"]).first()
    if existing is not None:
        return existing, False

    orgs = _organisations()
    plan = actions.create_plan(
        by=SYSTEM, lead_agency=orgs["ANTAI"], jurisdiction=_jurisdiction(), **data.PLAN
    )
    _backdate(plan, datetime.date(2017, 2, 1))

    users = {}
    for username, full_name, position, acronym, role in data.USERS:
        users[username] = _user(username, full_name, position, orgs.get(acronym))
        if role:
            actions.grant_role(
                plan, users[username], role, by=SYSTEM, organisation=orgs.get(acronym)
            )
        else:
            users[username].is_staff = users[username].is_superuser = True
            users[username].save(update_fields=["is_staff", "is_superuser"])
    for username, full_name, position, acronym in data.COMMISSION_MEMBERS:
        member = _user(username, full_name, position, orgs[acronym])
        actions.grant_role(
            plan, member, Role.COMMISSION_MEMBER, by=SYSTEM, organisation=orgs[acronym]
        )
    _backdate(plan, datetime.date(2017, 2, 1))

    officer = users["secretaria"]
    actions.set_commission(plan, by=officer, **data.COMMISSION)
    _backdate(plan, datetime.date(2017, 2, 15))
    for number, name_es, name_en in data.AXES:
        actions.set_axis(plan, by=officer, number=number, name_es=name_es, name_en=name_en)
        _backdate(plan, datetime.date(2017, 3, 24))

    # Version 1, as published on 27 March 2017.
    steps = {}
    es_old, es_v1, en_old, en_v1 = data.V1_TABLES_SENTENCE
    for key, title_es, title_en, desc_es, desc_en, resp_es, resp_en in data.STEPS:
        start, end = data.SCHEDULE_V1_CHANGES.get(key, data.SCHEDULE_V2[key])
        steps[key] = actions.create_step(
            plan,
            by=officer,
            key=key,
            title_es=title_es,
            title_en=title_en,
            description_es=desc_es.replace(es_old, es_v1),
            description_en=desc_en.replace(en_old, en_v1),
            responsible_es=resp_es,
            responsible_en=resp_en,
            planned_start=start,
            planned_end=end,
            capabilities=data.CAPABILITIES.get(key, []),
        )
        _backdate(plan, datetime.date(2017, 3, 24), 9)
    actions.publish_version(plan, by=officer, **data.VERSION_1)
    _backdate(plan, data.VERSION_1["published_on"])

    # Version 2: the amended schedule and the five tables.
    for key, _title_es, _title_en, desc_es, desc_en, *_rest in data.STEPS:
        start, end = data.SCHEDULE_V2[key]
        changed = actions.update_step(
            steps[key],
            by=officer,
            description_es=desc_es,
            description_en=desc_en,
            planned_start=start,
            planned_end=end,
        )
        if changed:
            _backdate(plan, datetime.date(2017, 5, 18))
    actions.publish_version(plan, by=officer, **data.VERSION_2)
    _backdate(plan, data.VERSION_2["published_on"])

    # The five tables, one per axis, formed with version 2 (the participation demo seats people):
    # the tables' drafting step cannot open while an axis has no table.
    create_default_tables(plan, by=officer)
    _backdate(plan, datetime.date(2017, 5, 18))

    # Progress: what had been opened and closed by then.
    for key, (opened, closed) in data.PROGRESS.items():
        step = actions.open_step(steps[key], by=officer, on=opened)
        _backdate(plan, opened, 8)
        if closed:
            actions.close_step(step, by=officer, on=closed)
            _backdate(plan, closed, 17)
    return plan, True
