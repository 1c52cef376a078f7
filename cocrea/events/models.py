"""Every gathering of the process (commission meetings, outreach, trainings, table sessions,
implementation meetings, presentations), who registered and attended, and what was decided."""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cocrea.core.models import TimeStampedModel
from cocrea.organisations.models import Organisation


class Event(TimeStampedModel):
    class Kind(models.TextChoices):
        COMMISSION_MEETING = "commission_meeting", _("Commission meeting")
        OUTREACH = "outreach", _("Outreach activity")
        TRAINING = "training", _("Training")
        TABLE_SESSION = "table_session", _("Working-table session")
        IMPLEMENTATION_MEETING = "implementation_meeting", _("Implementation meeting")
        PRESENTATION = "presentation", _("Presentation")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    # from -> allowed targets
    TRANSITIONS = {
        Status.PLANNED: {Status.HELD, Status.CANCELLED},
        Status.HELD: set(),
        Status.CANCELLED: set(),
    }

    plan = models.ForeignKey("plans.ActionPlan", on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    axis = models.ForeignKey(
        "plans.Axis",
        verbose_name=_("thematic axis"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    working_table = models.ForeignKey(
        "tables.WorkingTable",
        verbose_name=_("working table"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    region = models.ForeignKey(
        "organisations.Region",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    published = models.BooleanField(_("published"), default=False)
    registration_open = models.BooleanField(_("public registration"), default=False)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    minutes = models.TextField(_("minutes"), blank=True)
    minutes_published_on = models.DateField(_("minutes published on"), null=True, blank=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["plan", "starts_at", "id"]
        indexes = [models.Index(fields=["plan", "starts_at"])]

    def __str__(self):
        return self.title

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("An event cannot end before it starts.")})
        if self.working_table_id and self.working_table.plan_id != self.plan_id:
            raise ValidationError({"working_table": _("This table belongs to another plan.")})
        if self.region_id and self.region.jurisdiction_id != self.plan.jurisdiction_id:
            raise ValidationError({"region": _("This region belongs to another jurisdiction.")})
        if self.axis_id and self.axis.plan_id != self.plan_id:
            raise ValidationError({"axis": _("This axis belongs to another plan.")})

    def can_become(self, status) -> bool:
        return status in self.TRANSITIONS[self.Status(self.status)]

    def get_absolute_url(self):
        return reverse("events:event", args=[self.plan.slug, self.pk])


class RegistrationQuerySet(models.QuerySet):
    def expired(self, now: datetime.datetime):
        """Registrations whose address was never confirmed within `PENDING_HOURS`."""
        return self.filter(
            status=Registration.Status.PENDING,
            created_at__lte=now - datetime.timedelta(hours=Registration.PENDING_HOURS),
        )


class Registration(TimeStampedModel):
    """A person registered for, or present at, an event. E-mail and phone are never public;
    the name is public only when `name_public` (the person's consent, with its time).

    A registration made on the public form is `pending` until its address is confirmed from the
    mailed link: only then does it take a seat (or a place on the waiting list), in confirmation
    order (`confirmed_at`). An unconfirmed one expires after `PENDING_HOURS`, holding nothing."""

    PENDING_HOURS = 24

    class Status(models.TextChoices):
        PENDING = "pending", _("E-mail not confirmed")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("Waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    organisation_name = models.CharField(_("organisation"), max_length=250, blank=True)
    organisation_kind = models.CharField(
        _("type of organisation"), max_length=30, choices=Organisation.Kind.choices, blank=True
    )
    region = models.ForeignKey(
        "organisations.Region",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=8, default="es")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.CONFIRMED
    )
    name_public = models.BooleanField(
        _("my name may appear on the public attendance"), default=False
    )
    name_public_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(_("attended"), default=False)
    walk_in = models.BooleanField(_("walk-in"), default=False)
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # When the address was confirmed (staff-recorded walk-ins: when recorded); seats and the
    # waiting list follow this order.
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(email=""),
                name="registration_unique_email",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def sector(self) -> str:
        if not self.organisation_kind:
            return ""
        return Organisation.SECTOR_OF_KIND[Organisation.Kind(self.organisation_kind)]

    def get_sector_display(self) -> str:
        return str(Organisation.Sector(self.sector).label) if self.sector else ""

    def is_expired(self, now: datetime.datetime) -> bool:
        return self.status == self.Status.PENDING and self.created_at <= now - datetime.timedelta(
            hours=self.PENDING_HOURS
        )


class Decision(models.Model):
    """An agreement recorded in an event's minutes, one item each."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="decisions")
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("agreement"))

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["event", "number"]
        constraints = [
            models.UniqueConstraint(fields=["event", "number"], name="decision_unique_number")
        ]

    def __str__(self):
        return f"{self.number}. {self.text[:80]}"
