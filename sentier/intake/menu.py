"""Menu entries of single-window applications (see sentier.core.menu: each is shown to whoever
holds its permission)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.core import menu

menu.register(30, _("Applications"), "intake:review_queue", "intake.view_review_queue")
