"""App configuration for sentier.feedback (participant and partner surveys)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "sentier.feedback"
    label = "feedback"
    verbose_name = _("Feedback")

    def ready(self) -> None:
        # Inside ready(): the panels read the models and the permissions' predicates.
        from sentier.feedback import panels  # noqa: F401
