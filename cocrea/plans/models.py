import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cocrea.core.models import TimeStampedModel

from . import commitment_templates

# The sensible range of each number of a plan (OGP recommends 5-15 commitments).
MAX_COMMITMENTS_RANGE = (1, 50)
COMMITMENTS_PER_TABLE_AXIS_RANGE = (1, 10)
ALTERNATES_PER_TABLE_AXIS_RANGE = (0, 5)
# The settings that shape the proposal sets: fixed once the first set of the plan is submitted.
FROZEN_FIELDS = (
    "max_commitments",
    "commitments_per_table_axis",
    "alternates_per_table_axis",
    "template_version",
)


def site_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


class ActionPlan(TimeStampedModel):
    """One co-creation cycle of a national (or local) action plan.

    The numbers the seed's process agrees on are settings of the plan, not constants."""

    country = models.CharField(_("country"), max_length=100)
    country_code = models.CharField(_("country code"), max_length=2)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=250)
    summary = models.TextField(_("summary"), blank=True)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    jurisdiction = models.ForeignKey(
        "organisations.Jurisdiction",
        verbose_name=_("jurisdiction"),
        null=True,
        on_delete=models.PROTECT,
        related_name="plans",
    )
    languages = models.CharField(
        _("languages"),
        max_length=50,
        default="es,en",
        help_text=_("Comma-separated codes of languages the site supports"),
    )
    # Content is required in this language; pages fall back to it.
    default_language = models.CharField(_("default language"), max_length=8, default="es")
    lead_agency = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("lead agency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    max_commitments = models.PositiveSmallIntegerField(
        _("maximum commitments"),
        default=10,
        validators=[
            MinValueValidator(MAX_COMMITMENTS_RANGE[0]),
            MaxValueValidator(MAX_COMMITMENTS_RANGE[1]),
        ],
    )
    # N and M: each working table proposes, per axis it covers, N commitments and M alternates.
    commitments_per_table_axis = models.PositiveSmallIntegerField(
        _("commitments per table and axis"),
        default=2,
        validators=[
            MinValueValidator(COMMITMENTS_PER_TABLE_AXIS_RANGE[0]),
            MaxValueValidator(COMMITMENTS_PER_TABLE_AXIS_RANGE[1]),
        ],
    )
    alternates_per_table_axis = models.PositiveSmallIntegerField(
        _("alternates per table and axis"),
        default=1,
        validators=[
            MinValueValidator(ALTERNATES_PER_TABLE_AXIS_RANGE[0]),
            MaxValueValidator(ALTERNATES_PER_TABLE_AXIS_RANGE[1]),
        ],
    )
    template_version = models.CharField(
        _("commitment template"),
        max_length=10,
        default=commitment_templates.DEFAULT,
        choices=commitment_templates.choices(),
    )
    # Point of contact (an OGP basic requirement: lead agency and contact details are public).
    contact_name = models.CharField(_("point of contact"), max_length=200, blank=True)
    contact_title = models.CharField(_("contact's position"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    contact_address = models.TextField(_("contact address"), blank=True)
    is_current = models.BooleanField(_("current plan"), default=False)
    # Set once, by publishing the plan (cocrea/publication): from then on its document and
    # commitments are no longer drafts and do not change.
    published_on = models.DateField(_("published on"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["-period_start"]
        constraints = [
            # Exactly one plan is the site's current one (the setup action moves the flag).
            models.UniqueConstraint(
                fields=["is_current"], condition=Q(is_current=True), name="plan_one_current"
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if self.period_start and self.period_end and self.period_end <= self.period_start:
            errors["period_end"] = _("The period must end after it starts.")
        codes = self.language_list
        supported = site_languages()
        unknown = [code for code in codes if code not in supported]
        if not codes:
            errors["languages"] = _("Choose at least one language.")
        elif unknown:
            errors["languages"] = _(
                "The site does not support these languages: %(codes)s. Choose from: %(supported)s."
            ) % {"codes": ", ".join(unknown), "supported": ", ".join(supported)}
        elif len(set(codes)) != len(codes):
            errors["languages"] = _("Each language once.")
        elif self.default_language not in codes:
            errors["default_language"] = _("The default language must be one of the plan's.")
        if not commitment_templates.is_known(self.template_version):
            errors["template_version"] = _("Choose a version of the commitment template.")
        if errors:
            raise ValidationError(errors)

    @property
    def language_list(self) -> list[str]:
        return [code.strip() for code in self.languages.split(",") if code.strip()]

    def numbers_frozen(self) -> bool:
        """Whether a proposal set of the plan has been submitted: from then on the numbers and
        the commitment template (FROZEN_FIELDS) no longer change. Asked through the reverse
        relation: the plans app does not import the proposals app."""
        return bool(self.pk) and self.proposals.filter(status="submitted").exists()

    @property
    def proposals_per_table_axis(self) -> int:
        """N + M: the slots of a complete set."""
        return self.commitments_per_table_axis + self.alternates_per_table_axis

    def get_absolute_url(self):
        return reverse("public:plan", args=[self.slug])


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("Secretariat officer")
    COMMISSION_MEMBER = "commission_member", _("Commission member")
    TABLE_LEADER = "table_leader", _("Working-table leader")
    PARTICIPANT = "participant", _("Participant")
    LIAISON = "liaison", _("Institutional liaison")
    HEAD_OF_INSTITUTION = "head_of_institution", _("Head of institution")
    OGP_REVIEWER = "ogp_reviewer", _("OGP Support Unit reviewer")


class PlatformAdministrator(TimeStampedModel):
    """A person who administers the platform: creates plans, names their secretariat and chooses
    the site's current plan. A site-level role, held in no plan; distinct from Django's
    superuser (who administers the database through /admin/)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="platform_administrator",
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("platform administrator")
        verbose_name_plural = _("platform administrators")
        ordering = ["created_at", "id"]

    def __str__(self):
        return str(self.user)


class PlanRole(TimeStampedModel):
    """A role a person holds in one action plan. Permissions are computed from these rows."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="roles")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_roles"
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("plan role")
        verbose_name_plural = _("plan roles")
        constraints = [
            models.UniqueConstraint(fields=["plan", "user", "role"], name="planrole_unique")
        ]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.plan}"


class Axis(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="axes")
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("thematic axis")
        verbose_name_plural = _("thematic axes")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="axis_unique_number")
        ]

    def __str__(self):
        return f"{self.number}. {self.name}"


class Commission(models.Model):
    """The multi-stakeholder forum of a plan. Its members are the plan's commission-member roles."""

    plan = models.OneToOneField(ActionPlan, on_delete=models.CASCADE, related_name="commission")
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=20, blank=True)
    mandate = models.TextField(_("mandate"), blank=True)
    participation_rules = models.TextField(_("participation rules"), blank=True)

    class Meta:
        verbose_name = _("commission")
        verbose_name_plural = _("commissions")

    def __str__(self):
        return self.name


class Step(TimeStampedModel):
    """A step of the work programme. Opened and closed by explicit actions, never by the clock."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Not started")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    # from -> allowed targets; read by the actions, shown by the workspace buttons.
    TRANSITIONS = {
        Status.PENDING: {Status.OPEN},
        Status.OPEN: {Status.CLOSED},
        Status.CLOSED: {Status.OPEN},
    }

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="steps")
    key = models.SlugField(
        _("key"),
        max_length=60,
        help_text=_("Stable identifier of the step across versions of the programme."),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    responsible = models.CharField(_("responsible"), max_length=200, blank=True)
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    # Keys of cocrea.plans.capabilities.CATALOGUE: what this step allows while it is open.
    capabilities = models.JSONField(_("enables"), default=list, blank=True)

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        ordering = ["plan", "number", "id"]
        constraints = [models.UniqueConstraint(fields=["plan", "key"], name="step_unique_key")]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def clean(self):
        errors = {}
        if self.planned_start and self.planned_end and self.planned_end < self.planned_start:
            errors["planned_end"] = _("The planned end cannot be before the planned start.")
        if self.actual_start and self.actual_end and self.actual_end < self.actual_start:
            errors["actual_end"] = _("The actual end cannot be before the actual start.")
        from .capabilities import CATALOGUE

        if not isinstance(self.capabilities, list) or any(
            key not in CATALOGUE for key in self.capabilities
        ):
            errors["capabilities"] = _("Choose capabilities from the list.")
        if errors:
            raise ValidationError(errors)

    def enabled(self) -> list:
        """The capabilities this step enables, in the catalogue's order."""
        from .capabilities import CATALOGUE

        return [c for key, c in CATALOGUE.items() if key in self.capabilities]

    def can_become(self, status) -> bool:
        return status in self.TRANSITIONS[self.Status(self.status)]

    @staticmethod
    def new_key() -> str:
        return f"step-{uuid.uuid4().hex[:10]}"

    def get_absolute_url(self):
        return reverse("public:step", args=[self.plan.slug, self.key])


class ProgrammeVersion(models.Model):
    """A published version of the work programme: a frozen snapshot of every step."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    published_on = models.DateField(_("published on"))
    change_summary = models.TextField(_("change summary"), blank=True)
    snapshot = models.JSONField(_("snapshot"), default=list)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("programme version")
        verbose_name_plural = _("programme versions")
        ordering = ["plan", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="version_unique_number")
        ]

    def __str__(self):
        return _("Version %(number)s") % {"number": self.number}

    def get_absolute_url(self):
        return reverse("public:version", args=[self.plan.slug, self.number])
