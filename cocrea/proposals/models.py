"""Commitment proposals drafted by the working tables, on the OGP commitment template, and what
follows their submission: responsible institutions and objectives (step 9), the lead
institution's viability review with its counterproposal (step 10), and public comments with
official answers.

A table drafts, for its axis, one proposal per slot (N commitments and M alternates, numbers
the plan sets). Every
save of a draft is kept as a `ProposalRevision`; submitting the set locks it."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cocrea.core.models import TimeStampedModel
from cocrea.plans import commitment_templates

# The template's fields are declared per version in cocrea/plans/commitment_templates.py; these
# are the columns that store them. Text fields have one column per language (translation.py).
TEXT_FIELDS = tuple(commitment_templates.translated_names())
MILESTONE_TEXT_FIELDS = ("description", "outputs", "stakeholders")
DEFAULT_TEMPLATE = commitment_templates.DEFAULT
# The most slots a set may have (plans/models.py bounds N and M).
MAX_COMMITMENT_SLOTS = 10
MAX_ALTERNATE_SLOTS = 5


class OgpValue(models.TextChoices):
    ACCESS_TO_INFORMATION = "access_to_information", _("Access to information")
    CIVIC_PARTICIPATION = "civic_participation", _("Civic participation")
    PUBLIC_ACCOUNTABILITY = "public_accountability", _("Public accountability")
    TECHNOLOGY_INNOVATION = "technology_innovation", _("Technology and innovation")


class Novelty(models.TextChoices):
    NEW = "new", _("New")
    ONGOING = "ongoing", _("Ongoing")


class CommitmentTemplate(models.Model):
    """The columns of every version of the OGP commitment template, shared by proposals and
    counterproposals; which of them a proposal uses (and how they are labelled) depends on its
    `template_version`."""

    template_version = models.CharField(
        _("commitment template"), max_length=10, default=DEFAULT_TEMPLATE
    )
    title = models.CharField(_("title"), max_length=250, blank=True)
    brief_description = models.TextField(_("brief description"), blank=True)
    problem = models.TextField(_("problem"), blank=True)
    causes = models.TextField(_("causes of the problem"), blank=True)
    commitment = models.TextField(_("What is the commitment?"), blank=True)
    contribution = models.TextField(_("How will it contribute to solve the problem?"), blank=True)
    done_so_far = models.TextField(_("what has been done so far"), blank=True)
    solution = models.TextField(_("solution proposed"), blank=True)
    results = models.TextField(_("results sought"), blank=True)
    relevance = models.TextField(_("Why is it relevant to OGP values?"), blank=True)
    transparency = models.TextField(_("how it promotes transparency"), blank=True)
    accountability = models.TextField(_("how it fosters accountability"), blank=True)
    participation = models.TextField(_("how it improves citizen participation"), blank=True)
    additional_info = models.TextField(_("Additional information"), blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    novelty = models.CharField(
        _("new or ongoing"), max_length=10, choices=Novelty.choices, blank=True
    )
    ogp_values = models.JSONField(_("OGP values"), default=list, blank=True)
    other_actors_government = models.TextField(_("other actors: government"), blank=True)
    other_actors_others = models.TextField(
        _("other actors: civil society, private sector, others"), blank=True
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_title = models.CharField(_("contact's title"), max_length=200, blank=True)
    contact_institution = models.CharField(_("contact's institution"), max_length=250, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    # The contact's name, title, e-mail and phone are public only when the person agreed.
    contact_public = models.BooleanField(_("contact details may be published"), default=False)

    class Meta:
        abstract = True

    def clean(self):
        errors = {}
        if not commitment_templates.is_known(self.template_version):
            errors["template_version"] = _("Choose a version of the commitment template.")
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
    def declared_fields(self):
        return commitment_templates.fields(self.template_version)

    def display_sections(self, *, public: bool = True) -> list[dict]:
        """The fields of its version as pages show them, section by section: each section has a
        label, `items` (label, kind, value) and at most one `table` (the milestones: column
        labels and rows of cells). With `public`, personal contact details appear only when
        the contact agreed."""
        sections: list[dict] = []
        for declared in self.declared_fields:
            if declared.kind == commitment_templates.CONSENT:
                continue
            if declared.personal and public and not self.contact_public:
                continue
            if not sections or sections[-1]["label"] != declared.section:
                sections.append({"label": declared.section, "items": [], "table": None})
            if declared.kind == commitment_templates.ROWS:
                columns = declared.columns
                sections[-1]["table"] = {
                    "label": declared.label,
                    "columns": [column.label for column in columns],
                    "rows": [
                        [
                            {"kind": column.kind, "value": getattr(row, column.name)}
                            for column in columns
                        ]
                        for row in getattr(self, declared.name).all()
                    ],
                }
                continue
            value = getattr(self, declared.name)
            if declared.kind == commitment_templates.CHOICE:
                value = dict(declared.choices).get(value, value)
            elif declared.kind == commitment_templates.MULTI:
                labels = dict(declared.choices)
                value = ", ".join(str(labels.get(v, v)) for v in value or [])
            sections[-1]["items"].append(
                {"label": declared.label, "kind": declared.kind, "value": value}
            )
        return sections

    @property
    def all_sections(self) -> list[dict]:
        """`display_sections` with the contact's details, for the staff who handle it."""
        return self.display_sections(public=False)

    def ogp_value_labels(self) -> list[str]:
        labels = dict(OgpValue.choices)
        return [str(labels.get(value, value)) for value in self.ogp_values or []]


