"""Menu entries of PAAS Action: caseworkers, partner staff, the Ministry (see sentier.core.menu:
each is shown to whoever holds its permission)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.core import menu

menu.register(60, _("PAAS Action"), "paas:placement_list", "participants.hold_caseload")
menu.register(70, _("Expense claims"), "paas:claim_list", "participants.hold_caseload")
menu.register(80, _("PAAS Action"), "paas:organization", "paas.view_organization_home")
menu.register(90, _("Attendance"), "paas:attendance_group", "paas.view_organization_home")
menu.register(100, _("PAAS Action places"), "paas:ministry", "paas.view_ministry")
menu.register(110, _("Monthly statements"), "paas:statement_list", "paas.generate_statements")
