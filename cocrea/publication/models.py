"""The plan's document, from its first draft to its publication (steps 13-17).

- `PlanSection`: the editable sections of the document (introduction, the open-government
  context, the co-creation process's narrative), one per kind and plan, in every language.
- `DraftVersion`: a frozen copy of the whole document (0.1, 0.2, ... then 1.0, the final one),
  assembled from the data by `cocrea.publication.content.build`; its `DraftFile`s (PDF and DOCX per
  language) are produced once, in the background, by the worker's `plan-documents` job.
- `DraftComment`: public comment on a draft version, attached to a section or commitment
  (`anchor`), with the official answer; it feeds the reasoned response.
- `ReviewRound` and `RoundComment`: the OGP Support Unit's review of a draft version; each comment
  is open, addressed (with the change) or declined (with the reason). Nothing of a round is public
  unless the secretariat publishes its report.
- `Delivery`: the final version delivered to OGP (date, recipient, the files with their SHA-256).
- `Publication`: the plan published (one per plan): its final version becomes immutable.

An anchor names a part of the document: "document", "section:<kind>", "process",
"commitment:<number>" or "annex:<key>" (see `content.anchors`)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cocrea.core.models import TimeStampedModel

# The anchor of a comment on the document as a whole.
WHOLE_DOCUMENT = "document"


class PlanSection(TimeStampedModel):
    """An editable section of the plan's document, in every language."""

    class Kind(models.TextChoices):
        INTRODUCTION = "introduction", _("Introduction")
        CONTEXT = "context", _("Open government context")
        PROCESS = "process", _("The co-creation process")

    plan = models.ForeignKey(
        "plans.ActionPlan", on_delete=models.CASCADE, related_name="document_sections"
    )
    kind = models.CharField(_("section"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=250, blank=True)
    body = models.TextField(_("text"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("section of the plan")
        verbose_name_plural = _("sections of the plan")
        constraints = [
            models.UniqueConstraint(fields=["plan", "kind"], name="plan_section_unique_kind")
        ]

    def __str__(self):
        return self.title or str(self.Kind(self.kind).label)

    @property
    def anchor(self) -> str:
        return f"section:{self.kind}"

    @property
    def order(self) -> int:
        return list(self.Kind.values).index(self.kind)


class DraftVersion(models.Model):
    """A version of the plan's document, frozen when issued: 0.1, 0.2, ... (drafts), 1.0 (the
    final one; a corrected final is 1.1, ...). `content` is what `content.build` returned then:
    {"languages": [...], "documents": {language: document}}."""

    plan = models.ForeignKey(
        "plans.ActionPlan", on_delete=models.CASCADE, related_name="draft_versions"
    )
    major = models.PositiveSmallIntegerField(_("major number"), default=0)
    minor = models.PositiveSmallIntegerField(_("minor number"))
    is_final = models.BooleanField(_("final version"), default=False)
    note = models.TextField(_("what changed"), blank=True)
    content = models.JSONField(_("content"), default=dict)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)

    class Meta:
        verbose_name = _("version of the plan")
        verbose_name_plural = _("versions of the plan")
        ordering = ["plan", "major", "minor"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "major", "minor"], name="draft_version_unique_number"
            )
        ]

    def __str__(self):
        return _("Version %(label)s") % {"label": self.label}

    @property
    def label(self) -> str:
        return f"{self.major}.{self.minor}"

    @property
    def languages(self) -> list[str]:
        return list(self.content.get("languages", []))

    def document(self, language: str) -> dict:
        """The frozen document in `language` (the first language's when it has none)."""
        documents = self.content.get("documents", {})
        if language in documents:
            return documents[language]
        return documents[self.languages[0]] if self.languages else {}


def draft_file_path(instance, filename):
    return f"plans/{instance.version.plan_id}/versions/{instance.version.label}/{filename}"


