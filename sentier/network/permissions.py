"""Who may do what in the partner network, as ``rules`` permissions (read them as sentences).

- Partner staff update the capacity of their own organization's services, free a place and see
  its waiting list; administrators may do it for any organization.
- Administrators and (in Québec) coordinators import services and capacity from a CSV file.
- A caseworker who may change a participant's file puts the person on a waiting list; the person
  (or that caseworker) answers an offer.

Imported once, by ``NetworkConfig.ready``. :func:`managed_services_q` is the queryset twin of
``network.update_capacity``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Q
from rules import permissions, predicates

from sentier.accounts.permissions import (
    in_quebec_configuration,
    is_administrator,
    is_coordinator,
    is_partner_staff,
    is_the_person,
)
from sentier.participants.permissions import can_change_participant

predicate: Callable[[Callable[..., bool]], Any] = predicates.predicate
add_perm: Callable[[str, Any], None] = permissions.add_perm


def _works_for_service_organization(user: Any, service: Any) -> bool:
    organization_id = getattr(service, "organization_id", None)
    return organization_id is not None and organization_id == getattr(user, "organization_id", None)


def _offer_is_for_the_person(user: Any, offer: Any) -> bool:
    participant = offer.entry.participant if offer is not None else None
    return bool(is_the_person.test(user, participant))


def _offer_participant_changeable(user: Any, offer: Any) -> bool:
    participant = offer.entry.participant if offer is not None else None
    return bool(can_change_participant.test(user, participant))


works_for_service_organization = predicate(_works_for_service_organization)
offer_is_for_the_person = predicate(_offer_is_for_the_person)
may_change_offer_participant = predicate(_offer_participant_changeable)

can_manage_service = is_administrator | (is_partner_staff & works_for_service_organization)
# In Ontario a coordinator account is a local office's supervisor: the directory is the
# ministry administrators' to import (issue 21).
can_import_services = is_administrator | (is_coordinator & in_quebec_configuration)
can_answer_offer = offer_is_for_the_person | may_change_offer_participant

add_perm("network.view_capacity", is_administrator | is_partner_staff)
add_perm("network.update_capacity", can_manage_service)
add_perm("network.view_waiting_list", can_manage_service)
add_perm("network.import_services", can_import_services)
add_perm("network.export_directory", can_import_services)
add_perm("network.add_to_waiting_list", can_change_participant)
add_perm("network.answer_offer", can_answer_offer)


def managed_services_q(user: Any) -> Q | None:
    """The services whose capacity ``user`` updates, as a filter (None: none of them)."""
    if is_administrator.test(user):
        return Q()
    organization_id = getattr(user, "organization_id", None)
    if is_partner_staff.test(user) and organization_id is not None:
        return Q(organization_id=organization_id)
    return None
