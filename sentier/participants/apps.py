"""App configuration for sentier.participants."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Its menu entries (sentier.core.menu): the module imports no model, so it loads with the app.
from sentier.participants import menu  # noqa: F401


class ParticipantsConfig(AppConfig):
    name = "sentier.participants"
    label = "participants"
    verbose_name = _("Participants")

    def ready(self) -> None:
        # Inside ready(): these import models, which exist only once the app registry is loaded.
        # Who may do what: the predicates and registrations of this app (imported once, here).
        # The timeline event kinds this app writes (see sentier.participants.events).
        # The sections it adds to the home page (sentier.core.panels).
        from sentier.participants import (
            panels,  # noqa: F401
            permissions,  # noqa: F401
            timeline_kinds,  # noqa: F401
        )
