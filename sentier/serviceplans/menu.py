"""Menu entries of service plans (see sentier.core.menu: each is shown to whoever holds its
permission)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.core import menu

menu.register(160, _("Service plans"), "serviceplans:list", "serviceplans.list_plans_in_menu")
menu.register(250, _("Regional networks"), "serviceplans:networks", "serviceplans.view_networks")
