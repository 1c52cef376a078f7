"""The public document repository (OGP minimum requirement 2.2): every published document of the
process, uploaded and checked by content, stored with its checksum."""

from django.db import models
from django.urls import reverse
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

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["plan", "-published_on", "-id"]
        indexes = [models.Index(fields=["plan", "published_on"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("documents:download", args=[self.plan.slug, self.pk])
