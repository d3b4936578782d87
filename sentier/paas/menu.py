"""Menu entries of PAAS Action (see sentier.core.menu): caseworkers, partner staff, the Ministry."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.accounts.models import Role
from sentier.core import menu

menu.register(60, _("PAAS Action"), "paas:placement_list", {Role.CASEWORKER})
menu.register(70, _("Expense claims"), "paas:claim_list", {Role.CASEWORKER})
menu.register(80, _("PAAS Action"), "paas:organization", {Role.PARTNER_STAFF})
menu.register(90, _("Attendance"), "paas:attendance_group", {Role.PARTNER_STAFF})
menu.register(
    100,
    _("PAAS Action places"),
    "paas:ministry",
    {Role.COORDINATOR, Role.ANALYST, Role.ADMINISTRATOR},
)
menu.register(
    110, _("Monthly statements"), "paas:statement_list", {Role.COORDINATOR, Role.ADMINISTRATOR}
)
