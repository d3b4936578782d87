"""App configuration for sentier.exchange."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from sentier.consent.hooks import on_withdrawal

# Its menu entries (sentier.core.menu): the module imports no model, so it loads with the app.
from sentier.exchange import menu  # noqa: F401


class ExchangeConfig(AppConfig):
    name = "sentier.exchange"
    label = "exchange"
    verbose_name = _("Exchange with partner systems")

    def ready(self) -> None:
        # Inside ready(): these import models, which exist only once the app registry is loaded.
        # Who may do what: the predicates and registrations of this app (imported once, here).
        from sentier.exchange import (
            permissions,  # noqa: F401
            webhooks,
        )
        from sentier.exchange.actions import stop_deliveries_on_withdrawal
        from sentier.outbox import delivery
        from sentier.outbox.actions import WEBHOOK

        # Withdrawing a consent stops the deliveries queued under it (same transaction).
        on_withdrawal(stop_deliveries_on_withdrawal)
        # The outbox delivers webhooks signed, skips addresses turned off, and logs every try.
        delivery.register_channel(WEBHOOK, webhooks.WebhookChannel())
        delivery.register_guard(WEBHOOK, webhooks.endpoint_turned_off)
        delivery.on_attempt(webhooks.log_attempt)
