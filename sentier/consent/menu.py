"""Menu entries of consent (see sentier.core.menu)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.accounts.models import Role
from sentier.core import menu

menu.register(140, _("My consents"), "consent:mine", {Role.PARTICIPANT})
