"""Every form round-trips in every language: date and datetime inputs render ISO values (browsers
drop any other shape and the next save erases the date), and every staff input is bounded
(dates near the plan, text lengths, capacity, agreements), refused with a form error, never a 500.
"""

import datetime
import importlib
import inspect
import pkgutil
import re
from html.parser import HTMLParser

import pytest
from django import forms
from django.urls import reverse
from django.utils import timezone, translation

import cocrea
from cocrea.core.actions import SYSTEM
from cocrea.events.models import Event
from cocrea.news.actions import publish_news
from cocrea.news.models import NewsItem
from cocrea.participation.models import OpenCall
from cocrea.plans.models import Step
from cocrea.proposals import actions as proposal_actions
from cocrea.proposals.models import Proposal, ViabilityReview

from .factories import OrganisationFactory, StepFactory
from .factories_events import EventFactory
from .factories_participation import OpenCallFactory, TableFactory
from .test_proposals import COMPLETE, fill_set, seat

LANGUAGES = ["es", "en"]


# --- discovery: every form class of the project -------------------------------------------------


def form_classes():
    """Every Form and ModelForm class defined in a `forms` module of a cocrea app."""
    found = []
    for info in pkgutil.iter_modules(cocrea.__path__):
        try:
            module = importlib.import_module(f"cocrea.{info.name}.forms")
        except ModuleNotFoundError:
            continue
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                found.append(cls)
    return found


def instantiate(cls, plan, user):
    """An unbound instance of `cls`, given the keyword arguments its constructor asks for."""
    offered = {"plan": plan, "user": user, "registrations": [], "institutions": ()}
    wanted = inspect.signature(cls.__init__).parameters
    kwargs = {name: value for name, value in offered.items() if name in wanted}
    if issubclass(cls, forms.ModelForm) and "plan" in {
        f.name for f in cls._meta.model._meta.get_fields()
    }:
        kwargs["instance"] = cls._meta.model(plan=plan)
    return cls(**kwargs)


def test_every_date_and_datetime_field_of_every_form_renders_iso(plan, secretary):
    from cocrea.core.forms import DateInput, DateTimeInput

    day = datetime.date(2027, 6, 1)
    moment = timezone.make_aware(datetime.datetime(2027, 6, 1, 9, 30))
    dated = {}
    for cls in form_classes():
        form = instantiate(cls, plan, secretary)
        for name, field in form.fields.items():
            if isinstance(field, forms.DateTimeField):
                expected, value, widget = 'value="2027-06-01T09:30"', moment, DateTimeInput
            elif isinstance(field, forms.DateField):
                expected, value, widget = 'value="2027-06-01"', day, DateInput
            else:
                continue
            assert isinstance(field.widget, widget), f"{cls.__name__}.{name}"
            for language in LANGUAGES:
                with translation.override(language):
                    assert expected in field.widget.render(name, value), (cls, name, language)
            dated.setdefault(cls.__name__, []).append(name)
    # The discovery found the forms with dates that exist today (a new one joins automatically).
    assert dated == {
        "AssignForm": ["due_on"],
        "CallForm": ["opens_at", "closes_at"],
        "CommitmentForm": ["start_date", "end_date"],
        "CommitmentMilestoneForm": ["start_date", "end_date"],
        "EventForm": ["starts_at", "ends_at"],
        "LiaisonRequestForm": ["due_on"],
        "MilestoneForm": ["start_date", "end_date"],
        "NewsForm": ["published_on"],
        "PublishForm": ["published_on"],
        "ProposalForm": ["start_date", "end_date"],
        "StepForm": ["planned_start", "planned_end", "actual_start", "actual_end"],
        "UploadForm": ["published_on"],
    }


def test_every_text_field_of_every_form_has_a_maximum_length(plan, secretary):
    unbounded = []
    for cls in form_classes():
        form = instantiate(cls, plan, secretary)
        for name, field in form.fields.items():
            # Passwords are the accounts' concern (Django's validators), not a staff input.
            if isinstance(field.widget, forms.PasswordInput):
                continue
            if isinstance(field, forms.CharField) and field.max_length is None:
                unbounded.append(f"{cls.__name__}.{name}")
    assert unbounded == []


# --- round trip through the real pages ------------------------------------------------------------


