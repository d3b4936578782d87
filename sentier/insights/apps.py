"""App configuration for sentier.insights (indicators, disclosure control, dashboards)."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Its menu entry (sentier.core.menu): the module imports no model, so it loads with the app.
from sentier.insights import menu  # noqa: F401


class InsightsConfig(AppConfig):
    name = "sentier.insights"
    label = "insights"
    verbose_name = _("Insights")

    def ready(self) -> None:
        # Inside ready(): the permissions import the accounts predicates, which read models.
        from sentier.insights import permissions  # noqa: F401

        # The pilot comparison registers its estimates (sentier.insights.hooks) when present.
        if find_spec("sentier.insights.pilots") is not None:
            import_module("sentier.insights.pilots")
