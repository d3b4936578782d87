"""App configuration for sentier.plans."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Its menu entries (sentier.core.menu): the module imports no model, so it loads with the app.
from sentier.plans import menu  # noqa: F401


class PlansConfig(AppConfig):
    name = "sentier.plans"
    label = "plans"
    verbose_name = _("Personalized support plans")

    def ready(self) -> None:
        # Inside ready(): these import models, which exist only once the app registry is loaded.
        # Who may do what (this app's permissions, imported once, here) and the panels this
        # capability adds to shared pages (see sentier.core.panels).
        # The timeline event kinds this app writes (see sentier.participants.events).
        from sentier.plans import (  # noqa: F401
            panels,
            permissions,
            timeline_kinds,
        )
