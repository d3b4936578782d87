"""Menu entries of the Ontario configuration (see sentier.core.menu): OW office staff see the
common assessment, ODSP intake staff their queue; coordinators and administrators see both."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.accounts.models import Role, User
from sentier.core import menu
from sentier.ontario.models import Unit
from sentier.ontario.units import unit_of

STAFF = {Role.CASEWORKER, Role.COORDINATOR, Role.ADMINISTRATOR}


def works_ow_office(user: User) -> bool:
    return unit_of(user) != Unit.ODSP_INTAKE


def works_odsp_intake(user: User) -> bool:
    return unit_of(user) in (None, Unit.ODSP_INTAKE)


menu.register(
    210, _("Local office worklist"), "ontario:assessment_queue", STAFF, when=works_ow_office
)
menu.register(220, _("ODSP intake"), "ontario:odsp_queue", STAFF, when=works_odsp_intake)
