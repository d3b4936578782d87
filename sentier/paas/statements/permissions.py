"""Who may do what with PAAS Action expense claims and monthly statements (``rules`` predicates).

Read them as sentences: the Ministry (an administrator, or the coordinator of a region where the
organization holds PAAS Action places) generates and approves an organization's statements; the
organization's staff read their own statements; the participant's caseworker decides on claims.
Imported once, by ``PaasConfig.ready`` (through :mod:`sentier.paas.permissions`). The ``*_q``
functions and ``managed_organization_ids`` are the queryset twins of these rules.
"""

from __future__ import annotations

import calendar
from typing import Any

import rules.permissions
import rules.predicates
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q

from sentier.accounts.models import User
from sentier.accounts.permissions import (
    is_administrator,
    is_caseworker,
    is_coordinator,
    is_participant,
    is_partner_staff,
    is_the_person,
)
from sentier.paas.models import PlaceAllocation

# The rules library ships no type hints; called, not used as decorators, to keep mypy strict here.
predicate: Any = rules.predicates.predicate
add_perm: Any = rules.permissions.add_perm


def _organization_id(obj: Any) -> Any:
    return getattr(obj, "organization_id", None)


def _coordinates_organization_region(user: Any, obj: Any) -> bool:
    """The organization (of a statement or placement) holds places in the user's region."""
    organization_id = _organization_id(obj)
    region_id = getattr(user, "region_id", None)
    if organization_id is None or region_id is None:
        return False
    return PlaceAllocation.objects.filter(
        organization_id=organization_id, region_id=region_id
    ).exists()


def _coordinates_every_region_of_the_statement(user: Any, obj: Any) -> bool:
    """Every region where the organization holds places that month is the user's region.

    A statement pays for the whole organization; an organization with places in several regions
    (OPEX'82 in four) is approved by the Ministry's administrators, not by one region's
    coordinator, who would otherwise sign off on another region's participants.
    """
    organization_id = _organization_id(obj)
    region_id = getattr(user, "region_id", None)
    if organization_id is None or region_id is None:
        return False
    allocations = PlaceAllocation.objects.filter(organization_id=organization_id)
    month = getattr(obj, "month", None)
    if month is not None:
        first = month.replace(day=1)
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        allocations = allocations.filter(period_start__lte=last, period_end__gte=first)
    regions = set(allocations.values_list("region_id", flat=True))
    return regions == {region_id}


def _works_for_the_organization(user: Any, obj: Any) -> bool:
    """The user is staff of the organization the statement, placement or claim belongs to."""
    organization_id = _organization_id(obj)
    if organization_id is None and hasattr(obj, "placement"):
        organization_id = obj.placement.organization_id
    user_org = getattr(user, "organization_id", None)
    return organization_id is not None and organization_id == user_org


def _serves_the_participant_region(user: Any, obj: Any) -> bool:
    """A placement's (or claim's) participant is in the region the user serves."""
    placement = getattr(obj, "placement", obj)
    region_id = getattr(user, "region_id", None)
    return region_id is not None and placement.participant.region_id == region_id


def _is_the_participant_caseworker(user: Any, obj: Any) -> bool:
    """The user is the claim's participant's caseworker (or, if none is assigned, serves the
    participant's region)."""
    participant = obj.placement.participant
    if participant.caseworker_id is None:
        return _serves_the_participant_region(user, obj)
    return bool(participant.caseworker_id == user.pk)


coordinates_organization_region = predicate(_coordinates_organization_region)
works_for_the_organization = predicate(_works_for_the_organization)
serves_the_participant_region = predicate(_serves_the_participant_region)
is_the_participant_caseworker = predicate(_is_the_participant_caseworker)

coordinates_every_region_of_the_statement = predicate(_coordinates_every_region_of_the_statement)

ministry_of_the_organization = is_administrator | (is_coordinator & coordinates_organization_region)

can_view_statement = ministry_of_the_organization | (is_partner_staff & works_for_the_organization)
can_manage_statement = is_administrator | (
    is_coordinator & coordinates_every_region_of_the_statement
)


def _is_the_placement_person(user: Any, obj: Any) -> bool:
    """The placement (or claim) is the signed-in participant's own."""
    placement = getattr(obj, "placement", obj)
    return bool(is_the_person.test(user, getattr(placement, "participant", None)))


is_the_placement_person = predicate(_is_the_placement_person)

# The participant submits their own transport or childcare claim with its receipt (issue 16:
# "PAAS participants see their money"); their caseworker decides it, as for any claim.
can_submit_claim = (
    (is_partner_staff & works_for_the_organization)
    | (is_caseworker & serves_the_participant_region)
    | (is_participant & is_the_placement_person)
)
can_decide_claim = is_caseworker & is_the_participant_caseworker
can_view_claim = can_submit_claim | can_decide_claim | is_administrator

add_perm("paas.view_statement", can_view_statement)
add_perm("paas.manage_statement", can_manage_statement)
add_perm("paas.submit_claim", can_submit_claim)
add_perm("paas.decide_claim", can_decide_claim)
add_perm("paas.view_claim", can_view_claim)


def managed_organization_ids(user: User) -> list[int] | None:
    """Organizations whose statements ``user`` generates and approves (``None``: all)."""
    if is_administrator.test(user) and user.is_active:
        return None
    if is_coordinator.test(user) and user.is_active and user.region_id is not None:
        return list(
            PlaceAllocation.objects.filter(region_id=user.region_id)
            .values_list("organization_id", flat=True)
            .distinct()
        )
    raise PermissionDenied


def visible_statements_q(user: User) -> Q:
    """The statements ``user`` may read, as a filter (twin of ``paas.view_statement``)."""
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if is_administrator.test(user):
        return Q()
    if is_coordinator.test(user) and user.region_id is not None:
        return Q(
            Exists(
                PlaceAllocation.objects.filter(
                    organization_id=OuterRef("organization_id"), region_id=user.region_id
                )
            )
        )
    if is_partner_staff.test(user) and user.organization_id is not None:
        return Q(organization_id=user.organization_id)
    return Q(pk__in=[])


def visible_claims_q(user: User) -> Q:
    """Claims ``user`` may read: their organization's, their participants', or all (admin)."""
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if is_administrator.test(user):
        return Q()
    if is_partner_staff.test(user) and user.organization_id is not None:
        return Q(placement__organization_id=user.organization_id)
    if is_caseworker.test(user) and user.region_id is not None:
        return Q(placement__participant__region_id=user.region_id)
    return Q(pk__in=[])
