"""Menu entries of eligibility decisions (see sentier.core.menu: each is shown to whoever holds its
permission)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.core import menu

menu.register(260, _("Rules"), "decisions:rules", "decisions.consult_rules")
