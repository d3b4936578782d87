"""App configuration for sentier.accounts."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "sentier.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        # Inside ready(): permissions imports models, which exist only once the registry is loaded.
        # Who may do what: the predicates and registrations of this app (imported once, here).
        from sentier.accounts import permissions  # noqa: F401
