"""Commitments developed from the selected proposals (step 12).

A `Commitment` is created from a proposal the commission selected (in its counterproposal's form
when that was selected) and completed in the plan's version of the OGP template, as declared by
`cocrea.plans.commitment_templates.commitment_fields`: the template's fields, the lead and
supporting institutions, the budget, the links to national plans and the SDGs, and its
`CommitmentMilestone`s (the template's columns plus a weight and a responsible institution; the
weights sum to 100). The secretariat, the table's leaders and the lead institution's liaisons
edit it together; every save is kept as a `CommitmentRevision`. Its public page marks it as a
draft until the plan is published."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cocrea.core.models import TimeStampedModel
from cocrea.plans import commitment_templates
from cocrea.proposals.models import MILESTONE_TEXT_FIELDS, CommitmentTemplate

# The text fields a commitment adds to the template's (one column per language).
DEVELOPMENT_TEXT_FIELDS = ("budget", "national_plans")
MILESTONE_FIELDS = MILESTONE_TEXT_FIELDS
# The milestones' weights sum to this.
TOTAL_WEIGHT = 100


class Commitment(CommitmentTemplate, TimeStampedModel):
    """A commitment of the plan, developed from its selected proposal."""

    plan = models.ForeignKey(
        "plans.ActionPlan", on_delete=models.CASCADE, related_name="commitments"
    )
    proposal = models.OneToOneField(
        "proposals.Proposal",
        verbose_name=_("proposal"),
        on_delete=models.PROTECT,
        related_name="developed_commitment",
    )
    # Developed from the lead institution's counterproposal (the form that was selected).
    from_counterproposal = models.BooleanField(_("from the counterproposal"), default=False)
    # Its number in the plan (1..max), the order of the plan's document.
    number = models.PositiveSmallIntegerField(_("number"))
    axis = models.ForeignKey(
        "plans.Axis", verbose_name=_("thematic axis"), on_delete=models.PROTECT, related_name="+"
    )
    working_table = models.ForeignKey(
        "tables.WorkingTable",
        verbose_name=_("working table"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    lead_institution = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("lead implementing institution"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    supporting_institutions = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("supporting institutions"),
        blank=True,
        related_name="+",
    )
    budget = models.TextField(_("budget and source of funding"), blank=True)
    national_plans = models.TextField(_("link to national development plans"), blank=True)
    sdgs = models.JSONField(_("Sustainable Development Goals"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="commitment_unique_number")
        ]

    def __str__(self):
        return self.title or _("Commitment %(number)s") % {"number": self.number}

    def get_absolute_url(self):
        return reverse("commitments:detail", args=[self.plan.slug, self.number])

    @property
    def declared_fields(self):
        return commitment_templates.commitment_fields(self.template_version)

    @property
    def is_draft(self) -> bool:
        """A draft until its plan is published (`publication.publish_plan`)."""
        return getattr(self.plan, "published_on", None) is None

    def display_sections(self, *, public: bool = True) -> list[dict]:
        """As the template's, with the supporting institutions by name (prefetch them)."""
        sections = super().display_sections(public=public)
        for section in sections:
            for item in section["items"]:
                if item["kind"] == commitment_templates.INSTITUTIONS:
                    item["value"] = ", ".join(o.name for o in self.supporting_institutions.all())
        return sections


class CommitmentMilestone(models.Model):
    """One milestone of a commitment: the template's columns, a weight (percent of the
    commitment's progress) and the institution responsible for it."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="milestones")
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    description = models.TextField(_("milestone"), blank=True)
    outputs = models.TextField(_("expected outputs"), blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    stakeholders = models.TextField(_("stakeholders"), blank=True)
    weight = models.PositiveSmallIntegerField(_("weight (%)"), null=True, blank=True)
    responsible = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("responsible institution"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["commitment", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(weight__isnull=True) | models.Q(weight__lte=TOTAL_WEIGHT),
                name="commitment_milestone_weight_max",
            )
        ]

    def __str__(self):
        return self.description[:60]


class CommitmentRevision(models.Model):
    """A frozen copy of a commitment (its fields, institutions and milestones) at each save."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("revision"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    snapshot = models.JSONField(_("snapshot"), default=dict)

    class Meta:
        verbose_name = _("commitment revision")
        verbose_name_plural = _("commitment revisions")
        ordering = ["commitment", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "number"], name="commitment_revision_unique_number"
            )
        ]

    def __str__(self):
        return _("Revision %(number)s") % {"number": self.number}
