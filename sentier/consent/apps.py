"""App configuration for sentier.consent."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Its menu entries (sentier.core.menu): the module imports no model, so it loads with the app.
from sentier.consent import menu  # noqa: F401


class ConsentConfig(AppConfig):
    name = "sentier.consent"
    label = "consent"
    verbose_name = _("Consent to share information")

    def ready(self) -> None:
        # Inside ready(): these import models, which exist only once the app registry is loaded.
        # The timeline event kinds this app writes (see sentier.participants.events).
        # Panels this capability adds to shared pages (see sentier.core.panels).
        from sentier.consent import (
            panels,  # noqa: F401
            timeline_kinds,  # noqa: F401
        )
