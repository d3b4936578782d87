"""App configuration for sentier.decisions."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Its menu entries (sentier.core.menu): the module imports no model, so it loads with the app.
from sentier.decisions import menu  # noqa: F401


class DecisionsConfig(AppConfig):
    name = "sentier.decisions"
    label = "decisions"
    verbose_name = _("Eligibility decisions")

    def ready(self) -> None:
        # Inside ready(): these import models, which exist only once the app registry is loaded.
        # Who may do what: the predicates and registrations of this app (imported once, here).
        # The timeline event kinds this app writes (see sentier.participants.events).
        # The panels it adds to shared pages (sentier.core.panels).
        from sentier.decisions import (
            panels,  # noqa: F401
            permissions,  # noqa: F401
            timeline_kinds,  # noqa: F401
        )
