"""App configuration for sentier.referrals."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Its menu entries (sentier.core.menu): the module imports no model, so it loads with the app.
from sentier.referrals import menu  # noqa: F401


class ReferralsConfig(AppConfig):
    name = "sentier.referrals"
    label = "referrals"
    verbose_name = _("Referrals")

    def ready(self) -> None:
        # Inside ready(): these import models, which exist only once the app registry is loaded.
        # Who may do what (this app's permissions, imported once, here), the panels this
        # capability adds to shared pages (see sentier.core.panels), and the consent-withdrawal
        # handler (see sentier.consent.hooks).
        # The timeline event kinds this app writes (see sentier.participants.events).
        from sentier.referrals import (  # noqa: F401
            panels,
            permissions,
            timeline_kinds,
            withdrawal,
        )
