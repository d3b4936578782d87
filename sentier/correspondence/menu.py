"""Menu entries of correspondence (see sentier.core.menu: each is shown to whoever holds its
permission)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.core import menu

menu.register(185, _("Letters and calls"), "correspondence:notices", "participants.view_caseload")
