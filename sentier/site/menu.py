"""Menu entries of the site's own pages (see sentier.core.menu): home, statistics, the admin."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.accounts.models import Role
from sentier.core import menu

menu.register(10, _("Home"), "core:home", Role.values)
menu.register(
    270, _("Statistics"), "core:statistics", {Role.ANALYST, Role.COORDINATOR, Role.ADMINISTRATOR}
)
menu.register(280, _("Administration"), "admin:index", {Role.ADMINISTRATOR})
