"""Menu entries of support plans (see sentier.core.menu: each is shown to whoever holds its
permission)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.core import menu

menu.register(120, _("My plan"), "plans:my_plan", "participants.view_own_file")
menu.register(150, _("Support plans"), "plans:worklist", "participants.hold_caseload")
menu.register(155, _("Shared support plans"), "plans:shared_list", "plans.list_shared")
