from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from cocrea.core.permissions import is_seat_permission, seat_allows, superuser_allows


class User(AbstractUser):
    """A person with an account. What they may do comes from their roles per action plan."""

    email = models.EmailField(_("e-mail address"), blank=True, db_index=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, blank=True, default=""
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            # One account per address, whatever its case; accounts without an address are many.
            models.UniqueConstraint(
                Lower("email"),
                condition=~Q(email=""),
                name="accounts_user_email_ci_unique",
                violation_error_message=_("An account with this e-mail address already exists."),
            )
        ]

    def has_perm(self, perm, obj=None):
        # A seat (institution, table, named reviewer) is never granted by being superuser.
        if is_seat_permission(perm):
            return seat_allows(self, perm, obj)
        if self.is_active and self.is_superuser:
            # Administration, within the capabilities the plan's open steps enable.
            return superuser_allows(self, perm, obj)
        return super().has_perm(perm, obj)

    @property
    def display_name(self) -> str:
        return self.full_name or self.get_full_name() or self.username

    def __str__(self):
        return self.display_name
