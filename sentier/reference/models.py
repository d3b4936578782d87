"""Reference data: Québec administrative regions and assistance programs.

Loaded idempotently by ``sentier load_reference``; names are translated with modeltranslation.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


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
        return f"{self.code} {self.name}"


class Program(models.Model):
    """A last-resort assistance program (PAS, PSS, POE, PRB; Ontario OW, ODSP)."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=160)
    jurisdiction = models.CharField(
        _("jurisdiction"), max_length=2, choices=Jurisdiction.choices, default=Jurisdiction.QUEBEC
    )
    history = HistoricalRecords()

    objects: ClassVar[models.Manager[Program]] = models.Manager()

    class Meta:
        ordering = ["jurisdiction", "code"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"
