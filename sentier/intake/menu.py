"""Menu entries of single-window applications (see sentier.core.menu)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.accounts.models import Role
from sentier.core import menu

menu.register(
    30,
    _("Applications"),
    "intake:review_queue",
    {Role.CASEWORKER, Role.COORDINATOR, Role.ADMINISTRATOR},
)
