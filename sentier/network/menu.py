"""Menu entries of the partner network (see sentier.core.menu: each is shown to whoever holds its
permission)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.core import menu

menu.register(190, _("Capacity"), "network:capacity", "accounts.work_for_organization")
menu.register(230, _("Directory"), "network:directory")
menu.register(240, _("Import services (CSV)"), "network:import", "network.import_services")
