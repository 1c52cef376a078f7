import datetime

import factory
from django.contrib.auth import get_user_model

from cocrea.demo.plans_data import CAPABILITIES as DEMO_CAPABILITIES
from cocrea.organisations.models import Jurisdiction, Organisation, Region
from cocrea.plans.models import ActionPlan, Axis, Step


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"person{n}")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("secret-pass-123")


class JurisdictionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Jurisdiction
        django_get_or_create = ["code"]

    code = "pa"
    name_es = "Panamá"
    name_en = "Panama"
    country_code = "PA"


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["jurisdiction", "code"]

    jurisdiction = factory.SubFactory(JurisdictionFactory)
    country_code = "PA"
    code = "PA"
    name = "Panamá"
    is_capital = True


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_es = factory.Sequence(lambda n: f"Organización {n}")
    name_en = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.CIVIL_SOCIETY
    region = factory.SubFactory(RegionFactory)
    jurisdiction = factory.LazyAttribute(
        lambda o: o.region.jurisdiction if o.region else JurisdictionFactory()
    )


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPlan

    country = "Panamá"
    country_code = "PA"
    jurisdiction = factory.SubFactory(JurisdictionFactory)
    template_version = "2017"
    slug = factory.Sequence(lambda n: f"plan-{n}")
    title_es = factory.Sequence(lambda n: f"Plan de acción {n}")
    title_en = factory.Sequence(lambda n: f"Action plan {n}")
    period_start = datetime.date(2017, 1, 1)
    period_end = datetime.date(2019, 12, 31)
    # The first plan is the site's current one (only one may be).
    is_current = factory.LazyFunction(
        lambda: not ActionPlan.objects.filter(is_current=True).exists()
    )
    contact_name = "Oficina de Gobierno Abierto"
    contact_email = "contacto@example.org"


class AxisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Axis

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    name_es = factory.Sequence(lambda n: f"Eje {n}")
    name_en = factory.Sequence(lambda n: f"Axis {n}")


class StepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Step

    plan = factory.SubFactory(PlanFactory)
    key = factory.Sequence(lambda n: f"step-{n}")
    number = factory.Sequence(lambda n: n + 1)
    # A step keyed like one of the demo programme enables what the demo's does.
    capabilities = factory.LazyAttribute(lambda step: list(DEMO_CAPABILITIES.get(step.key, [])))
    title_es = factory.Sequence(lambda n: f"Paso {n}")
    title_en = factory.Sequence(lambda n: f"Step {n}")
    description_es = "Descripción del paso."
    description_en = "Description of the step."
    responsible_es = "ANTAI"
    responsible_en = "ANTAI"
    planned_start = datetime.date(2017, 3, 1)
    planned_end = datetime.date(2017, 3, 31)
