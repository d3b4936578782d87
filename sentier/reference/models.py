"""Reference data: regions (Québec administrative regions; Ontario service areas), assistance
programs, and Ontario's dated lists (deferral reasons, ODSP prescribed classes) and its First
Nations ODSP delivery sites.

Loaded idempotently by ``sentier load_reference``; names are translated with modeltranslation
(French and English), and through the catalogs in the participant-only languages
(``sentier.core.reference_names``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sentier.core.reference_names import place_name, reference_name


class Jurisdiction(models.TextChoices):
    QUEBEC = "QC", _("Québec")
    ONTARIO = "ON", _("Ontario")


class Region(models.Model):
    """An administrative region (Québec: 01 Bas-Saint-Laurent … 17 Centre-du-Québec)."""

    code = models.CharField(_("code"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=120)
    jurisdiction = models.CharField(
        _("jurisdiction"), max_length=2, choices=Jurisdiction.choices, default=Jurisdiction.QUEBEC
    )
    history = HistoricalRecords()

    # Declared so type checkers see it; modeltranslation makes it language-aware at start-up.
    objects: ClassVar[models.Manager[Region]] = models.Manager()

    class Meta:
        ordering = ["jurisdiction", "code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return f"{self.code} {self.local_name}"

    @property
    def local_name(self) -> str:
        """The name in the page's language; in Spanish, Arabic or Haitian Creole, the name the
        place goes by (``place_name``: an Ontario service area's English name)."""
        return place_name(
            str(self.name),
            getattr(self, "name_en_ca", ""),
            english_first=self.jurisdiction == Jurisdiction.ONTARIO,
        )


class Program(models.Model):
    """A last-resort assistance program (PAS, PSS, POE, PRB; Ontario OW, ODSP), or the public
    employment services (SPE), whose participants may have a service plan without being on
    assistance (000: "aux participants des services publics d'emploi")."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=160)
    jurisdiction = models.CharField(
        _("jurisdiction"), max_length=2, choices=Jurisdiction.choices, default=Jurisdiction.QUEBEC
    )
    # False for the public employment services: no financial assistance, so never offered as
    # "the assistance you apply for"; which measures cover it is the rules' (sentier_rules).
    assistance = models.BooleanField(
        _("last-resort financial assistance"),
        default=True,
        help_text=_("Unticked for the public employment services: no financial assistance."),
    )
    history = HistoricalRecords()

    objects: ClassVar[models.Manager[Program]] = models.Manager()

    class Meta:
        ordering = ["jurisdiction", "code"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")

    def __str__(self) -> str:
        return f"{self.code} – {self.local_name}"

    @property
    def local_name(self) -> str:
        """The name in the page's language: the column of French and English pages, the
        catalog's translation on a page in Spanish, Arabic or Haitian Creole."""
        return reference_name(str(self.name), getattr(self, "name_en_ca", ""))


class DatedReference(models.Model):
    """A configurable list item that applies from one date, and possibly until another."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=250)
    source = models.CharField(_("source"), max_length=300)
    active_from = models.DateField(_("applies from"))
    active_until = models.DateField(_("applies until"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def applies_on(self, day: dt.date) -> bool:
        return self.active_from <= day and (self.active_until is None or day <= self.active_until)


class DeferralReason(DatedReference):
    """Ontario Works: why participation requirements are temporarily deferred (Directive 2.5)."""

    objects: ClassVar[models.Manager[DeferralReason]] = models.Manager()

    class Meta(DatedReference.Meta):
        verbose_name = _("deferral reason")
        verbose_name_plural = _("deferral reasons")


class PrescribedClass(DatedReference):
    """ODSP: a class of people who need no disability determination (O. Reg. 222/98 s. 4)."""

    objects: ClassVar[models.Manager[PrescribedClass]] = models.Manager()

    class Meta(DatedReference.Meta):
        verbose_name = _("prescribed class")
        verbose_name_plural = _("prescribed classes")


class FirstNationsSite(models.Model):
    """A First Nations site that delivers ODSP (004 Q14: unaffected by centralized intake; its
    applicants never go to the central queue). Configurable data, edited in the admin: the
    sources give no list, so the shipped rows are placeholders and say so (``placeholder``)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    placeholder = models.BooleanField(
        _("placeholder"),
        default=False,
        help_text=_("Shipped as an example, not a real site: replace it with the ministry's list."),
    )
    active = models.BooleanField(_("offered to applicants"), default=True)
    history = HistoricalRecords()

    objects: ClassVar[models.Manager[FirstNationsSite]] = models.Manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("First Nations ODSP delivery site")
        verbose_name_plural = _("First Nations ODSP delivery sites")

    def __str__(self) -> str:
        return self.local_name

    @property
    def local_name(self) -> str:
        """The name in the page's language; in Spanish, Arabic or Haitian Creole, its English
        name (an Ontario site: ``place_name``)."""
        return place_name(str(self.name), getattr(self, "name_en_ca", ""), english_first=True)
