"""Menu entries of support plans (see sentier.core.menu)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.accounts.models import Role
from sentier.core import menu

menu.register(120, _("My plan"), "plans:my_plan", {Role.PARTICIPANT})
menu.register(150, _("Support plans"), "plans:worklist", {Role.CASEWORKER})
