"""App configuration for sentier.paas (PAAS Action: places, placements, attendance, statements)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Its menu entries (sentier.core.menu): the module imports no model, so it loads with the app.
from sentier.paas import menu  # noqa: F401


class PaasConfig(AppConfig):
    name = "sentier.paas"
    label = "paas"
    verbose_name = _("PAAS Action")

    def ready(self) -> None:
        # Inside ready(): these import models, which exist only once the app registry is loaded.
        # Who may do what: the predicates and registrations of this app (imported once, here),
        # and those of its statements and expense claims (statements.permissions).
        # The timeline event kinds this app writes (see sentier.participants.events).
        # The panels it adds to shared pages (sentier.core.panels).
        from sentier.paas import (  # noqa: F401
            panels,
            permissions,
            timeline_kinds,
        )
        from sentier.paas.statements import permissions as statement_permissions  # noqa: F401
