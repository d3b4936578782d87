"""App configuration for sentier.ontario."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OntarioConfig(AppConfig):
    name = "sentier.ontario"
    label = "ontario"
    verbose_name = _("Ontario configuration")

    def ready(self) -> None:
        # Panels this capability adds to shared pages (see sentier.core.panels).
        from sentier.ontario import panels  # noqa: F401
