from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cocrea.core.models import TimeStampedModel


class WorkingTable(TimeStampedModel):
    """A working table (mesa de trabajo) that drafts commitment proposals for one thematic axis.
    One per axis by default; the plan's `working_tables` setting says how many the plan expects."""

    plan = models.ForeignKey("plans.ActionPlan", on_delete=models.CASCADE, related_name="tables")
    axis = models.ForeignKey(
        "plans.Axis",
        verbose_name=_("thematic axis"),
        on_delete=models.PROTECT,
        related_name="tables",
    )
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("working table")
        verbose_name_plural = _("working tables")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="table_unique_number")
        ]

    def __str__(self):
        return f"{self.number}. {self.name}"

    def get_absolute_url(self):
        return reverse("public:table", args=[self.plan.slug, self.number])
