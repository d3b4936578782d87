"""Menu entries of referrals (see sentier.core.menu)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.accounts.models import Role
from sentier.core import menu

menu.register(130, _("My referrals"), "referrals:mine", {Role.PARTICIPANT})
menu.register(170, _("Referrals"), "referrals:sent", {Role.CASEWORKER})
menu.register(180, _("Referrals received"), "referrals:inbox", {Role.PARTNER_STAFF})
