"""Menu entries of participant files (see sentier.core.menu)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.accounts.models import Role
from sentier.core import menu

menu.register(
    20,
    _("Caseload"),
    "participants:caseload",
    {Role.CASEWORKER, Role.COORDINATOR, Role.ADMINISTRATOR},
)
menu.register(40, _("My file"), "participants:my_file", {Role.PARTICIPANT})
menu.register(50, _("Who viewed my file"), "participants:my_access_log", {Role.PARTICIPANT})