def slot_names(plan) -> list[str]:
    """The slots of a table's set for an axis in `plan`: N commitments, then M alternates."""
    return [
        *(f"commitment_{n}" for n in range(1, plan.commitments_per_table_axis + 1)),
        *(f"alternate_{n}" for n in range(1, plan.alternates_per_table_axis + 1)),
    ]


def all_slot_names() -> list[str]:
    """Every slot any plan may have, in order."""
    return [
        *(f"commitment_{n}" for n in range(1, MAX_COMMITMENT_SLOTS + 1)),
        *(f"alternate_{n}" for n in range(1, MAX_ALTERNATE_SLOTS + 1)),
    ]


def slot_label(slot: str) -> str:
    kind, _sep, number = slot.rpartition("_")
    if kind == "commitment":
        return _("Commitment %(number)s") % {"number": number}
    if kind == "alternate":
        return _("Alternate %(number)s") % {"number": number}
    return slot


class Proposal(CommitmentTemplate, TimeStampedModel):
    """One commitment proposal of a working table for an axis, in one slot of its set."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

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
    # "commitment_1".."commitment_N", "alternate_1".."alternate_M" (see slot_names)
    slot = models.CharField(_("slot"), max_length=20)
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

    def get_slot_display(self) -> str:
        return slot_label(self.slot)

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
    # When the reviewers were told the deadline is near (REVIEW_DUE_SOON_DAYS before `due_on`).
    due_soon_sent_at = models.DateTimeField(_("due-soon notice sent"), null=True, blank=True)

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


class Milestone(models.Model):
    """One row of the milestones table of a proposal or of a counterproposal. Which columns a
    row uses, and their labels, depend on the template version."""

    proposal = models.ForeignKey(
        Proposal, null=True, blank=True, on_delete=models.CASCADE, related_name="milestones"
    )
    counterproposal = models.ForeignKey(
        Counterproposal,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="milestones",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    description = models.TextField(_("milestone"), blank=True)
    outputs = models.TextField(_("expected outputs"), blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    stakeholders = models.TextField(_("stakeholders"), blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(proposal__isnull=False, counterproposal__isnull=True)
                    | models.Q(proposal__isnull=True, counterproposal__isnull=False)
                ),
                name="milestone_one_parent",
            )
        ]

    def __str__(self):
        return self.description[:60]


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
