"""App configuration for sentier.audit."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from sentier.audit.history import build_history_managers_once


class AuditConfig(AppConfig):
    name = "sentier.audit"
    label = "audit"
    verbose_name = _("Audit")

    def ready(self) -> None:
        build_history_managers_once()
