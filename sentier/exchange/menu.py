"""Menu entries of the exchange with partner systems (see sentier.core.menu: each is shown to
whoever holds its permission)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.core import menu

menu.register(200, _("Partner systems"), "exchange:keys", "accounts.work_for_organization")
