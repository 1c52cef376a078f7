"""Selection of the commitments (step 11): the methodology fixed before anyone scores, the
eligibility of each candidate, the commission's scores, and the outcome of every proposal with
its reasons (the reasoned response, OGP minimum requirement 4.1).

- A `Methodology` is versioned per plan: the secretariat drafts it (eligibility `Requirement`s,
  pass/fail, and weighted `Criterion`s, each with its scale and guidance), the commission adopts
  it at a meeting (`adopted_at`: a commission meeting with minutes), and it is published before
  scoring opens. It is locked once a ballot is cast under it. A change afterwards is a new
  version, with its reason, adopted and published again: the previous one becomes superseded;
  its ballots stay on record but no longer count.
- A `Candidate` is what the commission scores: a submitted proposal, or the counterproposal its
  lead institution gave.
- `EligibilityCheck`: the secretariat's check of one candidate against the published
  requirements (`RequirementResult` per requirement, each failure with its reason); the
  commission may overturn it at a meeting.
- `Ballot` (one per member, candidate and methodology version): the member's `Score` on each
  criterion and an optional comment, or an abstention for a declared conflict of interest.
- `Outcome` (one per proposal): selected (possibly in its counterproposal's form), or not, with
  a reason from a short list plus text, decided at a commission meeting. `SelectionPublication`
  makes the outcomes public (the reasoned response)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cocrea.core.models import TimeStampedModel

# Bounds of a criterion's scale and weight (forms and actions refuse others).
SCALE_LIMITS = (0, 100)
WEIGHT_LIMITS = (1, 100)


class Methodology(TimeStampedModel):
    """One version of a plan's selection methodology."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ADOPTED = "adopted", _("Adopted by the commission")
        PUBLISHED = "published", _("Published")
        SUPERSEDED = "superseded", _("Superseded")

    plan = models.ForeignKey(
        "plans.ActionPlan", on_delete=models.CASCADE, related_name="methodologies"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    introduction = models.TextField(_("introduction"), blank=True)
    # Why this version replaces the previous one (required from version 2 on).
    reason = models.TextField(_("reason for the change"), blank=True)
    adopted_at = models.ForeignKey(
        "events.Event",
        verbose_name=_("adopted at"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    superseded_at = models.DateTimeField(_("superseded"), null=True, blank=True)

    class Meta:
        verbose_name = _("selection methodology")
        verbose_name_plural = _("selection methodologies")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="methodology_unique_number"),
            models.UniqueConstraint(
                fields=["plan"],
                condition=models.Q(status="published"),
                name="methodology_one_published",
            ),
        ]

    def __str__(self):
        return _("Selection methodology, version %(number)s") % {"number": self.number}

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_editable(self) -> bool:
        """Only a draft is edited; an adopted version goes back to draft only by a new one."""
        return self.status == self.Status.DRAFT

    @property
    def is_locked(self) -> bool:
        """A ballot was cast under it: its requirements and criteria are fixed (one query)."""
        return self.ballots.exists()


class Requirement(models.Model):
    """An eligibility requirement: a candidate passes or fails it."""

    methodology = models.ForeignKey(
        Methodology, on_delete=models.CASCADE, related_name="requirements"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    text = models.CharField(_("requirement"), max_length=300)
    guidance = models.TextField(_("guidance"), blank=True)

    class Meta:
        verbose_name = _("eligibility requirement")
        verbose_name_plural = _("eligibility requirements")
        ordering = ["methodology", "order", "id"]

    def __str__(self):
        return self.text


class Criterion(models.Model):
    """A weighted criterion the commission scores on a scale from `scale_min` to `scale_max`."""

    methodology = models.ForeignKey(Methodology, on_delete=models.CASCADE, related_name="criteria")
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    name = models.CharField(_("criterion"), max_length=200)
    guidance = models.TextField(_("guidance"), blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    scale_min = models.SmallIntegerField(_("lowest score"), default=1)
    scale_max = models.SmallIntegerField(_("highest score"), default=5)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["methodology", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scale_max__gt=models.F("scale_min")),
                name="criterion_scale_ordered",
            ),
            models.CheckConstraint(condition=models.Q(weight__gte=1), name="criterion_weight_min"),
        ]

    def __str__(self):
        return self.name


class Candidate(models.Model):
    """What the commission scores: a submitted proposal, or its lead institution's
    counterproposal (`is_counterproposal`)."""

    plan = models.ForeignKey("plans.ActionPlan", on_delete=models.CASCADE, related_name="+")
    proposal = models.ForeignKey(
        "proposals.Proposal", on_delete=models.CASCADE, related_name="candidates"
    )
    is_counterproposal = models.BooleanField(_("counterproposal"), default=False)

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["plan", "proposal", "is_counterproposal"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "is_counterproposal"], name="candidate_unique_form"
            )
        ]

    def __str__(self):
        if self.is_counterproposal:
            return _("%(title)s (counterproposal)") % {"title": self.text}
        return str(self.proposal)

    @property
    def text(self):
        """The proposal, or its counterproposal: the template fields the members read."""
        if self.is_counterproposal:
            return self.proposal.review.counterproposal
        return self.proposal


