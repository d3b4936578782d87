"""App configuration for sentier.serviceplans."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicePlansConfig(AppConfig):
    name = "sentier.serviceplans"
    label = "serviceplans"
    verbose_name = _("Service plans")

    def ready(self) -> None:
        # Permissions and the panels this capability adds to shared pages (sentier.core.panels).
        from sentier.serviceplans import panels, permissions  # noqa: F401
