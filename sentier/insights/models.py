"""The log of every look at the indicators (issue 17: "Every view of a dashboard is logged").

The access log (``sentier.audit``) names one person per row; a dashboard shows no person, so its
views are written here: who, when, through which channel (page, export, command line), the
scope, period and breakdowns asked for, and the catalogue version the figures followed.
Append-only, like the access log.
"""

from __future__ import annotations

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

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("The log of views of the indicators is append-only.")
        super().save(*args, **kwargs)
