"""Saved simulations (changes, reference date, rules version, frozen results) and the log of
every run: who simulated what, when, from which channel, over how many files."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sentier.core.models import AppendOnly


class SavedSimulation(models.Model):
    """A simulation kept to be read again: its results are frozen as they were when saved."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    reference_date = models.DateField(_("reference date"))
    changes = models.JSONField(_("changes"))
    rules_version = models.CharField(_("rules version"), max_length=80)
    results = models.JSONField(_("results"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("saved by"),
    )
    created_at = models.DateTimeField(_("saved on"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("saved simulation")
        verbose_name_plural = _("saved simulations")

    def __str__(self) -> str:
        return self.title


class RunChannel(models.TextChoices):
    PAGE = "page", _("Web page")
    COMMAND = "command", _("Command line")


class SimulationRun(AppendOnly, models.Model):
    """One run of a simulation (aggregates only were shown). Rows are only ever added."""

    ran_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    channel = models.CharField(_("channel"), max_length=10, choices=RunChannel.choices)
    reference_date = models.DateField(_("reference date"))
    changes = models.JSONField(_("changes"))
    rules_version = models.CharField(_("rules version"), max_length=80)
    files = models.PositiveIntegerField(_("open files read"))
    simulation = models.ForeignKey(
        SavedSimulation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="runs",
        verbose_name=_("saved simulation"),
    )

    class Meta:
        ordering = ["-ran_at", "-id"]
        verbose_name = _("simulation run")
        verbose_name_plural = _("simulation runs")

    def __str__(self) -> str:
        return f"{self.user or self.channel} {self.ran_at:%Y-%m-%d %H:%M}"
