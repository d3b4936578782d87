"""Menu entries of the partner network (see sentier.core.menu)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.accounts.models import Role
from sentier.core import menu

menu.register(190, _("Capacity"), "network:capacity", {Role.PARTNER_STAFF})
menu.register(230, _("Directory"), "network:directory", Role.values)
menu.register(
    240, _("Import services (CSV)"), "network:import", {Role.COORDINATOR, Role.ADMINISTRATOR}
)
