from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cocrea.core.models import TimeStampedModel


class WorkingTable(TimeStampedModel):
    """A working table (mesa de trabajo) that drafts commitment proposals for the thematic axes
    it covers: one set of N commitments and M alternates per axis. A plan may have one table per
    axis (Panama 2017-2019) or fewer tables than axes, a table covering several (Costa Rica)."""

    plan = models.ForeignKey("plans.ActionPlan", on_delete=models.CASCADE, related_name="tables")
    axes = models.ManyToManyField(
        "plans.Axis", verbose_name=_("thematic axes covered"), related_name="tables"
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


class TableMember(TimeStampedModel):
    """A person in a working table: a leader or a member, with where they came from."""

    class Side(models.TextChoices):
        GOVERNMENT = "government", _("Government")
        CIVIL_SOCIETY = "civil_society", _("Civil society")

    class Source(models.TextChoices):
        REGISTRATION = "registration", _("Open call")
        INVITATION = "invitation", _("Invitation")
        LIAISON = "liaison", _("Institutional liaison")

    table = models.ForeignKey(WorkingTable, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        "accounts.User", verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )
    is_leader = models.BooleanField(_("leader"), default=False)
    side = models.CharField(_("side"), max_length=20, choices=Side.choices)
    # The public page counts members by this sector (a Sector value, organisations.models).
    sector = models.CharField(_("sector"), max_length=20)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)

    class Meta:
        verbose_name = _("table member")
        verbose_name_plural = _("table members")
        ordering = ["table", "-is_leader", "user__full_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["table", "user"], name="table_member_unique")
        ]

    def __str__(self):
        return f"{self.user} · {self.table}"
