import datetime

import factory
from django.utils import timezone

from cocrea.events.models import Event, Registration

from .factories import PlanFactory


def in_days(days: int, hour: int = 9) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    plan = factory.SubFactory(PlanFactory)
    kind = Event.Kind.OUTREACH
    title_es = factory.Sequence(lambda n: f"Evento {n}")
    title_en = factory.Sequence(lambda n: f"Event {n}")
    starts_at = factory.LazyFunction(lambda: in_days(10))
    venue = "Salón de reuniones"
    published = True
    registration_open = True


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Persona {n}")
    email = factory.Sequence(lambda n: f"persona{n}@example.org")
    confirmed_at = factory.LazyFunction(timezone.now)


def led_table(plan, username="leader"):
    """A working table of `plan` whose leader is the persona `username` (created once)."""
    from django.contrib.auth import get_user_model

    from cocrea.plans.models import Axis
    from cocrea.tables.models import TableMember, WorkingTable

    axis, _ = Axis.objects.get_or_create(
        plan=plan, number=90, defaults={"name_es": "Eje de prueba"}
    )
    table, _ = WorkingTable.objects.get_or_create(
        plan=plan, number=90, defaults={"name_es": "Mesa de prueba"}
    )
    table.axes.add(axis)
    TableMember.objects.get_or_create(
        table=table,
        user=get_user_model().objects.get(username=username),
        defaults={
            "is_leader": True,
            "side": "civil_society",
            "sector": "civil_society",
            "source": "invitation",
        },
    )
    return table
