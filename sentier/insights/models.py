"""The log of every look at the indicators (issue 17: "Every view of a dashboard is logged").

The access log (``sentier.audit``) names one person per row; a dashboard shows no person, so its
views are written here: who, when, through which channel (page, export, command line), the
scope, period and breakdowns asked for, and the catalogue version the figures followed.
Append-only, like the access log.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sentier.core.models import AppendOnly


class ViewChannel(models.TextChoices):
    PAGE = "page", _("Web page")
    CSV = "csv", _("CSV export")
    XLSX = "xlsx", _("XLSX export")
    CLI = "cli", _("Command line")


class DashboardView(AppendOnly, models.Model):
    """One showing of indicators to someone."""

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    # Who ran it without an account (the command line: the operating-system user).
    actor_label = models.CharField(_("who (no account)"), max_length=120, blank=True)
    channel = models.CharField(_("channel"), max_length=10, choices=ViewChannel.choices)
    path = models.CharField(_("address"), max_length=300, blank=True)
    # The region codes the figures covered; empty: every region of the jurisdiction.
    regions = models.CharField(_("regions"), max_length=200, blank=True)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    breakdowns = models.CharField(_("breakdowns"), max_length=200, blank=True)
    indicator = models.CharField(_("indicator"), max_length=60, blank=True)
    catalogue_version = models.CharField(_("catalogue version"), max_length=20)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("view of the indicators")
        verbose_name_plural = _("views of the indicators")

    def __str__(self) -> str:
        return f"{self.user or self.actor_label} {self.channel} {self.at:%Y-%m-%d %H:%M}"


class FrozenReport(AppendOnly, models.Model):
    """A pilot's monthly report, frozen (``sentier.insights.reports``): the figures as they were
    computed, with what they were computed from, so that anyone can download the same report
    later and re-running it on the same data gives the same figures."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    frozen_at = models.DateTimeField(_("frozen on"), auto_now_add=True)
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("frozen by"),
    )
    pilot = models.CharField(_("pilot"), max_length=60)
    # The first day of the month reported on (local): the figures stop at its last day.
    month = models.DateField(_("month"))
    # Empty: every region (analysts); otherwise the one region the figures were focused on.
    region = models.CharField(_("region"), max_length=4, blank=True)
    catalogue_version = models.CharField(_("catalogue version"), max_length=40)
    rules_version = models.CharField(_("rules version"), max_length=40)
    # The pilot's parameters, the disclosure threshold, the bootstrap's seed and draws.
    parameters = models.JSONField(_("parameters"))
    # SHA-256 of the monthly panels the figures were computed from.
    inputs_hash = models.CharField(_("hash of the inputs"), max_length=64)
    # Every figure shown, already through the disclosure layer.
    figures = models.JSONField(_("figures"))

    class Meta:
        ordering = ["-frozen_at", "-id"]
        verbose_name = _("frozen report")
        verbose_name_plural = _("frozen reports")

    def __str__(self) -> str:
        return f"{self.pilot} {self.month:%Y-%m}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("A frozen report is never changed.")
        super().save(*args, **kwargs)


class ComputedFigures(models.Model):
    """The indicators' protected cells for one question (scope, period, breakdowns, indicators,
    threshold, catalogue version), computed in the background and read by the pages
    (:mod:`sentier.insights.figures`): a page never recomputes at scale, it shows the last
    figures computed and when. Only aggregates already through the disclosure layer are kept.

    ``family`` is the same question with any period end: the default period ends today, so
    tomorrow's question is new, and until it is computed the page shows yesterday's figures of
    the same family, dated."""

    key = models.CharField(_("question"), max_length=64, unique=True)
    family = models.CharField(_("family"), max_length=64, db_index=True)
    # "*": every region of the jurisdiction; otherwise the region codes, sorted, comma-separated.
    regions = models.CharField(_("regions"), max_length=200)
    jurisdiction = models.CharField(_("jurisdiction"), max_length=4)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    breakdowns = models.CharField(_("breakdowns"), max_length=200, blank=True)
    # Empty: every current indicator of the catalogue.
    indicators = models.TextField(_("indicators"), blank=True)
    threshold = models.PositiveIntegerField(_("threshold"))
    catalogue_version = models.CharField(_("catalogue version"), max_length=40)
    # When a page last asked for a computation that has not finished (or none has).
    requested_at = models.DateTimeField(_("requested at"), null=True, blank=True)
    # When the figures stored here were computed: null until the first computation ends.
    computed_at = models.DateTimeField(_("computed at"), null=True, blank=True, db_index=True)
    seconds = models.FloatField(_("seconds spent computing"), null=True, blank=True)
    # {"results": [{"id", "version", "by", "cells"}], "pilots": [...]}: protected cells only.
    payload = models.JSONField(_("figures"), null=True, blank=True)

    class Meta:
        verbose_name = _("computed figures")
        verbose_name_plural = _("computed figures")

    def __str__(self) -> str:
        return f"{self.regions} {self.period_start}..{self.period_end} {self.breakdowns}"


class LedgerState(models.Model):
    """The ledger's one row (:mod:`sentier.insights.ledger`): what its groups were made under
    (a change of any of these rebuilds it in full) and from when the next refresh reads the
    rows' changes."""

    basis = models.CharField(_("made under"), max_length=200)
    built_at = models.DateTimeField(_("built on"))
    refreshed_at = models.DateTimeField(_("refreshed on"))

    class Meta:
        verbose_name = _("indicators' ledger")
        verbose_name_plural = _("indicators' ledgers")

    def __str__(self) -> str:
        return f"{self.basis} {self.refreshed_at:%Y-%m-%d %H:%M}"


class LedgerGroup(models.Model):
    """How many counted rows of one kind share a month and breakdown values (the stored table of
    counts: a refresh takes a changed row off its old group and adds it to its new one)."""

    kind = models.CharField(_("kind"), max_length=40)
    month = models.CharField(_("month"), max_length=7)
    dims = models.CharField(_("breakdown values"), max_length=400)
    n = models.IntegerField(_("rows"), default=0)

    class Meta:
        verbose_name = _("ledger group")
        verbose_name_plural = _("ledger groups")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "month", "dims"], name="insights_ledgergroup_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.month} {self.dims}: {self.n}"


class LedgerEntry(models.Model):
    """One counted row (kind, row id) and the group it was last counted in, with its local day
    (a period that ends or starts inside a month counts that month's entries by day)."""

    kind = models.CharField(_("kind"), max_length=40)
    row_id = models.BigIntegerField(_("row"))
    day = models.DateField(_("day"))
    group = models.ForeignKey(LedgerGroup, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "row_id"], name="insights_ledgerentry_unique")
        ]
        indexes = [models.Index(fields=["kind", "day"], name="insights_ledgerentry_day")]

    def __str__(self) -> str:
        return f"{self.kind} {self.row_id} {self.day}"