class EligibilityCheck(models.Model):
    """The secretariat's check of a candidate against the requirements of a methodology
    version; the commission may overturn it at a meeting."""

    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="eligibility_checks"
    )
    methodology = models.ForeignKey(
        Methodology, on_delete=models.CASCADE, related_name="eligibility_checks"
    )
    # What the requirements gave: every one passed.
    passed = models.BooleanField(_("meets every requirement"))
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    checked_at = models.DateTimeField(_("checked"))
    # The commission's overturn: the candidate's eligibility is the opposite of `passed`.
    overturned_at = models.ForeignKey(
        "events.Event",
        verbose_name=_("overturned at"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    overturn_reason = models.TextField(_("reason for overturning"), blank=True)
    overturned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("eligibility check")
        verbose_name_plural = _("eligibility checks")
        ordering = ["candidate", "methodology"]
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "methodology"], name="eligibility_unique_version"
            )
        ]

    def __str__(self):
        return f"{self.candidate}: {self.is_eligible}"

    @property
    def is_overturned(self) -> bool:
        return self.overturned_at_id is not None

    @property
    def is_eligible(self) -> bool:
        return self.passed != self.is_overturned


class RequirementResult(models.Model):
    """One requirement of an eligibility check: passed, or failed with its reason."""

    eligibility = models.ForeignKey(
        EligibilityCheck, on_delete=models.CASCADE, related_name="results"
    )
    requirement = models.ForeignKey(Requirement, on_delete=models.CASCADE, related_name="+")
    passed = models.BooleanField(_("passed"))
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("requirement result")
        verbose_name_plural = _("requirement results")
        ordering = ["eligibility", "requirement__order", "requirement_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["eligibility", "requirement"], name="requirement_result_unique"
            )
        ]

    def __str__(self):
        return f"{self.requirement}: {self.passed}"


class Ballot(TimeStampedModel):
    """A commission member's scores on one candidate under one methodology version, or their
    abstention for a declared conflict of interest."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="ballots")
    methodology = models.ForeignKey(Methodology, on_delete=models.PROTECT, related_name="ballots")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="selection_ballots"
    )
    abstained = models.BooleanField(_("abstains (conflict of interest)"), default=False)
    conflict = models.TextField(_("conflict of interest declared"), blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        ordering = ["candidate", "member", "methodology"]
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "member", "methodology"], name="ballot_unique_member"
            )
        ]

    def __str__(self):
        return f"{self.member} — {self.candidate}"


class Score(models.Model):
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    value = models.SmallIntegerField(_("score"))

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["ballot", "criterion__order", "criterion_id"]
        constraints = [
            models.UniqueConstraint(fields=["ballot", "criterion"], name="score_unique_criterion")
        ]

    def __str__(self):
        return f"{self.criterion}: {self.value}"


class Outcome(TimeStampedModel):
    """What the commission decided about one proposal, at a meeting, with its reason."""

    class Result(models.TextChoices):
        SELECTED = "selected", _("Selected")
        NOT_SELECTED = "not_selected", _("Not selected")
        MERGED = "merged", _("Merged into another proposal")
        OUT_OF_SCOPE = "out_of_scope", _("Out of scope")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # The reasons a proposal is not in the plan (every result but SELECTED).
    NOT_ADOPTED = (Result.NOT_SELECTED, Result.MERGED, Result.OUT_OF_SCOPE, Result.WITHDRAWN)

    plan = models.ForeignKey("plans.ActionPlan", on_delete=models.CASCADE, related_name="+")
    proposal = models.OneToOneField(
        "proposals.Proposal", on_delete=models.CASCADE, related_name="outcome"
    )
    result = models.CharField(_("outcome"), max_length=20, choices=Result.choices)
    # Selected in the form of its lead institution's counterproposal.
    as_counterproposal = models.BooleanField(_("as counterproposal"), default=False)
    # An alternate promoted into the place of a withdrawn commitment of its table.
    promoted = models.BooleanField(_("promoted alternate"), default=False)
    reason = models.TextField(_("reasons"), blank=True)
    merged_into = models.ForeignKey(
        "proposals.Proposal",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_outcomes",
    )
    decided_at = models.ForeignKey(
        "events.Event", verbose_name=_("decided at"), on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("selection outcome")
        verbose_name_plural = _("selection outcomes")
        ordering = ["plan", "proposal"]

    def __str__(self):
        return f"{self.proposal} — {self.get_result_display()}"

    @property
    def is_selected(self) -> bool:
        return self.result == self.Result.SELECTED


class SelectionPublication(models.Model):
    """The plan's outcomes made public: the reasoned response page shows them from then on."""

    plan = models.OneToOneField(
        "plans.ActionPlan", on_delete=models.CASCADE, related_name="selection_publication"
    )
    published_at = models.DateTimeField(_("published"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("publication of the selection")
        verbose_name_plural = _("publications of the selection")

    def __str__(self):
        return str(self.plan)
