"""App configuration for sentier.intake (the single-window application and its triage)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Its menu entries (sentier.core.menu): the module imports no model, so it loads with the app.
from sentier.intake import menu  # noqa: F401


class IntakeConfig(AppConfig):
    name = "sentier.intake"
    label = "intake"
    verbose_name = _("Single-window applications")

    def ready(self) -> None:
        # Inside ready(): these import models, which exist only once the app registry is loaded.
        # Who may do what: the predicates and registrations of this app (imported once, here).
        # The timeline event kinds this app writes (see sentier.participants.events).
        from sentier.intake import (
            permissions,  # noqa: F401
            timeline_kinds,  # noqa: F401
        )
