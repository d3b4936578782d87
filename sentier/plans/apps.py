"""App configuration for sentier.plans."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "sentier.plans"
    label = "plans"
    verbose_name = _("Personalized support plans")

    def ready(self) -> None:
        # Inside ready(): these import models, which exist only once the app registry is loaded.
        # Who may do what (this app's permissions, imported once, here) and the panels this
        # capability adds to shared pages (see sentier.core.panels).
        # The timeline event kinds this app writes (see sentier.participants.events).
        # Its menu entries (see sentier.core.menu).
        from sentier.plans import (  # noqa: F401
            menu,
            panels,
            permissions,
            timeline_kinds,
        )
