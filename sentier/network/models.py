"""The partner network: organizations, their points of service and the clienteles they serve.

Shaped after Open Referral HSDS: an organization has locations; target clienteles are a taxonomy.
"""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

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


class ServiceKind(models.TextChoices):
    """What a service does (a short taxonomy; HSDS ``service.category``)."""

    EMPLOYABILITY = "employability", _("Employability support")
    PAAS_ACTION = "paas_action", _("PAAS Action")
    JOB_SEARCH = "job_search", _("Job search and placement")
    TRAINING = "training", _("Training and basic skills")
    HOUSING = "housing", _("Housing support")
    ADDICTION = "addiction", _("Addiction support")
    MENTAL_HEALTH = "mental_health", _("Mental health support")
    BUDGET = "budget", _("Budget and debt counselling")
    VIOLENCE = "violence", _("Help for victims of violence")
    EMPLOYMENT_ONTARIO = "employment_ontario", _("Employment Ontario services")
    OTHER = "other", _("Other support")


class Service(models.Model):
    """A service an organization offers (HSDS ``service``), with its live capacity.

    Capacity is what the organization last said: ``capacity_available`` of ``capacity_maximum``
    (in ``capacity_unit``) on ``capacity_updated_at``, and how many people wait. ``None`` means
    "not said", never zero.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="services"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=ServiceKind.choices)
    description = models.TextField(_("description"), blank=True)
    locations = models.ManyToManyField(
        Location, blank=True, related_name="services", verbose_name=_("points of service")
    )
    regions = models.ManyToManyField(
        "reference.Region", blank=True, related_name="services", verbose_name=_("service area")
    )
    clienteles: models.ManyToManyField[Clientele, Any] = models.ManyToManyField(
        Clientele, blank=True, related_name="services", verbose_name=_("target clienteles")
    )
    languages = models.JSONField(
        _("languages"), default=list, blank=True, help_text=_("Language codes, e.g. fr, en.")
    )
    active = models.BooleanField(_("active"), default=True)
    capacity_available = models.PositiveIntegerField(_("places available"), null=True, blank=True)
    capacity_maximum = models.PositiveIntegerField(_("maximum places"), null=True, blank=True)
    capacity_unit = models.CharField(_("unit"), max_length=40, default="places", blank=True)
    capacity_updated_at = models.DateTimeField(_("capacity updated on"), null=True, blank=True)
    waiting_list_length = models.PositiveIntegerField(_("people waiting"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organization__name", "name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")
        indexes = [models.Index(fields=["kind", "active"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.organization})"
