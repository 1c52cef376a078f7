from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cocrea.core.models import TimeStampedModel


class NewsItem(TimeStampedModel):
    """A news item of the Open Government section, published by the secretariat."""

    plan = models.ForeignKey("plans.ActionPlan", on_delete=models.CASCADE, related_name="news")
    title = models.CharField(_("title"), max_length=250)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("text"))
    published_on = models.DateField(_("published on"))

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        ordering = ["plan", "-published_on", "-id"]
        indexes = [models.Index(fields=["plan", "published_on"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:item", args=[self.plan.slug, self.pk])
