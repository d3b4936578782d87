"""App configuration for sentier.referrals."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Organizations without an account answer a referral here, signed out (see views.link).
PUBLIC_PATH = "/referrals/answer/"


class ReferralsConfig(AppConfig):
    name = "sentier.referrals"
    label = "referrals"
    verbose_name = _("Referrals")

    def ready(self) -> None:
        # Panels this capability adds to shared pages (see sentier.core.panels), and the
        # consent-withdrawal handler (see sentier.consent.hooks).
        from sentier.core import middleware
        from sentier.referrals import panels, withdrawal  # noqa: F401

        # The signed-link page is public: a signed-out POST there must reach the view, not be
        # kept for after a sign-in. Until PUBLIC_MARKERS lists it, add it at start-up.
        if PUBLIC_PATH not in middleware.PUBLIC_MARKERS:
            middleware.PUBLIC_MARKERS = (*middleware.PUBLIC_MARKERS, PUBLIC_PATH)  # type: ignore[assignment]
