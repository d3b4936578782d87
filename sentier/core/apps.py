"""App configuration for sentier.core."""

from django.apps import AppConfig
from django.core import checks
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _

from sentier.core.checks import check_secret_keys
from sentier.core.text import register_sqlite_functions


class CoreConfig(AppConfig):
    name = "sentier.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        checks.register(check_secret_keys, checks.Tags.security, deploy=True)
        # Searches that ignore accents and French sorting, on SQLite (PostgreSQL has its own).
        connection_created.connect(register_sqlite_functions, dispatch_uid="sentier_sqlite_text")
