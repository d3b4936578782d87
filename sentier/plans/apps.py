"""App configuration for sentier.plans."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "sentier.plans"
    label = "plans"
    verbose_name = _("Personalized support plans")

    def ready(self) -> None:
        # Who may do what (this app's permissions, imported once, here) and the panels this
        # capability adds to shared pages (see sentier.core.panels).
        from sentier.plans import panels, permissions  # noqa: F401
