"""Notifications: what a person is told (in the app), the e-mails waiting to leave (the outbox),
each person's preferences per kind, and what they follow.

A notification and its e-mail are written in the transaction of the action that caused them and
rendered then, in the recipient's language: the bell and the notifications page read stored
text (no rendering per row), and the outbox is sent by the worker (cocrea/notifications/
delivery.py), retried with back-off, so a mail server that refuses never fails the action."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately")
    DAILY = "daily", _("In a daily digest")
    OFF = "off", _("Off")


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at=None)


class Notification(models.Model):
    """One thing a person with an account is told in the app (the bell, the notifications page)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=60)
    plan = models.ForeignKey(
        "plans.ActionPlan", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("title"), max_length=300)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"], name="notif_user_unread")]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self):
        return self.title


class Delivery(models.Model):
    """One e-mail in the outbox: rendered when the notification was made, sent by the worker.

    `HELD` mails wait for the recipient's daily digest; the digest job sends them as one mail and
    marks them `DIGESTED`."""

    class State(models.TextChoices):
        PENDING = "pending", _("waiting to be sent")
        HELD = "held", _("held for the daily digest")
        SENT = "sent", _("sent")
        DIGESTED = "digested", _("sent in a digest")
        FAILED = "failed", _("given up")

    email = models.EmailField(_("e-mail address"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=60)
    plan = models.ForeignKey(
        "plans.ActionPlan", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(_("language"), max_length=8, blank=True)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    html = models.TextField(_("HTML"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    # [[filename, content, mimetype], ...] (an event's iCalendar file)
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), db_index=True)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["state", "next_attempt_at"], name="delivery_due")]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")

    def __str__(self):
        return f"{self.subject} -> {self.email}"


class Preference(models.Model):
    """How a person wants one kind of notification: immediately, in a daily digest, or not at
    all. A person with an account is known by `user`; one without (an event registrant, a head
    of institution reached by a mailed link) by `email`. No row: the kind's default."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    kind = models.CharField(_("kind"), max_length=60)
    frequency = models.CharField(_("frequency"), max_length=12, choices=Frequency)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind"],
                condition=models.Q(user__isnull=False),
                name="notif_pref_user_kind",
            ),
            models.UniqueConstraint(
                fields=["email", "kind"],
                condition=models.Q(user__isnull=True),
                name="notif_pref_email_kind",
            ),
        ]
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return f"{self.user or self.email}: {self.kind} {self.frequency}"


class Follow(models.Model):
    """A signed-in person follows an object (a proposal; later a commitment) and is told of its
    changes, reviews, comments and answers."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"], name="notif_follow_unique"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="notif_follow_target")]
        verbose_name = _("follow")
        verbose_name_plural = _("follows")

    def __str__(self):
        return f"{self.user} -> {self.content_type.model} {self.object_id}"