class FormReader(HTMLParser):
    """The forms of a page, each as (action, [(name, value), ...]) with what a browser would send
    untouched: inputs with their value, checked boxes, selected options, textareas."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append((a.get("action") or "", []))
        elif not self.forms:
            return
        fields = self.forms[-1][1] if self.forms else None
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            fields.append((a["name"], a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea":
            self._textarea = [a["name"], ""]
        elif tag == "select":
            self._select = a["name"]
        elif tag == "option" and self._select and "selected" in a:
            fields.append((self._select, a.get("value", "")))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            # The HTML parser drops the newline that follows <textarea>, as browsers do.
            self.forms[-1][1].append((name, text))
            self._textarea = None
        elif tag == "select":
            self._select = None


def resubmit(client, url, field):
    """GET `url`, then POST back, untouched, the form that holds `field`."""
    page = client.get(url)
    assert page.status_code == 200
    reader = FormReader()
    reader.feed(page.content.decode())
    action, fields = next(f for f in reader.forms if any(n == field for n, _v in f[1]))
    data = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return page, client.post(action or url, data)


@pytest.fixture
def table(plan, people):
    StepFactory(plan=plan, key="training-and-tables", number=7, status=Step.Status.OPEN)
    table = TableFactory(plan=plan, number=1)
    seat(table, people["leader"], leader=True)
    return table


def _proposal_state(proposal):
    proposal.refresh_from_db()
    return {name: getattr(proposal, name) for name in (*COMPLETE, "title_en", "problem_en")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_proposal_editor_round_trips_without_losing_its_dates(
    language, client, plan, people, table
):
    fill_set(table)
    proposal = Proposal.objects.get(working_table=table, slot="commitment_1")
    before = _proposal_state(proposal)
    client.force_login(people["leader"])
    prefix = "/en" if language == "en" else ""
    url = prefix + reverse("proposals:edit", args=[plan.slug, 1, "commitment_1"])
    page, response = resubmit(client, url, "start_date")
    assert 'value="2017-09-01"' in page.content.decode()
    assert response.status_code == 302
    assert _proposal_state(proposal) == before
    assert (proposal.start_date, proposal.end_date) == (
        datetime.date(2017, 9, 1),
        datetime.date(2019, 6, 30),
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_assignment_form_round_trips_its_review_date(language, client, plan, people, table):
    fill_set(table)
    proposal_actions.submit_set(table, table.axes.get(), by=SYSTEM)
    for key, number in (("viability-review", 10), ("responsibles-and-objectives", 9)):
        StepFactory(plan=plan, key=key, number=number, planned_end=datetime.date(2017, 9, 1))
    Step.objects.filter(plan=plan).update(status=Step.Status.CLOSED)
    Step.objects.filter(plan=plan, key="responsibles-and-objectives").update(
        status=Step.Status.OPEN
    )
    ministry = OrganisationFactory(kind="public_institution")
    proposal = Proposal.objects.filter(working_table=table).order_by("id").first()
    proposal_actions.assign_institutions(
        proposal, by=SYSTEM, lead=ministry, objectives_es="Datos.", due_on=datetime.date(2017, 8, 4)
    )
    client.force_login(people["secretary"])
    prefix = "/en" if language == "en" else ""
    url = prefix + reverse("proposals:assign", args=[plan.slug, proposal.pk])
    page, response = resubmit(client, url, "due_on")
    assert 'value="2017-08-04"' in page.content.decode()
    assert response.status_code == 302
    assert ViabilityReview.objects.get(proposal=proposal).due_on == datetime.date(2017, 8, 4)


@pytest.mark.parametrize("language", LANGUAGES)
def test_step_form_round_trips_its_four_dates(language, client, plan, secretary):
    step = StepFactory(
        plan=plan,
        key="open-call",
        number=1,
        planned_start=datetime.date(2017, 3, 1),
        planned_end=datetime.date(2017, 4, 30),
        actual_start=datetime.date(2017, 3, 6),
        actual_end=datetime.date(2017, 5, 2),
    )
    client.force_login(secretary)
    prefix = "/en" if language == "en" else ""
    page, response = resubmit(
        client, prefix + reverse("workspace:step_edit", args=[plan.slug, step.key]), "planned_end"
    )
    assert response.status_code == 302
    step.refresh_from_db()
    assert (step.planned_start, step.planned_end, step.actual_start, step.actual_end) == (
        datetime.date(2017, 3, 1),
        datetime.date(2017, 4, 30),
        datetime.date(2017, 3, 6),
        datetime.date(2017, 5, 2),
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_open_call_form_round_trips_its_datetimes(language, client, plan, secretary):
    opens = timezone.make_aware(datetime.datetime(2017, 4, 17, 8, 0))
    closes = timezone.make_aware(datetime.datetime(2017, 5, 12, 17, 30))
    call = OpenCallFactory(plan=plan, opens_at=opens, closes_at=closes)
    client.force_login(secretary)
    prefix = "/en" if language == "en" else ""
    page, response = resubmit(
        client, prefix + reverse("participation:manage", args=[plan.slug]), "call-opens_at"
    )
    assert 'value="2017-04-17T08:00"' in page.content.decode()
    assert response.status_code == 302
    call = OpenCall.objects.get(pk=call.pk)
    assert (call.opens_at, call.closes_at, call.title_es) == (opens, closes, "Convocatoria abierta")


@pytest.mark.parametrize("language", LANGUAGES)
def test_news_form_round_trips_its_date(language, client, plan, secretary):
    item = publish_news(
        plan,
        by=secretary,
        published_on=datetime.date(2017, 4, 17),
        title_es="Abre la convocatoria",
        body_es="Texto.",
    )
    client.force_login(secretary)
    prefix = "/en" if language == "en" else ""
    page, response = resubmit(
        client, prefix + reverse("news:edit", args=[plan.slug, item.pk]), "published_on"
    )
    assert response.status_code == 302
    item = NewsItem.objects.get(pk=item.pk)
    assert (item.published_on, item.title_es, item.body_es) == (
        datetime.date(2017, 4, 17),
        "Abre la convocatoria",
        "Texto.",
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_event_form_round_trips_its_datetimes(language, client, plan, secretary):
    starts = timezone.make_aware(datetime.datetime(2017, 5, 3, 9, 0))
    ends = timezone.make_aware(datetime.datetime(2017, 5, 3, 12, 30))
    event = EventFactory(
        plan=plan, starts_at=starts, ends_at=ends, capacity=40, title_es="Divulgación en Colón"
    )
    client.force_login(secretary)
    prefix = "/en" if language == "en" else ""
    page, response = resubmit(
        client, prefix + reverse("events:manage_edit", args=[plan.slug, event.pk]), "starts_at"
    )
    assert 'value="2017-05-03T09:00"' in page.content.decode()
    assert response.status_code == 302
    event = Event.objects.get(pk=event.pk)
    assert (event.starts_at, event.ends_at, event.capacity, event.title_es) == (
        starts,
        ends,
        40,
        "Divulgación en Colón",
    )


# --- bounds on every staff input ------------------------------------------------------------------


def test_version_dated_9999_is_refused_with_the_form_kept(client, plan, secretary, steps):
    from cocrea.plans.models import ProgrammeVersion

    client.force_login(secretary)
    response = client.post(
        reverse("workspace:publish", args=[plan.slug]),
        {"published_on": "9999-12-31", "change_summary_es": "Fechas nuevas"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert ProgrammeVersion.objects.filter(plan=plan).count() == 0
    # Plan 2017-2019, today in 2026: from 1 January 2012 to 31 December 2031.
    assert "Introduzca una fecha entre el 1 de enero de 2012 y el 31 de diciembre de 2031." in page
    assert 'value="9999-12-31"' in page and "Fechas nuevas</textarea>" in page


def test_a_date_that_is_no_date_is_refused_not_a_server_error(client, plan, secretary):
    client.force_login(secretary)
    response = client.post(
        reverse("news:create", args=[plan.slug]),
        {"title_es": "Noticia", "body_es": "Texto.", "published_on": "99999-99-99"},
    )
    assert response.status_code == 200
    assert NewsItem.objects.count() == 0
    assert 'href="#id_published_on"' in response.content.decode()


def test_summary_of_100000_characters_is_refused_with_the_form_kept(client, plan, secretary):
    client.force_login(secretary)
    response = client.post(
        reverse("news:create", args=[plan.slug]),
        {"title_es": "Noticia", "summary_es": "x" * 100_000, "body_es": "Texto."},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert NewsItem.objects.count() == 0
    assert "tenga menos de 20000 caracteres (tiene 100000)" in page
    assert 'value="Noticia"' in page


def test_proposal_field_of_100000_characters_is_refused(client, plan, people, table):
    client.force_login(people["leader"])
    response = client.post(
        reverse("proposals:edit", args=[plan.slug, 1, "commitment_1"]),
        {"title_es": "Datos abiertos", "problem_es": "x" * 100_000},
    )
    assert response.status_code == 200
    assert Proposal.objects.count() == 0
    assert 'href="#id_problem_es"' in response.content.decode()


def test_minutes_with_5000_agreements_are_refused_with_the_text_kept(client, plan, secretary):
    event = EventFactory(plan=plan, starts_at=timezone.now() - datetime.timedelta(days=1))
    client.force_login(secretary)
    agreements = "\n".join("Sí" for _n in range(5000))  # short lines: within the length limit
    response = client.post(
        reverse("events:manage_minutes", args=[plan.slug, event.pk]),
        {"minutes_es": "Acta de la sesión", "decisions_es": agreements},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert event.decisions.count() == 0
    assert Event.objects.get(pk=event.pk).minutes_es is None
    assert "Como máximo 100 acuerdos en un acta." in page
    assert "Acta de la sesión</textarea>" in page


def test_minutes_with_100_agreements_are_saved(client, plan, secretary):
    event = EventFactory(plan=plan, starts_at=timezone.now() - datetime.timedelta(days=1))
    client.force_login(secretary)
    response = client.post(
        reverse("events:manage_minutes", args=[plan.slug, event.pk]),
        {"minutes_es": "Acta", "decisions_es": "\n".join(f"Acuerdo {n}" for n in range(100))},
    )
    assert response.status_code == 302
    assert event.decisions.count() == 100


@pytest.mark.parametrize(("capacity", "accepted"), [("0", False), ("-3", False), ("1", True)])
def test_event_capacity_is_at_least_one(capacity, accepted, client, plan, secretary):
    StepFactory(plan=plan, status="open", capabilities=["outreach"])  # scheduling outreach
    client.force_login(secretary)
    response = client.post(
        reverse("events:manage_create", args=[plan.slug]),
        {
            "title_es": "Divulgación",
            "kind": Event.Kind.OUTREACH,
            "starts_at": "2017-05-03T09:00",
            "capacity": capacity,
        },
    )
    assert (response.status_code, Event.objects.count()) == ((302, 1) if accepted else (200, 0))
    if not accepted:
        page = response.content.decode()
        assert 'href="#id_capacity"' in page
        assert (
            page.count("Asegúrese de que este valor es mayor o igual a 1.") == 2
        )  # summary, field


def test_event_dated_year_9999_is_refused(client, plan, secretary):
    client.force_login(secretary)
    response = client.post(
        reverse("events:manage_create", args=[plan.slug]),
        {"title_es": "Divulgación", "kind": Event.Kind.OUTREACH, "starts_at": "9999-05-03T09:00"},
    )
    assert (response.status_code, Event.objects.count()) == (200, 0)
    assert "Introduzca una fecha entre" in response.content.decode()


DATE_INPUT = re.compile(r'<input type="(date|datetime-local)"[^>]*>')
ISO = {"date": r"\d{4}-\d{2}-\d{2}", "datetime-local": r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("url_name", "expected"),
    [
        ("workspace:step_create", 4),
        ("participation:liaisons", 1),
        ("documents:upload", 1),
        ("news:create", 1),
        ("events:manage_create", 2),
    ],
)
def test_new_item_pages_render_iso_date_inputs_bounded_by_the_plan(
    url_name, expected, language, client, plan, secretary
):
    client.force_login(secretary)
    prefix = "/en" if language == "en" else ""
    page = client.get(prefix + reverse(url_name, args=[plan.slug])).content.decode()
    inputs = [(m.group(0), m.group(1)) for m in DATE_INPUT.finditer(page)]
    assert len(inputs) == expected
    for tag, kind in inputs:
        values = dict(re.findall(r'(value|min|max)="([^"]*)"', tag))
        assert values["min"].startswith("2012-01-01") and values["max"].startswith("2031-12-31")
        for value in values.values():
            assert re.fullmatch(ISO[kind], value), tag
