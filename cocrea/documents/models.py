"""The public document repository (OGP minimum requirement 2.2): every published document of the
process, uploaded and checked by content, stored with its checksum."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cocrea.core.models import TimeStampedModel


class DocType(models.TextChoices):
    PROGRAMME = "programme", _("Work programme")
    MINUTES = "minutes", _("Minutes")
    ATTENDANCE = "attendance", _("Attendance summary")
    TRAINING = "training", _("Training material")
    PROPOSAL = "proposal", _("Proposal")
    REVIEW = "review", _("Review")
    DRAFT = "draft", _("Draft plan")
    FINAL_PLAN = "final_plan", _("Final plan")
    REPORT = "report", _("Report")
    OTHER = "other", _("Other")


class DocumentQuerySet(models.QuerySet):
    def public(self, *, today=None):
        """Documents anyone may see: their publication date has come and, when linked to an
        event, that event is published (a draft event's page is 404, so are its documents)."""
        today = today or timezone.localdate()
        return self.filter(
            Q(event__isnull=True) | Q(event__published=True), published_on__lte=today
        )


class Document(TimeStampedModel):
    class Language(models.TextChoices):
        SPANISH = "es", _("Spanish")
        ENGLISH = "en", _("English")
        BOTH = "es,en", _("Spanish and English")

    plan = models.ForeignKey("plans.ActionPlan", on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    doc_type = models.CharField(_("type"), max_length=20, choices=DocType.choices)
    step = models.ForeignKey(
        "plans.Step",
        verbose_name=_("step"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
    )
    language = models.CharField(
        _("language"), max_length=8, choices=Language.choices, default=Language.SPANISH
    )
    published_on = models.DateField(_("published on"))
    file = models.FileField(_("file"), upload_to="documents/%Y/")
    original_name = models.CharField(_("file name"), max_length=250)
    content_type = models.CharField(_("format"), max_length=120)
    size = models.PositiveBigIntegerField(_("size"))
    checksum = models.CharField(_("SHA-256"), max_length=64)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["plan", "-published_on", "-id"]
        indexes = [models.Index(fields=["plan", "published_on"])]

    def __str__(self):
        return self.title

    def is_public(self, *, today=None) -> bool:
        """The same rule as `Document.objects.public()`, for one loaded document."""
        today = today or timezone.localdate()
        if self.published_on > today:
            return False
        return self.event_id is None or self.event.published

    def get_absolute_url(self):
        return reverse("documents:download", args=[self.plan.slug, self.pk])
