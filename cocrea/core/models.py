from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F
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


class SiteRevision(models.Model):
    """A single counter, bumped by every write to content the public site shows (see
    `cocrea.core.signals`). Cached public pages are keyed by it, so a change made through any app
    server is visible at once on all of them, whatever cache each one uses."""

    revision = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("site revision")

    def __str__(self):
        return str(self.revision)

    @classmethod
    def current(cls) -> int:
        return cls.objects.filter(pk=1).values_list("revision", flat=True).first() or 0

    @classmethod
    def bump(cls) -> None:
        if not cls.objects.filter(pk=1).update(revision=F("revision") + 1):
            cls.objects.get_or_create(pk=1)
            cls.objects.filter(pk=1).update(revision=F("revision") + 1)
