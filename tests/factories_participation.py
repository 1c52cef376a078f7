import datetime

import factory
from django.utils import timezone

from cocrea.participation.models import OpenCall, PrivacyNotice, Registration, Sector
from cocrea.tables.models import WorkingTable

from .factories import AxisFactory, RegionFactory, StepFactory


class PrivacyNoticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PrivacyNotice

    version = factory.Sequence(lambda n: n + 1)
    legal_basis_es = "Ley 81 de 2019 de Panamá sobre protección de datos personales."
    legal_basis_en = "Panama's Law 81 of 2019 on personal data."
    text_es = "Conservamos sus datos para organizar la cocreación del plan, y para nada más."
    text_en = "We keep your data to organise the co-creation of the plan, and for nothing else."
    published_at = factory.LazyFunction(timezone.now)


class OpenCallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpenCall
        skip_postgeneration_save = True

    title_es = "Convocatoria abierta"
    title_en = "Open call"
    text_es = "Inscríbase en las mesas."
    text_en = "Register for the tables."
    channels_es = "Radio\nRedes"
    channels_en = "Radio\nSocial media"
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
    published = True

    @factory.post_generation
    def notice(call, create, extracted, **kwargs):
        """A call is published with its plan's privacy notice: version 1 unless the plan has one
        (False: none)."""
        if create and extracted is not False and not call.plan.privacy_notices.exists():
            PrivacyNoticeFactory(plan=call.plan, version=1)

    @factory.post_generation
    def step_status(call, create, extracted, **kwargs):
        """The call opens and closes with a step enabling "open-call": one is added to the plan,
        open unless `step_status` says otherwise (False: no such step)."""
        if create and extracted is not False:
            StepFactory(
                plan=call.plan,
                status=extracted or "open",
                capabilities=["open-call"],
                planned_start=datetime.date(2017, 4, 17),
                planned_end=datetime.date(2017, 5, 19),
            )


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    full_name = factory.Sequence(lambda n: f"Registrant {n}")
    email = factory.Sequence(lambda n: f"registrant{n}@example.net")
    phone = factory.Sequence(lambda n: f"6000-{n:04d}")
    sector = Sector.CIVIL_SOCIETY
    region = factory.SubFactory(RegionFactory)
    status = Registration.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)


class TableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingTable
        skip_postgeneration_save = True

    number = factory.Sequence(lambda n: n + 1)
    name_es = factory.LazyAttribute(lambda o: f"Mesa {o.number}")
    name_en = factory.LazyAttribute(lambda o: f"Table {o.number}")

    @factory.post_generation
    def axes(self, create, extracted, **kwargs):
        """The axes covered: those given, else a new axis numbered as the table."""
        if not create:
            return
        self.axes.set(extracted or [AxisFactory(plan=self.plan, number=self.number)])
