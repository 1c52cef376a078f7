from django.db import models
from django.utils.translation import gettext_lazy as _

from cocrea.core.models import TimeStampedModel


class Sector(models.TextChoices):
    """The sector a person takes part from: a registration's, and a table member's (copied from
    it). Here, below the apps that record it (participation, tables)."""

    GOVERNMENT = "government", _("Government")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    ACADEMIA = "academia", _("Academia")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    INTERNATIONAL = "international", _("International organisation")
    CITIZEN = "citizen", _("Citizen, no organisation")


class Jurisdiction(models.Model):
    """The territory a plan belongs to: a country (national plan) or a local government.

    Regions and organisations belong to one; a plan offers only its own jurisdiction's lists."""

    class Kind(models.TextChoices):
        NATIONAL = "national", _("National")
        LOCAL = "local", _("Local")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices, default=Kind.NATIONAL)
    country_code = models.CharField(_("country code"), max_length=2)
    # What its regions are called ("provinces and comarcas", "cantons"), in the UI's languages.
    region_label = models.CharField(_("name of its regions"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("jurisdiction")
        verbose_name_plural = _("jurisdictions")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Region(models.Model):
    """A division of a jurisdiction (in Panama: provinces and indigenous comarcas; in Costa Rica:
    provinces or cantons).

    Configuration, not code: a deployment loads its own list."""

    jurisdiction = models.ForeignKey(
        Jurisdiction,
        verbose_name=_("jurisdiction"),
        null=True,
        on_delete=models.CASCADE,
        related_name="regions",
    )
    country_code = models.CharField(_("country code"), max_length=2, default="PA")
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=120)
    is_capital = models.BooleanField(_("capital region"), default=False)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "code"], name="region_unique_code")
        ]

    def __str__(self):
        return self.name


class Organisation(TimeStampedModel):
    class Kind(models.TextChoices):
        PUBLIC_INSTITUTION = "public_institution", _("Public institution")
        CIVIL_SOCIETY = "civil_society", _("Civil-society organisation")
        ACADEMIA = "academia", _("Academia")
        PRIVATE_SECTOR = "private_sector", _("Private sector")
        MULTILATERAL = "multilateral", _("Multilateral organisation")

    class Sector(models.TextChoices):
        """The side an organisation sits on in the multi-stakeholder forum."""

        GOVERNMENT = "government", _("Government")
        NON_GOVERNMENT = "non_government", _("Civil society and other non-government actors")
        INTERNATIONAL = "international", _("International")

    SECTOR_OF_KIND = {
        Kind.PUBLIC_INSTITUTION: Sector.GOVERNMENT,
        Kind.CIVIL_SOCIETY: Sector.NON_GOVERNMENT,
        Kind.ACADEMIA: Sector.NON_GOVERNMENT,
        Kind.PRIVATE_SECTOR: Sector.NON_GOVERNMENT,
        Kind.MULTILATERAL: Sector.INTERNATIONAL,
    }

    jurisdiction = models.ForeignKey(
        Jurisdiction,
        verbose_name=_("jurisdiction"),
        null=True,
        on_delete=models.CASCADE,
        related_name="organisations",
    )
    name = models.CharField(_("name"), max_length=250)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("type"), max_length=30, choices=Kind.choices)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices, blank=True)
    region = models.ForeignKey(
        Region, verbose_name=_("province"), null=True, blank=True, on_delete=models.SET_NULL
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.acronym or self.name

    def save(self, *args, **kwargs):
        if not self.sector:
            self.sector = self.SECTOR_OF_KIND[self.Kind(self.kind)]
        super().save(*args, **kwargs)
