"""App configuration for sentier.insights (indicators, disclosure control, dashboards)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "sentier.insights"
    label = "insights"
    verbose_name = _("Insights")
