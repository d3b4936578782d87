"""App configuration for sentier.referrals."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


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
        # Its menu entries (see sentier.core.menu).
        from sentier.referrals import (  # noqa: F401
            menu,
            panels,
            permissions,
            timeline_kinds,
            withdrawal,
        )
