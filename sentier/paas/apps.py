"""App configuration for sentier.paas (PAAS Action: places, placements, attendance, statements)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaasConfig(AppConfig):
    name = "sentier.paas"
    label = "paas"
    verbose_name = _("PAAS Action")
