"""Menu entries of the exchange with partner systems (see sentier.core.menu)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.accounts.models import Role
from sentier.core import menu

menu.register(200, _("Partner systems"), "exchange:keys", {Role.PARTNER_STAFF})
