"""Commitment proposals drafted by the working tables, on the OGP commitment template.

A table drafts, for its axis, one proposal per slot (the commitments and the alternate). Every
save of a draft is kept as a `ProposalRevision`; submitting the set locks it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cocrea.core.models import TimeStampedModel

# The template's text fields, one column per language (see translation.py).
TEXT_FIELDS = ("title", "problem", "commitment", "contribution", "relevance", "additional_info")
DATE_FIELDS = ("start_date", "end_date")
TEMPLATE_FIELDS = (*TEXT_FIELDS, *DATE_FIELDS, "ogp_values")

# What each version of the OGP commitment template requires before a set can be submitted.
# Text fields are required in the default language (Spanish). Add a version here, not elsewhere.
REQUIRED_FIELDS = {
    "2017": (
        "title",
        "problem",
        "commitment",
        "contribution",
        "relevance",
        "start_date",
        "end_date",
        "ogp_values",
    ),
}
DEFAULT_TEMPLATE = "2017"


class OgpValue(models.TextChoices):
    ACCESS_TO_INFORMATION = "access_to_information", _("Access to information")
    CIVIC_PARTICIPATION = "civic_participation", _("Civic participation")
    PUBLIC_ACCOUNTABILITY = "public_accountability", _("Public accountability")
    TECHNOLOGY_INNOVATION = "technology_innovation", _("Technology and innovation")


class Proposal(TimeStampedModel):
    """One commitment proposal of a working table for an axis, in one slot of its set."""

    class Slot(models.TextChoices):
        COMMITMENT_1 = "commitment_1", _("Commitment 1")
        COMMITMENT_2 = "commitment_2", _("Commitment 2")
        ALTERNATE = "alternate", _("Alternate")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    COMMITMENT_SLOTS = (Slot.COMMITMENT_1, Slot.COMMITMENT_2)
    ALTERNATE_SLOTS = (Slot.ALTERNATE,)

    plan = models.ForeignKey("plans.ActionPlan", on_delete=models.CASCADE, related_name="proposals")
    working_table = models.ForeignKey(
        "tables.WorkingTable",
        verbose_name=_("working table"),
        on_delete=models.CASCADE,
        related_name="proposals",
    )
    axis = models.ForeignKey(
        "plans.Axis",
        verbose_name=_("thematic axis"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    slot = models.CharField(_("slot"), max_length=20, choices=Slot.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    template_version = models.CharField(
        _("commitment template"), max_length=10, default=DEFAULT_TEMPLATE
    )
    title = models.CharField(_("title"), max_length=250, blank=True)
    problem = models.TextField(
        _("What is the public problem the commitment will address?"), blank=True
    )
    commitment = models.TextField(_("What is the commitment?"), blank=True)
    contribution = models.TextField(_("How will it contribute to solve the problem?"), blank=True)
    relevance = models.TextField(_("Why is it relevant to OGP values?"), blank=True)
    additional_info = models.TextField(_("Additional information"), blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    ogp_values = models.JSONField(_("OGP values"), default=list, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["plan", "working_table", "axis", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["working_table", "axis", "slot"], name="proposal_unique_slot"
            )
        ]

    def __str__(self):
        return self.title or str(self.get_slot_display())

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        unknown = set(self.ogp_values or []) - set(OgpValue.values)
        if unknown:
            errors["ogp_values"] = _("Unknown OGP values: %(values)s") % {
                "values": ", ".join(sorted(unknown))
            }
        if errors:
            raise ValidationError(errors)

    @property
    def is_locked(self) -> bool:
        return self.status == self.Status.SUBMITTED

    def ogp_value_labels(self) -> list[str]:
        labels = dict(OgpValue.choices)
        return [str(labels.get(value, value)) for value in self.ogp_values or []]

    def get_absolute_url(self):
        return reverse("proposals:detail", args=[self.plan.slug, self.pk])


class ProposalRevision(models.Model):
    """A frozen copy of every template field, written by each save of a draft."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("revision"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    snapshot = models.JSONField(_("snapshot"), default=dict)

    class Meta:
        verbose_name = _("proposal revision")
        verbose_name_plural = _("proposal revisions")
        ordering = ["proposal", "number"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "number"], name="revision_unique_number")
        ]

    def __str__(self):
        return _("Revision %(number)s") % {"number": self.number}
