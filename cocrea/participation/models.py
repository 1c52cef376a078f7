"""How people enter the process: requirements, invitations, the open call and its registrations
with their consent records, and the requests to institutions for a liaison.

Personal data (Ley 81 de 2019): e-mails and phones stay in these tables, are never shown on public
pages and are removed when the person erases their registration; only anonymous counts remain."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cocrea.core.models import TimeStampedModel
from cocrea.organisations.models import Organisation
from cocrea.organisations.models import Sector as Sector  # re-exported


class Requirement(models.Model):
    """A requirement of the commission for table leaders or key participants."""

    class AppliesTo(models.TextChoices):
        LEADERS = "leaders", _("Table leaders")
        PARTICIPANTS = "participants", _("Key participants")
        BOTH = "both", _("Leaders and key participants")

    plan = models.ForeignKey(
        "plans.ActionPlan", on_delete=models.CASCADE, related_name="requirements"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.CharField(_("requirement"), max_length=300)
    applies_to = models.CharField(
        _("applies to"), max_length=20, choices=AppliesTo.choices, default=AppliesTo.BOTH
    )

    class Meta:
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="requirement_unique_number")
        ]

    def __str__(self):
        return f"{self.number}. {self.text}"

    def applies_to_leaders(self) -> bool:
        return self.applies_to in (self.AppliesTo.LEADERS, self.AppliesTo.BOTH)

    def applies_to_participants(self) -> bool:
        return self.applies_to in (self.AppliesTo.PARTICIPANTS, self.AppliesTo.BOTH)


class Invitation(TimeStampedModel):
    """An invitation by the secretariat to lead a table or take part, sent with a single-use link.

    sent -> accepted | declined (by the person, with the link) ; accepted -> confirmed (by the
    secretariat, recording the requirements it verified) ; sent | accepted -> revoked."""

    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        CONFIRMED = "confirmed", _("Confirmed")
        REVOKED = "revoked", _("Revoked")

    class Purpose(models.TextChoices):
        LEAD = "lead", _("Lead a working table")
        TAKE_PART = "take_part", _("Take part")

    class Side(models.TextChoices):
        GOVERNMENT = "government", _("Government")
        CIVIL_SOCIETY = "civil_society", _("Civil society")

    TRANSITIONS = {
        Status.SENT: {Status.ACCEPTED, Status.DECLINED, Status.REVOKED},
        Status.ACCEPTED: {Status.CONFIRMED, Status.REVOKED},
        Status.DECLINED: set(),
        Status.CONFIRMED: set(),
        Status.REVOKED: set(),
    }

    plan = models.ForeignKey(
        "plans.ActionPlan", on_delete=models.CASCADE, related_name="invitations"
    )
    full_name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    side = models.CharField(_("side"), max_length=20, choices=Side.choices)
    purpose = models.CharField(_("invited to"), max_length=20, choices=Purpose.choices)
    table = models.ForeignKey(
        "tables.WorkingTable",
        verbose_name=_("working table"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitations",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SENT
    )
    token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    expires_at = models.DateTimeField(_("link expires"))
    sent_at = models.DateTimeField(_("sent"))
    send_count = models.PositiveSmallIntegerField(default=1)
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)
    decline_reason = models.TextField(_("reason"), blank=True)
    verified_requirements = models.ManyToManyField(
        Requirement, verbose_name=_("requirements verified"), blank=True, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(max_length=8, default="es")

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["plan", "-sent_at", "-id"]

    def __str__(self):
        return f"{self.full_name} · {self.get_purpose_display()}"

    def can_become(self, status) -> bool:
        return status in self.TRANSITIONS[self.Status(self.status)]

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()


class OpenCall(TimeStampedModel):
    """The open call for participation of a plan: text and channels. It accepts registrations
    while a step of the plan enabling the "open-call" capability is open, whatever the dates
    written on it (`opens_at`/`closes_at` are the window announced when it was published)."""

    plan = models.OneToOneField(
        "plans.ActionPlan", on_delete=models.CASCADE, related_name="open_call"
    )
    title = models.CharField(_("title"), max_length=250)
    text = models.TextField(_("text of the call"))
    channels = models.TextField(
        _("channels"), blank=True, help_text=_("Where the call is announced, one per line.")
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    published = models.BooleanField(_("published"), default=False)

    class Meta:
        verbose_name = _("open call")
        verbose_name_plural = _("open calls")

    def __str__(self):
        return self.title

    def step(self):
        """The step of the work programme that opens and closes the call (None if none does)."""
        from cocrea.plans.capabilities import enabling_step

        return enabling_step(self.plan, "open-call")

    def window(self, step=None) -> str:
        """'before' (its step has not started), 'open' or 'closed', read from the step."""
        step = step or self.step()
        if step is None:
            return "closed"
        return {"pending": "before", "open": "open"}.get(step.status, "closed")

    def channel_list(self) -> list[str]:
        return [line.strip() for line in self.channels.splitlines() if line.strip()]

    def get_absolute_url(self):
        return reverse("participation:call", args=[self.plan.slug])


class PrivacyNotice(TimeStampedModel):
    """A version of a plan's privacy notice: the legal basis that protects the data (in Panama,
    Law 81 of 2019) and what the plan does with them, in the plan's languages.

    The secretariat publishes a new version; a published version is never edited, since consents
    point at it. A version that `requires_new_consent` asks the plan's registrants again at their
    next visit through their data link; their earlier consent stays recorded."""

    plan = models.ForeignKey(
        "plans.ActionPlan", on_delete=models.CASCADE, related_name="privacy_notices"
    )
    version = models.PositiveSmallIntegerField(_("version"))
    legal_basis = models.TextField(
        _("legal basis"), help_text=_("The law that protects the data, as people should read it.")
    )
    text = models.TextField(
        _("notice"), help_text=_("What is done with the data, who keeps them and for how long.")
    )
    requires_new_consent = models.BooleanField(
        _("asks registrants for their consent again"), default=False
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("privacy notice")
        verbose_name_plural = _("privacy notices")
        ordering = ["plan", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "version"], name="privacy_notice_unique")
        ]

    def __str__(self):
        return f"{self.plan.slug} v{self.version}"

    def paragraphs(self) -> list[str]:
        return [part.strip() for part in self.text.split("\n\n") if part.strip()]


class Registration(TimeStampedModel):
    """A person who answered the open call. It counts only once the e-mail link is confirmed.

    After erasure only `plan`, `sector`, `region` and `status` remain (anonymous counts)."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Awaiting e-mail confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        WITHDRAWN = "withdrawn", _("Consent revoked")
        ERASED = "erased", _("Erased")

    class HeardFrom(models.TextChoices):
        EMAIL = "email", _("E-mail from the secretariat")
        SOCIAL = "social", _("Social media")
        PRESS = "press", _("Press, radio or TV")
        WEBSITE = "website", _("A government website")
        ORGANISATION = "organisation", _("My organisation")
        EVENT = "event", _("An event or workshop")
        OTHER = "other", _("Other")

    plan = models.ForeignKey(
        "plans.ActionPlan", on_delete=models.CASCADE, related_name="call_registrations"
    )
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    organisation_name = models.CharField(
        _("organisation"), max_length=250, blank=True, help_text=_("Leave empty if none.")
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    region = models.ForeignKey(
        "organisations.Region",
        verbose_name=_("province or comarca"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    axes = models.ManyToManyField(
        "plans.Axis", verbose_name=_("axes of interest"), blank=True, related_name="+"
    )
    heard_from = models.CharField(
        _("how did you hear of the call?"), max_length=20, choices=HeardFrom.choices, blank=True
    )
    accessibility = models.TextField(_("accessibility needs"), blank=True)
    language = models.CharField(max_length=8, default="es")
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.UNCONFIRMED
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirm_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    confirm_expires_at = models.DateTimeField(null=True, blank=True)
    manage_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    manage_expires_at = models.DateTimeField(null=True, blank=True)
    # A registration already confirmed changes only when the new data is confirmed by e-mail too.
    pending_changes = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["plan", "-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "email"],
                condition=~Q(email=""),
                name="call_registration_unique_email",
            )
        ]

    def __str__(self):
        return self.full_name or str(_("(erased)"))

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.CONFIRMED


class ConsentRecord(models.Model):
    """Consent given to a plan's privacy notice: which plan, which version, when, for what;
    revocable. Records older than the versioned notices keep the label they were given
    (`notice_version`) with no `notice`."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="consents"
    )
    plan = models.ForeignKey(
        "plans.ActionPlan", on_delete=models.CASCADE, null=True, related_name="+"
    )
    notice = models.ForeignKey(
        PrivacyNotice,
        verbose_name=_("privacy notice"),
        null=True,
        on_delete=models.PROTECT,
        related_name="consents",
    )
    notice_version = models.CharField(_("notice version"), max_length=20)
    purposes = models.JSONField(_("purposes"), default=list)
    given_at = models.DateTimeField(_("given"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["registration", "-given_at", "-id"]

    def __str__(self):
        return f"{self.notice_version} · {self.given_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.notice_id and not self.notice_version:
            self.notice_version = str(self.notice.version)
        super().save(*args, **kwargs)


# The purposes a registrant consents to (stored as keys in ConsentRecord.purposes).
PURPOSES = {
    "contact": _("to contact you about the co-creation of the action plan"),
    "tables": _("to invite you to the working tables of the axes you chose"),
    "statistics": _("to publish anonymous counts of participation by sector and province"),
}


class LiaisonRequest(TimeStampedModel):
    """A request to an institution's head to designate a liaison for one axis."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        DESIGNATED = "designated", _("Designated")
        DECLINED = "declined", _("Declined")

    plan = models.ForeignKey(
        "plans.ActionPlan", on_delete=models.CASCADE, related_name="liaison_requests"
    )
    axis = models.ForeignKey(
        "plans.Axis", verbose_name=_("thematic axis"), on_delete=models.PROTECT, related_name="+"
    )
    institution = models.ForeignKey(
        Organisation, verbose_name=_("institution"), on_delete=models.PROTECT, related_name="+"
    )
    head_name = models.CharField(_("head of institution"), max_length=200)
    head_email = models.EmailField(_("head's e-mail"))
    # The language of the mails to the head (one of the plan's).
    language = models.CharField(_("language of the e-mail"), max_length=8, default="es")
    due_on = models.DateField(_("answer due"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    sent_at = models.DateTimeField(_("sent"))
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)
    decline_reason = models.TextField(_("reason"), blank=True)
    liaison = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("liaison"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("liaison request")
        verbose_name_plural = _("liaison requests")
        ordering = ["plan", "axis__number", "institution__name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "axis", "institution"], name="liaison_request_unique"
            )
        ]

    def __str__(self):
        return f"{self.institution} · {self.axis}"

    def is_overdue(self, today=None, *, step_open=None) -> bool:
        """Pending past its deadline while a step enabling the liaisons is open (otherwise no
        work is overdue). `step_open` saves the query when the caller knows it."""
        today = today or timezone.localdate()
        if self.status != self.Status.PENDING or self.due_on >= today:
            return False
        if step_open is None:
            from cocrea.plans.capabilities import is_open

            step_open = is_open(self.plan, "liaisons")
        return step_open
