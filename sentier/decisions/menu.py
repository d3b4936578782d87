"""Menu entries of eligibility decisions (see sentier.core.menu)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.accounts.models import Role
from sentier.core import menu

menu.register(
    260,
    _("Rules"),
    "decisions:rules",
    {Role.CASEWORKER, Role.COORDINATOR, Role.ANALYST, Role.ADMINISTRATOR},
)
