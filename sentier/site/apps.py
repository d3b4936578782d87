"""App configuration for sentier.site: the layer on top that puts the capabilities together."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    name = "sentier.site"
    label = "site"
    verbose_name = _("Site")

    def ready(self) -> None:
        # Inside ready(): Django's startup hook, where each app registers its menu entries once.
        # Its menu entries (see sentier.core.menu).
        from sentier.site import menu  # noqa: F401
