"""Menu entries of the site's own pages: home, statistics, the admin (see sentier.core.menu: each
is shown to whoever holds its permission)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.core import menu

menu.register(10, _("Home"), "core:home")
menu.register(270, _("Statistics"), "core:statistics", "reports.view_statistics")
menu.register(280, _("Administration"), "admin:index", "accounts.open_administration")
