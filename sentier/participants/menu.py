"""Menu entries of participant files (see sentier.core.menu: each is shown to whoever holds its
permission)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.core import menu

menu.register(20, _("Caseload"), "participants:caseload", "participants.view_caseload")
menu.register(40, _("My file"), "participants:my_file", "participants.view_own_file")
menu.register(
    50, _("Who viewed my file"), "participants:my_access_log", "participants.view_own_file"
)
