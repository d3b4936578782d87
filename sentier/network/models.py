"""The partner network: organizations, their points of service and the clienteles they serve.

Shaped after Open Referral HSDS: an organization has locations; target clienteles are a taxonomy.
"""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Clientele(models.Model):
    """A target clientele in the taxonomy (justice-involved people, women, youth …)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=160)
    history = HistoricalRecords()

    # Declared so type checkers see it; modeltranslation makes it language-aware at start-up.
    objects: ClassVar[models.Manager[Clientele]] = models.Manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("target clientele")
        verbose_name_plural = _("target clienteles")

    def __str__(self) -> str:
        return self.name


class Organization(models.Model):
    """A partner organization (RSSMO member or other community organization)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("identifier"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    non_profit = models.BooleanField(_("non-profit organization"), default=True)
    rssmo_member = models.BooleanField(_("RSSMO member"), default=False)
    clienteles = models.ManyToManyField(
        Clientele, blank=True, related_name="organizations", verbose_name=_("target clienteles")
    )
    clientele_text = models.CharField(
        _("target clientele (as published)"), max_length=200, blank=True
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    language = models.CharField(
        _("working language"),
        max_length=8,
        choices=[("fr-ca", "Français"), ("en-ca", "English")],
        default="fr-ca",
        help_text=_("Language of the documents Sentier sends the organization (statements…)."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self) -> str:
        return self.name


class Location(models.Model):
    """A point of service of an organization in one region."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="locations"
    )
    region = models.ForeignKey(
        "reference.Region", on_delete=models.PROTECT, related_name="locations"
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    # Null when the directory does not give a number ("… et autres points de services", or
    # nothing at all): unknown is not the same as one.
    points_of_service = models.PositiveSmallIntegerField(
        _("points of service"),
        null=True,
        blank=True,
        default=1,
        help_text=_(
            "Number of points of service in this region, as published; empty when not stated."
        ),
    )
    points_of_service_text = models.CharField(
        _("points of service (as published)"), max_length=200, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["region__code", "organization__name"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "region", "phone"], name="unique_location_per_phone"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} ({self.city or self.region})"

    @property
    def phone_uri(self) -> str:
        """A ``tel:`` link for the published phone (North American numbers get +1)."""
        digits = "".join(ch for ch in self.phone if ch.isdigit())
        if len(digits) == 10:
            digits = f"1{digits}"
        return f"tel:+{digits}" if digits else ""
