"""Menu entries of service plans (see sentier.core.menu)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.accounts.models import Role
from sentier.core import menu

menu.register(
    160,
    _("Service plans"),
    "serviceplans:list",
    {Role.CASEWORKER, Role.COORDINATOR, Role.ADMINISTRATOR},
)
menu.register(
    250,
    _("Regional networks"),
    "serviceplans:networks",
    {Role.COORDINATOR, Role.CASEWORKER, Role.ANALYST, Role.ADMINISTRATOR},
)
