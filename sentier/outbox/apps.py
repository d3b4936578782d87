"""App configuration for sentier.outbox."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "sentier.outbox"
    label = "outbox"
    verbose_name = _("Outgoing messages")
