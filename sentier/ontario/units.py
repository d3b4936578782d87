"""Who works where in Ontario: the provincial Ontario Works intake unit, the OW local office of a
service area, the ODSP centralized intake unit (OW and ODSP intake are separate units, 004 Q15),
or a First Nations site delivering ODSP (004 Q14: its applicants stay with it). What each unit
may do is in ``ontario.permissions``: OW intake staff decide the OW applications of the whole
province until the grant transfers them; an OW caseworker works the transferred files of their
own service area; ODSP intake staff work the ODSP queue of the whole province.

:data:`UNIT_SCOPE` says the same for participant files (``accounts.scopes``): a unit reaches the
clients of its own program and its own queue, nothing else, whatever region its staff are tied
to. Administrators keep the shared rules.

Roles in Ontario (issue 21, from 004). The Québec ministry coordinator has no Ontario
counterpart: Ontario Works is delivered by municipalities and DSSABs, ODSP intake is provincial.
An account with the coordinator role is, in Ontario, the **supervisor or manager of a local
office**: they read their own office's Ontario Works caseload and hand out its work, and nothing
else (no ODSP queue, no other office, no directory import, no provincial statistics). The
ministry's **program analyst** (the analyst role) reads the aggregate statistics of Ontario only
and no file."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Q

from sentier.accounts.models import User
from sentier.accounts.permissions import is_caseworker, is_coordinator
from sentier.ontario.models import Unit, UnitMembership


def ontario_enabled() -> bool:
    return bool(settings.SENTIER_JURISDICTION == "on")


def unit_of(user: User) -> str | None:
    """The Ontario unit of a caseworker (OW office by default); None for other roles."""
    if not is_caseworker.test(user):
        return None
    return _membership(user)[0]


def first_nations_site_of(user: User) -> int | None:
    """The id of the First Nations site a site's staff member works at (None: not site staff)."""
    if unit_of(user) != Unit.FIRST_NATIONS_SITE:
        return None
    return _membership(user)[1]


def _membership(user: User) -> tuple[str, int | None]:
    # Read once per user object (one request, one command), like Django's permission cache.
    cached: tuple[str, int | None] | None = getattr(user, "_sentier_ontario_unit", None)
    if cached is None:
        membership = UnitMembership.objects.filter(user=user).first()
        cached = (
            (membership.unit, membership.first_nations_site_id)
            if membership is not None
            else (Unit.OW_OFFICE, None)
        )
        user._sentier_ontario_unit = cached  # type: ignore[attr-defined]
    return cached


#: The programs each unit serves (reference ``Program`` codes).
OW_PROGRAM = "OW"
ODSP_PROGRAM = "ODSP"


class OntarioUnitScope:
    """The participant files an Ontario unit reaches: the OW intake unit, the Ontario Works
    applicants whose application is not transferred yet (the whole province); an OW local office
    (its caseworkers and its supervisor, a coordinator account), its service area's Ontario Works
    clients once transferred at the grant (or with no application at all); the ODSP centralized
    intake unit, the ODSP applicants in its queue (the whole province, except those a First
    Nations site serves); a First Nations site, the ODSP applicants it serves. Applies in the
    Ontario configuration only."""

    def _unit(self, user: User) -> str | None:
        if not ontario_enabled() or not isinstance(user, User) or not user.is_authenticated:
            return None
        if is_coordinator.test(user):
            return Unit.OW_OFFICE  # a local office's supervisor
        return unit_of(user)

    def files_q(self, user: User, via: str) -> Q | None:
        unit = self._unit(user)
        if unit is None:
            return None
        if unit == Unit.ODSP_INTAKE:
            # The central queue: ODSP applicants not served by a First Nations site.
            in_queue = {
                f"{via}odsp_application__isnull": False,
                f"{via}odsp_application__first_nations_site__isnull": True,
            }
            return Q(**{f"{via}program__code": ODSP_PROGRAM, **in_queue})
        if unit == Unit.FIRST_NATIONS_SITE:
            site_id = first_nations_site_of(user)
            if site_id is None:
                return Q(pk__in=[])
            in_site = {f"{via}odsp_application__first_nations_site_id": site_id}
            return Q(**{f"{via}program__code": ODSP_PROGRAM, **in_site})
        ow = Q(**{f"{via}program__code": OW_PROGRAM})
        not_transferred = Q(**{f"{via}ow_application__transferred_at__isnull": True}) & Q(
            **{f"{via}ow_application__isnull": False}
        )
        if unit == Unit.OW_INTAKE:
            return ow & not_transferred
        return ow & Q(**{f"{via}region_id": user.region_id}) & ~not_transferred

    def reaches(self, user: User, participant: Any) -> bool | None:
        unit = self._unit(user)
        if unit is None:
            return None
        program = getattr(getattr(participant, "program", None), "code", None)
        if unit in (Unit.ODSP_INTAKE, Unit.FIRST_NATIONS_SITE):
            # The reverse one-to-one is read once and kept on the instance (found or not).
            odsp = getattr(participant, "odsp_application", None)
            if program != ODSP_PROGRAM or odsp is None:
                return False
            if unit == Unit.ODSP_INTAKE:
                return odsp.first_nations_site_id is None
            site_id = first_nations_site_of(user)
            return site_id is not None and odsp.first_nations_site_id == site_id
        if program != OW_PROGRAM:
            return False
        # The reverse one-to-one is read once and kept on the instance (found or not).
        application = getattr(participant, "ow_application", None)
        waiting = application is not None and application.transferred_at is None
        if unit == Unit.OW_INTAKE:
            return waiting
        region_id = getattr(participant, "region_id", None)
        return not waiting and region_id is not None and region_id == user.region_id


UNIT_SCOPE = OntarioUnitScope()
