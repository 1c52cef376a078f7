"""What every form of the project shares: date widgets that render ISO values, and the bounds put
on every staff input (dates near the plan's period, text lengths).

Browsers read and send `<input type="date">` and `type="datetime-local"` values in ISO 8601
whatever the page's language, and drop a value in any other shape; a widget that follows the
active locale (Spanish: 01/06/2027) therefore empties the field and the next save erases the
date. Every date and datetime field of every form uses the two widgets below."""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils import formats, timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

ISO_DATE = "%Y-%m-%d"
ISO_DATETIME = "%Y-%m-%dT%H:%M"

# How far around the plan's period a date may fall: co-creation starts a year or two before the
# period, and follow-up (reviews, versions, news) runs a little after it.
YEARS_AROUND_PLAN = 5
# Fallback when a form is used without a plan: dates of this century only.
FALLBACK_RANGE = (datetime.date(2000, 1, 1), datetime.date(2099, 12, 31))
# Longest text accepted in a one-line field and in a multi-line one (about 15 pages).
LINE_MAX_LENGTH = 250
TEXT_MAX_LENGTH = 20_000
URL_MAX_LENGTH = 2_000


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=ISO_DATE)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=ISO_DATETIME)


def plan_date_range(plan) -> tuple[datetime.date, datetime.date]:
    """The first and last dates a staff input about `plan` may carry: the plan's period and
    today's year, widened by YEARS_AROUND_PLAN on each side (a plan is often worked on, or
    replayed as a demo, away from its own period)."""
    if plan is None or not plan.period_start or not plan.period_end:
        return FALLBACK_RANGE
    this_year = timezone.localdate().year
    return (
        datetime.date(min(plan.period_start.year, this_year) - YEARS_AROUND_PLAN, 1, 1),
        datetime.date(max(plan.period_end.year, this_year) + YEARS_AROUND_PLAN, 12, 31),
    )


@deconstructible
class DateRangeValidator:
    """Refuses a date (or the local date of a datetime) outside [first, last]."""

    def __init__(self, first: datetime.date, last: datetime.date):
        self.first, self.last = first, last

    def __call__(self, value):
        if value is None:
            return
        day = value
        if isinstance(value, datetime.datetime):
            day = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
        if not self.first <= day <= self.last:
            raise ValidationError(
                _("Enter a date between %(first)s and %(last)s."),
                code="date_out_of_range",
                params={
                    "first": formats.date_format(self.first, "DATE_FORMAT"),
                    "last": formats.date_format(self.last, "DATE_FORMAT"),
                },
            )

    def __eq__(self, other):
        return isinstance(other, DateRangeValidator) and (self.first, self.last) == (
            other.first,
            other.last,
        )


def bound_fields(form: forms.BaseForm, plan=None) -> None:
    """Bound every input of `form`: dates within the plan's period +/- YEARS_AROUND_PLAN (with
    the ISO widgets and min/max attributes), and a maximum length on every text field that has
    none. Forms call it at the end of `__init__`."""
    first, last = plan_date_range(plan)
    for field in form.fields.values():
        if isinstance(field, forms.DateTimeField):
            _bound_dates(field, DateTimeInput, first, last, "T00:00", "T23:59")
        elif isinstance(field, forms.DateField):
            _bound_dates(field, DateInput, first, last, "", "")
        elif isinstance(field, forms.CharField) and field.max_length is None:
            if isinstance(field, forms.URLField):
                limit = URL_MAX_LENGTH
            elif isinstance(field.widget, forms.Textarea):
                limit = TEXT_MAX_LENGTH
            else:
                limit = LINE_MAX_LENGTH
            field.max_length = limit
            field.validators.append(MaxLengthValidator(limit))
            field.widget.attrs.setdefault("maxlength", str(limit))


def _bound_dates(field, widget_class, first, last, first_suffix, last_suffix):
    if not isinstance(field.widget, widget_class):
        widget = widget_class(attrs=field.widget.attrs)
        widget.is_required = field.widget.is_required
        field.widget = widget
    field.widget.attrs.update(
        {
            "min": first.isoformat() + first_suffix,
            "max": last.isoformat() + last_suffix,
        }
    )
    validator = DateRangeValidator(first, last)
    field.validators = [v for v in field.validators if not isinstance(v, DateRangeValidator)]
    field.validators.append(validator)


def plan_language_fields(form: forms.BaseForm, plan, *, drop: bool = True) -> None:
    """Fit the translated inputs (`<name>_<code>`) of `form` to the plan's languages: those of a
    language the plan does not offer are dropped (`drop`), and a text required in some language
    is required in the plan's default language only (not in Spanish for an English plan)."""
    if plan is None:
        return
    from .languages import plan_languages

    codes = {code for code, _name in settings.LANGUAGES}
    offered, default = plan_languages(plan), plan.default_language
    translated = {}
    for name in form.fields:
        base, sep, code = name.rpartition("_")
        if sep and code in codes:
            translated[name] = (base, code)
    required = {base for name, (base, _code) in translated.items() if form.fields[name].required}
    for name, (base, code) in translated.items():
        if drop and code not in offered:
            del form.fields[name]
        elif base in required:
            form.fields[name].required = code == default
