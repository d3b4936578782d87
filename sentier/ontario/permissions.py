"""Who may do what in the Ontario configuration, as ``rules`` permissions (read them as sentences).

- An Ontario Works caseworker (a caseworker of an OW local office) works the OW files of their
  own service area: grants, common assessments, action plans; administrators work every area.
- ODSP intake staff (caseworkers of the ODSP centralized intake unit) and administrators act in
  the ODSP queue: confirm eligibility, generate and mail packages.
- Who works an area's files hands out its work; so does the local office's supervisor (an
  account with the coordinator role, see ``units``), who does not act on files.
- Supervisors and administrators read the local office worklist, OW-office caseworkers too;
  ODSP intake staff and administrators the ODSP queue (not a local office's supervisor); only
  OW-office caseworkers take rows themselves.
- None of it applies outside the Ontario configuration.

Which unit a caseworker works in is ``units.unit_of``. Imported once, by ``OntarioConfig.ready``.
The ``*_q`` functions are the queryset twins.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from rules.permissions import add_perm
from rules.predicates import predicate

from sentier.accounts.models import Role, User
from sentier.accounts.permissions import is_administrator, is_coordinator, same_region
from sentier.ontario.models import Unit
from sentier.ontario.units import ontario_enabled, unit_of


@predicate
def in_ontario(user: Any) -> bool:
    return ontario_enabled()


@predicate
def in_ow_office(user: Any) -> bool:
    """A caseworker of an Ontario Works local office."""
    return getattr(user, "is_authenticated", False) and unit_of(user) == Unit.OW_OFFICE


@predicate
def in_odsp_intake(user: Any) -> bool:
    """A caseworker of the ODSP centralized intake unit."""
    return getattr(user, "is_authenticated", False) and unit_of(user) == Unit.ODSP_INTAKE


can_work_ow_area = is_administrator | (in_ow_office & same_region)

add_perm("ontario.work_ow_area", can_work_ow_area)
add_perm("ontario.hand_out_ow_work", can_work_ow_area | (is_coordinator & same_region))
add_perm("ontario.work_odsp_intake", is_administrator | in_odsp_intake)
add_perm("ontario.take_ow_rows", in_ow_office)
add_perm(
    "ontario.view_assessment_queue",
    in_ontario & (is_administrator | is_coordinator | in_ow_office),
)
add_perm("ontario.view_odsp_queue", in_ontario & (is_administrator | in_odsp_intake))
add_perm(
    "ontario.work_assessment_queue",
    in_ontario & ~is_coordinator & (is_administrator | in_ow_office),
)
add_perm(
    "ontario.work_odsp_queue", in_ontario & ~is_coordinator & (is_administrator | in_odsp_intake)
)


def ow_area_q(user: Any) -> Q | None:
    """The OW rows (with a ``region_id``) of the service area ``user`` reads (None: none):
    every area for administrators, their own for coordinators and OW-office caseworkers."""
    if not ontario_enabled():
        return None
    if is_administrator.test(user):
        return Q()
    if is_coordinator.test(user) or in_ow_office.test(user):
        return Q(region_id=user.region_id) if user.region_id else None
    return None


def read_areas_q(user: Any) -> Q | None:
    """The service areas (``Region`` rows) whose worklist ``user`` reads, once they may read the
    worklist at all (None: none): every area for administrators, else their own."""
    if is_administrator.test(user):
        return Q()
    region_id = getattr(user, "region_id", None)
    return Q(pk=region_id) if region_id else None


def odsp_queue_q(user: Any) -> Q | None:
    """The ODSP applications of the queue ``user`` reads, once they may read it at all (None:
    none): the whole province for the unit and administrators; none for a local office's
    supervisor (a coordinator account)."""
    return None if is_coordinator.test(user) else Q()


def ow_workers(region_id: int) -> QuerySet[User]:
    """The active accounts that work Ontario Works files of this area: its caseworkers who are
    not in the ODSP intake unit (the queryset twin of ``ontario.work_ow_area``)."""
    return User.objects.filter(role=Role.CASEWORKER, region_id=region_id, is_active=True).exclude(
        ontario_unit__unit=Unit.ODSP_INTAKE
    )


def odsp_workers() -> QuerySet[User]:
    """The active staff of the ODSP centralized intake unit (the twin of ``in_odsp_intake``)."""
    return User.objects.filter(
        ontario_unit__unit=Unit.ODSP_INTAKE, role=Role.CASEWORKER, is_active=True
    )
