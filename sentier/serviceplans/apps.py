"""App configuration for sentier.serviceplans."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicePlansConfig(AppConfig):
    name = "sentier.serviceplans"
    label = "serviceplans"
    verbose_name = _("Service plans")

    def ready(self) -> None:
        # Inside ready(): these import models, which exist only once the app registry is loaded.
        # Permissions and the panels this capability adds to shared pages (sentier.core.panels).
        # The timeline event kinds this app writes (see sentier.participants.events).
        # Its menu entries (see sentier.core.menu).
        from sentier.serviceplans import (  # noqa: F401
            menu,
            panels,
            permissions,
            timeline_kinds,
        )
