"""App configuration for sentier.exchange."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "sentier.exchange"
    label = "exchange"
    verbose_name = _("Exchange with partner systems")

    def ready(self) -> None:
        from sentier.consent.hooks import on_withdrawal

        # Who may do what: the predicates and registrations of this app (imported once, here).
        from sentier.exchange import permissions  # noqa: F401
        from sentier.exchange.actions import stop_deliveries_on_withdrawal

        # Withdrawing a consent stops the deliveries queued under it (same transaction).
        on_withdrawal(stop_deliveries_on_withdrawal)
