"""The menu entry of the indicators dashboard (sentier.core.menu)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.core import menu

menu.register(262, _("Indicators"), "insights:dashboard", "insights.view_indicators")
