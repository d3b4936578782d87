"""App configuration for sentier.serviceplans."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Its menu entries (sentier.core.menu): the module imports no model, so it loads with the app.
from sentier.serviceplans import menu  # noqa: F401


class ServicePlansConfig(AppConfig):
    name = "sentier.serviceplans"
    label = "serviceplans"
    verbose_name = _("Service plans")

    def ready(self) -> None:
        # Inside ready(): these import models, which exist only once the app registry is loaded.
        # Permissions and the panels this capability adds to shared pages (sentier.core.panels).
        # The timeline event kinds this app writes (see sentier.participants.events).
        from sentier.serviceplans import (  # noqa: F401
            panels,
            permissions,
            timeline_kinds,
        )
