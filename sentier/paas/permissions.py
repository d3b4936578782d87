"""Who may do what in PAAS Action, as ``rules`` permissions (read them as sentences).

- The Ministry grants places: an administrator anywhere, a coordinator in their own region.
- A caseworker who may change a participant's file places them and may end the placement.
- Staff of the organization that welcomes a participant record attendance, follow up and
  evaluate objectives, and may record the exit too.
- Coordinators (own region), administrators and analysts see the ministry view; analysts only read.
- Caseworkers, coordinators and administrators list placements (a caseworker, their own
  participants'); the Ministry and partner staff list statements, the Ministry generates them;
  administrators, caseworkers and partner staff list expense claims.

Imported once, by ``PaasConfig.ready`` (the statements' and claims' predicates are in
``statements/permissions.py``). The ``*_q`` functions are the queryset twins of these rules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Q
from rules import permissions, predicates

from sentier.accounts.permissions import (
    is_administrator,
    is_analyst,
    is_caseworker,
    is_coordinator,
    is_partner_staff,
)
from sentier.participants.models import Participant
from sentier.participants.permissions import (
    can_change_participant,
    can_view_participant,
    visible_participants_q,
)


def _serves_region(user: Any, region: Any) -> bool:
    """The region (a ``Region`` row) is the one the user serves."""
    region_id = getattr(region, "pk", None)
    return region_id is not None and region_id == getattr(user, "region_id", None)


def _works_for_organization(user: Any, obj: Any) -> bool:
    """The object (placement, allocation, waiting entry) belongs to the user's organization."""
    organization_id = getattr(obj, "organization_id", None)
    return organization_id is not None and organization_id == getattr(user, "organization_id", None)


def _placement_participant_changeable(user: Any, placement: Any) -> bool:
    return bool(can_change_participant.test(user, getattr(placement, "participant", None)))


def _placement_participant_visible(user: Any, placement: Any) -> bool:
    return bool(can_view_participant.test(user, getattr(placement, "participant", None)))


# The rules library ships no type hints: name its two entry points with the types we rely on.
predicate: Callable[[Callable[..., bool]], Any] = predicates.predicate
add_perm: Callable[[str, Any], None] = permissions.add_perm

serves_region = predicate(_serves_region)
works_for_organization = predicate(_works_for_organization)
may_change_placed_participant = predicate(_placement_participant_changeable)
may_view_placed_participant = predicate(_placement_participant_visible)

staff_of_the_organization = is_partner_staff & works_for_organization

can_grant_places = is_administrator | (is_coordinator & serves_region)
can_view_ministry = is_administrator | is_coordinator | is_analyst
can_view_placement = staff_of_the_organization | may_view_placed_participant
can_follow_placement = staff_of_the_organization
can_end_placement = staff_of_the_organization | may_change_placed_participant

add_perm("paas.grant_places", can_grant_places)
add_perm("paas.view_ministry", can_view_ministry)
add_perm("paas.view_placement", can_view_placement)
add_perm("paas.record_attendance", can_follow_placement)
add_perm("paas.follow_up_objectives", can_follow_placement)
add_perm("paas.end_placement", can_end_placement)
add_perm("paas.view_organization_home", is_partner_staff)
add_perm("paas.list_placements", is_caseworker | is_coordinator | is_administrator)
add_perm("paas.list_statements", is_administrator | is_coordinator | is_partner_staff)
add_perm("paas.generate_statements", is_administrator | is_coordinator)
add_perm("paas.list_claims", is_administrator | is_caseworker | is_partner_staff)


def visible_placements_q(user: Any) -> Q:
    """The placements ``user`` may see: the queryset twin of ``paas.view_placement``."""
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if is_partner_staff.test(user):
        if user.organization_id is None:
            return Q(pk__in=[])
        return Q(organization_id=user.organization_id)
    participants = Participant.objects.filter(visible_participants_q(user)).values("pk")
    return Q(participant__in=participants)


def visible_allocations_q(user: Any) -> Q | None:
    """The place allocations ``user`` sees (None: none): the Ministry's, by region for a
    coordinator, or their organization's for partner staff."""
    if is_administrator.test(user) or is_analyst.test(user):
        return Q()
    region_id = getattr(user, "region_id", None)
    if is_coordinator.test(user) and region_id is not None:
        return Q(region_id=region_id)
    organization_id = getattr(user, "organization_id", None)
    if is_partner_staff.test(user) and organization_id is not None:
        return Q(organization_id=organization_id)
    return None


def grant_regions_q(user: Any) -> Q | None:
    """The regions where ``user`` grants places (None: none): the twin of ``paas.grant_places``."""
    if is_administrator.test(user):
        return Q()
    region_id = getattr(user, "region_id", None)
    if is_coordinator.test(user) and region_id is not None:
        return Q(pk=region_id)
    return None
