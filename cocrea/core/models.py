from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class ActionLogQuerySet(models.QuerySet):
    def public(self):
        return self.filter(public=True)

    def for_object(self, obj):
        return self.filter(
            target_type=ContentType.objects.get_for_model(obj), target_id=str(obj.pk)
        )


class ActionLog(models.Model):
    """One row per state change: who did what to which object, when.

    Rows are written only by `cocrea.core.actions.log_action`, inside the transaction of the action
    they record, so a change and its log row exist together or not at all.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(_("actor name"), max_length=200, blank=True)
    verb = models.CharField(_("verb"), max_length=80, db_index=True)
    plan = models.ForeignKey(
        "plans.ActionPlan",
        verbose_name=_("action plan"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="log_entries",
    )
    target_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    target_id = models.CharField(max_length=64, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    target_repr = models.CharField(_("object"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)
    public = models.BooleanField(_("public"), default=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    objects = ActionLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("action log entry")
        verbose_name_plural = _("action log")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name} {self.verb} {self.target_repr}"


class Revision(models.Model):
    """A counter per plan, and one for the site (`scope` 0), bumped by every write to content the
    public pages show (see `cocrea.core.signals` and `cocrea.core.revisions`). Cached pages and
    fragments are keyed by the revisions they depend on: a plan's pages by the site's and that
    plan's, so a write in one plan leaves every other plan's cached pages in place.

    `scope` is the plan's id (not a foreign key: the row outlives a deleted plan, so the counter
    never goes back), or 0 for the site: the list of plans, the pages outside any plan, and any
    write whose plan cannot be told (a person's or an organisation's name shows on every plan)."""

    SITE = 0

    scope = models.PositiveBigIntegerField(_("plan"), primary_key=True)
    revision = models.PositiveBigIntegerField(_("revision"), default=0)

    class Meta:
        verbose_name = _("revision")

    def __str__(self):
        return f"{self.scope}:{self.revision}"
