"""Menu entry of the simulations (see sentier.core.menu)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.core import menu

menu.register(265, _("Simulations"), "simulations:home", "simulations.run_simulation")
