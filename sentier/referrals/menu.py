"""Menu entries of referrals (see sentier.core.menu: each is shown to whoever holds its
permission)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.core import menu

menu.register(130, _("My referrals"), "referrals:mine", "participants.view_own_file")
menu.register(170, _("Referrals"), "referrals:sent", "participants.hold_caseload")
menu.register(180, _("Referrals received"), "referrals:inbox", "accounts.work_for_organization")
