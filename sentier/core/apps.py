"""App configuration for sentier.core."""

from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _

from sentier.core.checks import check_secret_keys


class CoreConfig(AppConfig):
    name = "sentier.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        checks.register(check_secret_keys, checks.Tags.security, deploy=True)
