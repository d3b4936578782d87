"""App configuration for sentier.referrals."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "sentier.referrals"
    label = "referrals"
    verbose_name = _("Referrals")

    def ready(self) -> None:
        # Who may do what (this app's permissions, imported once, here), the panels this
        # capability adds to shared pages (see sentier.core.panels), and the consent-withdrawal
        # handler (see sentier.consent.hooks).
        from sentier.referrals import panels, permissions, withdrawal  # noqa: F401
