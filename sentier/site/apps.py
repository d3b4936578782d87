"""App configuration for sentier.site: the layer on top that puts the capabilities together."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Its menu entries (sentier.core.menu): the module imports no model, so it loads with the app.
from sentier.site import menu  # noqa: F401


class SiteConfig(AppConfig):
    name = "sentier.site"
    label = "site"
    verbose_name = _("Site")
