"""App configuration for sentier.correspondence."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Its menu entries (sentier.core.menu): the module imports no model, so it loads with the app.
from sentier.correspondence import menu  # noqa: F401


class CorrespondenceConfig(AppConfig):
    name = "sentier.correspondence"
    label = "correspondence"
    verbose_name = _("Correspondence with participants")

    def ready(self) -> None:
        # Inside ready(): these import models, which exist only once the app registry is loaded.
        from sentier.correspondence import (
            actions,
            panels,  # noqa: F401
            timeline_kinds,  # noqa: F401
        )
        from sentier.intake.hooks import on_submitted

        # Phone and in-person applications record how the person wants to be told.
        on_submitted(actions.record_channel_from_application)
