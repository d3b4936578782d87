"""App configuration for sentier.simulations (what-if rule changes over the open files)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Its menu entry (sentier.core.menu): the module imports no model, so it loads with the app.
from sentier.simulations import menu  # noqa: F401


class SimulationsConfig(AppConfig):
    name = "sentier.simulations"
    label = "simulations"
    verbose_name = _("Simulations")

    def ready(self) -> None:
        # Inside ready(): the predicates import accounts' models, loaded only by now.
        from sentier.simulations import permissions  # noqa: F401
