"""Commitment proposals drafted by the working tables, on the OGP commitment template, and what
follows their submission: responsible institutions and objectives (step 9), the lead
institution's viability review with its counterproposal (step 10), and public comments with
official answers.

A table drafts, for its axis, one proposal per slot (the commitments and the alternate). Every
save of a draft is kept as a `ProposalRevision`; submitting the set locks it."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
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


class CommitmentTemplate(models.Model):
    """The fields of the OGP commitment template, shared by proposals and counterproposals."""

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

    class Meta:
        abstract = True

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

    def ogp_value_labels(self) -> list[str]:
        labels = dict(OgpValue.choices)
        return [str(labels.get(value, value)) for value in self.ogp_values or []]


class Proposal(CommitmentTemplate, TimeStampedModel):
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
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    objectives = models.TextField(_("objectives"), blank=True)

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

    def get_absolute_url(self):
        return reverse("proposals:detail", args=[self.plan.slug, self.pk])

    @property
    def is_locked(self) -> bool:
        return self.status == self.Status.SUBMITTED


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


class DraftComment(models.Model):
    """A remark of a table's member on one of its drafts, seen only inside the table."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="draft_comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment in the table")
        verbose_name_plural = _("comments in the table")
        ordering = ["proposal", "created_at", "id"]

    def __str__(self):
        return self.body[:60]

    @property
    def plan(self):
        return self.proposal.plan


class ResponsibleInstitution(models.Model):
    """A candidate institution responsible for a proposal; exactly one of them leads."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="institutions")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_lead = models.BooleanField(_("lead institution"), default=False)

    class Meta:
        verbose_name = _("responsible institution")
        verbose_name_plural = _("responsible institutions")
        ordering = ["proposal", "-is_lead", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "organisation"], name="responsible_unique_organisation"
            ),
            models.UniqueConstraint(
                fields=["proposal"],
                condition=models.Q(is_lead=True),
                name="responsible_one_lead",
            ),
        ]

    def __str__(self):
        return str(self.organisation)


class ReviewDelegate(models.Model):
    """Someone a head of institution names to review, on the institution's behalf, the proposals
    assigned to it in a plan."""

    plan = models.ForeignKey("plans.ActionPlan", on_delete=models.CASCADE, related_name="+")
    institution = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("institution"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("delegate"),
        on_delete=models.CASCADE,
        related_name="review_delegations",
    )
    named_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("review delegate")
        verbose_name_plural = _("review delegates")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "institution", "user"], name="delegate_unique_user"
            )
        ]

    def __str__(self):
        return str(self.user)


class ViabilityReview(TimeStampedModel):
    """The lead institution's answer on a proposal: viable, viable with changes, or not viable
    (with the reasons and a counterproposal in the same template)."""

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Awaiting review")
        VIABLE = "viable", _("Viable")
        VIABLE_WITH_CHANGES = "viable_with_changes", _("Viable with changes")
        NOT_VIABLE = "not_viable", _("Not viable")

    proposal = models.OneToOneField(Proposal, on_delete=models.CASCADE, related_name="review")
    institution = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("reviewing institution"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_on = models.DateField(_("review due by"))
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=Outcome.choices, default=Outcome.PENDING
    )
    changes = models.TextField(_("changes required"), blank=True)
    reasons = models.TextField(_("reasons"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("viability review")
        verbose_name_plural = _("viability reviews")
        ordering = ["due_on", "id"]

    def __str__(self):
        return f"{self.proposal} — {self.get_outcome_display()}"

    @property
    def plan(self):
        return self.proposal.plan

    @property
    def is_pending(self) -> bool:
        return self.outcome == self.Outcome.PENDING

    def is_overdue(self, today: datetime.date | None = None, *, step_open=None) -> bool:
        """Pending past its deadline while a step enabling the viability review is open
        (otherwise no work is overdue). `step_open` saves the query when the caller knows it."""
        if not self.is_pending or self.due_on >= (today or timezone.localdate()):
            return False
        if step_open is None:
            from cocrea.plans.capabilities import is_open

            step_open = is_open(self.proposal.plan, "viability-review")
        return step_open


class Counterproposal(CommitmentTemplate, TimeStampedModel):
    """What a lead institution proposes instead of a proposal it finds not viable, in the same
    template; linked to the original through its review."""

    review = models.OneToOneField(
        ViabilityReview, on_delete=models.CASCADE, related_name="counterproposal"
    )

    class Meta:
        verbose_name = _("counterproposal")
        verbose_name_plural = _("counterproposals")

    def __str__(self):
        return self.title or str(_("Counterproposal"))

    @property
    def proposal(self) -> Proposal:
        return self.review.proposal


class PublicComment(models.Model):
    """A registered person's comment on a submitted proposal, with its official answer.

    Moderators hide a comment (never delete it) and say why in public."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField(_("name"), max_length=200)
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    answer = models.TextField(_("official answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_by_name = models.CharField(_("answered by"), max_length=250, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_reason = models.CharField(_("reason for hiding"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("public comment")
        verbose_name_plural = _("public comments")
        ordering = ["proposal", "created_at", "id"]

    def __str__(self):
        return self.body[:60]

    @property
    def plan(self):
        return self.proposal.plan

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None
