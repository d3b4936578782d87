"""Menu entries of consent (see sentier.core.menu: each is shown to whoever holds its
permission)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.core import menu

menu.register(140, _("My consents"), "consent:mine", "participants.view_own_file")
