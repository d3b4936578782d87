"""Who may do what in the Ontario configuration, as ``rules`` permissions (read them as sentences).

- The Ontario Works intake unit (provincial, 004 Q11, Q15) decides OW applications: grants,
  refuses, closes on withdrawal, asks for missing information; administrators too.
- An Ontario Works caseworker (a caseworker of an OW local office) works the OW files of their
  own service area once transferred at the grant: common assessments, action plans, deferral
  reviews; administrators work every area.
- ODSP intake staff (caseworkers of the ODSP centralized intake unit) and administrators act in
  the ODSP queue: confirm eligibility, generate and mail packages. The staff of a First Nations
  site delivering ODSP do the same in their site's own queue, and see nothing else (004 Q14).
- Who works an area's files hands out its work; so does the local office's supervisor (an
  account with the coordinator role, see ``units``), who does not act on files.
- Supervisors and administrators read the local office worklist, OW-office caseworkers too;
  ODSP intake staff, First Nations site staff and administrators the ODSP queue (not a local
  office's supervisor); only OW-office caseworkers take rows themselves.
- The supervisor of an Ontario Works site (a coordinator account tied to a service area)
  answers the ministry's quarterly site survey for that site (``ontario.site_survey``).
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
from sentier.ontario.models import ODSPApplication, Unit
from sentier.ontario.units import first_nations_site_of, ontario_enabled, unit_of
from sentier.reference.models import Jurisdiction


@predicate
def in_ontario(user: Any) -> bool:
    return ontario_enabled()


@predicate
def has_service_area(user: Any) -> bool:
    region = getattr(user, "region", None)
    return region is not None and region.jurisdiction == Jurisdiction.ONTARIO


@predicate
def in_ow_office(user: Any) -> bool:
    """A caseworker of an Ontario Works local office."""
    return getattr(user, "is_authenticated", False) and unit_of(user) == Unit.OW_OFFICE


@predicate
def in_ow_intake(user: Any) -> bool:
    """A caseworker of the provincial Ontario Works intake unit."""
    return getattr(user, "is_authenticated", False) and unit_of(user) == Unit.OW_INTAKE


@predicate
def in_odsp_intake(user: Any) -> bool:
    """A caseworker of the ODSP centralized intake unit."""
    return getattr(user, "is_authenticated", False) and unit_of(user) == Unit.ODSP_INTAKE


@predicate
def in_first_nations_site(user: Any) -> bool:
    """Staff of a First Nations site delivering ODSP (004 Q14): they work their site's queue."""
    return getattr(user, "is_authenticated", False) and unit_of(user) == Unit.FIRST_NATIONS_SITE


#: Staff who work an ODSP queue: the centralized unit's, or their First Nations site's.
in_odsp_queue_unit = in_odsp_intake | in_first_nations_site

can_work_ow_area = is_administrator | (in_ow_office & same_region)

add_perm("ontario.work_ow_area", can_work_ow_area)
add_perm("ontario.hand_out_ow_work", can_work_ow_area | (is_coordinator & same_region))
add_perm("ontario.work_odsp_intake", is_administrator | in_odsp_queue_unit)
add_perm("ontario.work_ow_intake", is_administrator | in_ow_intake)
add_perm("ontario.view_ow_intake_queue", in_ontario & (is_administrator | in_ow_intake))
add_perm("ontario.take_ow_rows", in_ow_office)
add_perm("ontario.take_ow_intake_rows", in_ow_intake)
add_perm(
    "ontario.view_assessment_queue",
    in_ontario & (is_administrator | is_coordinator | in_ow_office),
)
add_perm("ontario.answer_site_survey", in_ontario & is_coordinator & has_service_area)
add_perm("ontario.view_odsp_queue", in_ontario & (is_administrator | in_odsp_queue_unit))
add_perm(
    "ontario.work_assessment_queue",
    in_ontario & ~is_coordinator & (is_administrator | in_ow_office),
)
add_perm(
    "ontario.work_odsp_queue",
    in_ontario & ~is_coordinator & (is_administrator | in_odsp_queue_unit),
)


def works_odsp_application(user: Any, odsp: ODSPApplication) -> bool:
    """Whether ``user`` acts on this ODSP application: administrators; the centralized unit on
    the central queue; a First Nations site's staff on the applications their site serves."""
    if not getattr(user, "is_authenticated", False) or not ontario_enabled():
        return False
    if is_administrator.test(user):
        return True
    if in_odsp_intake.test(user):
        return odsp.first_nations_site_id is None
    if in_first_nations_site.test(user):
        site_id = first_nations_site_of(user)
        return site_id is not None and odsp.first_nations_site_id == site_id
    return False


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


def ow_applications_q(user: Any) -> Q | None:
    """The OW applications ``user`` reads (None: none): the intake unit those not transferred
    yet, province-wide; a local office and its coordinator their area's once transferred at the
    grant; administrators every one."""
    if not ontario_enabled():
        return None
    if in_ow_intake.test(user):
        return Q(transferred_at__isnull=True)
    area = ow_area_q(user)
    if area is not None and not is_administrator.test(user):
        return area & Q(transferred_at__isnull=False)
    return area


def read_areas_q(user: Any) -> Q | None:
    """The service areas (``Region`` rows) whose worklist ``user`` reads, once they may read the
    worklist at all (None: none): every area for administrators, else their own."""
    if is_administrator.test(user):
        return Q()
    region_id = getattr(user, "region_id", None)
    return Q(pk=region_id) if region_id else None


def odsp_queue_q(user: Any) -> Q | None:
    """The ODSP applications of the queue ``user`` reads, once they may read it at all (None:
    none): the whole province for administrators, the central queue (no First Nations site) for
    the centralized unit, a site's own for its staff; none for a local office's supervisor (a
    coordinator account)."""
    if is_coordinator.test(user):
        return None
    if in_odsp_intake.test(user):
        return Q(first_nations_site__isnull=True)
    if in_first_nations_site.test(user):
        site_id = first_nations_site_of(user)
        return None if site_id is None else Q(first_nations_site_id=site_id)
    return Q()


def ow_workers(region_id: int) -> QuerySet[User]:
    """The active accounts that work Ontario Works files of this area: its caseworkers who are
    not in an intake unit nor a First Nations site (the twin of ``ontario.work_ow_area``)."""
    return User.objects.filter(role=Role.CASEWORKER, region_id=region_id, is_active=True).exclude(
        ontario_unit__unit__in=(Unit.ODSP_INTAKE, Unit.OW_INTAKE, Unit.FIRST_NATIONS_SITE)
    )


def ow_intake_workers() -> QuerySet[User]:
    """The active staff of the Ontario Works intake unit (the twin of ``in_ow_intake``)."""
    return User.objects.filter(
        ontario_unit__unit=Unit.OW_INTAKE, role=Role.CASEWORKER, is_active=True
    )


def odsp_workers(first_nations_site_id: int | None = None) -> QuerySet[User]:
    """The active staff of the ODSP centralized intake unit (the twin of ``in_odsp_intake``), or
    of one First Nations site when ``first_nations_site_id`` is given."""
    if first_nations_site_id is not None:
        return User.objects.filter(
            ontario_unit__unit=Unit.FIRST_NATIONS_SITE,
            ontario_unit__first_nations_site_id=first_nations_site_id,
            role=Role.CASEWORKER,
            is_active=True,
        )
    return User.objects.filter(
        ontario_unit__unit=Unit.ODSP_INTAKE, role=Role.CASEWORKER, is_active=True
    )