class DraftFile(models.Model):
    """A rendered file of a version: one per language and format, produced once by the worker."""

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "DOCX"

    class Status(models.TextChoices):
        PENDING = "pending", _("Being produced")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(_("language"), max_length=8)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    file = models.FileField(_("file"), upload_to=draft_file_path, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    size = models.PositiveIntegerField(_("size (bytes)"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    generated_at = models.DateTimeField(_("produced"), null=True, blank=True)

    class Meta:
        verbose_name = _("file of a version")
        verbose_name_plural = _("files of a version")
        ordering = ["version", "language", "format"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "language", "format"], name="draft_file_unique"
            )
        ]

    def __str__(self):
        return f"{self.version.label} {self.language} {self.format}"


class DraftComment(TimeStampedModel):
    """A public comment on a draft version, on one of its parts, and its official answer."""

    plan = models.ForeignKey("plans.ActionPlan", on_delete=models.CASCADE, related_name="+")
    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="comments")
    anchor = models.CharField(_("on"), max_length=60, default=WHOLE_DOCUMENT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("comment"))
    answer = models.TextField(_("official answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("comment on a draft")
        verbose_name_plural = _("comments on drafts")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["plan", "answered_at"], name="draft_comment_open")]

    def __str__(self):
        return self.body[:60]


class ReviewRound(TimeStampedModel):
    """The review of a draft version by OGP's Support Unit and working groups."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    plan = models.ForeignKey(
        "plans.ActionPlan", on_delete=models.CASCADE, related_name="review_rounds"
    )
    version = models.ForeignKey(
        DraftVersion, on_delete=models.PROTECT, related_name="review_rounds"
    )
    number = models.PositiveSmallIntegerField(_("round"))
    due_on = models.DateField(_("comments due"))
    message = models.TextField(_("message to the reviewers"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    report_published_at = models.DateTimeField(_("report published"), null=True, blank=True)

    class Meta:
        verbose_name = _("review round")
        verbose_name_plural = _("review rounds")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="review_round_unique_number")
        ]

    def __str__(self):
        return _("Review round %(number)s") % {"number": self.number}


def review_attachment_path(instance, filename):
    return f"plans/{instance.plan_id}/reviews/{instance.round.number}/{filename}"


class RoundComment(TimeStampedModel):
    """A reviewer's comment on a part of the version (or a DOCX with comments attached), and
    what the secretariat did with it."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ADDRESSED = "addressed", _("Addressed")
        DECLINED = "declined", _("Declined")

    plan = models.ForeignKey("plans.ActionPlan", on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey(ReviewRound, on_delete=models.CASCADE, related_name="comments")
    anchor = models.CharField(_("on"), max_length=60, default=WHOLE_DOCUMENT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("comment"), blank=True)
    attachment = models.FileField(_("commented DOCX"), upload_to=review_attachment_path, blank=True)
    attachment_name = models.CharField(_("file name"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    resolution = models.TextField(_("the change, or the reason"), blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    addressed_in = models.ForeignKey(
        DraftVersion,
        verbose_name=_("addressed in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")
        ordering = ["round", "created_at", "id"]

    def __str__(self):
        return self.body[:60] or self.attachment_name


class Delivery(TimeStampedModel):
    """The final version delivered to OGP: when, to whom, and the files with their SHA-256
    (`files`: [{"language", "format", "name", "sha256", "size"}])."""

    plan = models.ForeignKey(
        "plans.ActionPlan", on_delete=models.CASCADE, related_name="deliveries"
    )
    version = models.ForeignKey(DraftVersion, on_delete=models.PROTECT, related_name="deliveries")
    delivered_on = models.DateField(_("delivered on"))
    recipient = models.CharField(_("delivered to"), max_length=250)
    note = models.TextField(_("note"), blank=True)
    files = models.JSONField(_("files"), default=list)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("delivery to OGP")
        verbose_name_plural = _("deliveries to OGP")
        ordering = ["plan", "delivered_on", "id"]

    def __str__(self):
        return f"{self.version.label} -> {self.recipient}"


class Publication(models.Model):
    """The plan published: its final version is the plan, immutable from then on."""

    plan = models.OneToOneField(
        "plans.ActionPlan", on_delete=models.CASCADE, related_name="publication"
    )
    version = models.OneToOneField(
        DraftVersion, on_delete=models.PROTECT, related_name="publication"
    )
    published_on = models.DateField(_("published on"))
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    presentation = models.ForeignKey(
        "events.Event",
        verbose_name=_("presentation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("publication of the plan")
        verbose_name_plural = _("publications of plans")

    def __str__(self):
        return str(self.plan)
