"""Who may do what with service plans, as ``rules`` permissions (read them as sentences).

- A caseworker who may change a participant's file requests a service plan for them.
- The Ministry coordinator of the request's region decides it (000: "transmettra une demande au
  coordonnateur du Ministère, qui prendra la décision").
- Caseworkers and coordinators of the plan's region (and administrators) see the whole plan and
  run it: parties, objectives, actions, agreement, end.
- Staff of a community organization that is an active party of an active plan open it, and see
  only the information categories the person consented to share with their organization
  (the selectors filter; these predicates only open the door). They update the actions their
  organization owns.
- Staff of a public network body (CISSS, school service centre: role "public staff", linked to
  the body's member of the regional network) open, like organization staff, the active plans
  where their body is a party, in the categories shared with it; nothing else.
- Regional network pages list the plans of members to staff of that region; others see counts.
- The person whose plan it is agrees to it or ends their participation from their portal.

Imported once, by ``ServicePlansConfig.ready``. :func:`region_rows_q` is the queryset twin of the
region rule.
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
    is_participant,
    is_partner_staff,
    is_public_staff,
    is_the_person,
    same_region,
)
from sentier.participants.permissions import can_change_participant

predicate: Callable[[Callable[..., bool]], Any] = predicates.predicate
add_perm: Callable[[str, Any], None] = permissions.add_perm


def parties_of_user_q(user: Any) -> Q | None:
    """The parties ``user`` acts for: their organization's (partner staff) or their public
    body's (public staff, through the regional network's member); None for anyone else."""
    if is_partner_staff.test(user) and getattr(user, "organization_id", None) is not None:
        return Q(organization_id=user.organization_id)
    if is_public_staff.test(user):
        return Q(member__staff=user)
    return None


def _party_of_active_plan(user: Any, plan: Any) -> bool:
    scope = parties_of_user_q(user)
    if scope is None or getattr(plan, "status", None) != "active":
        return False
    return bool(plan.parties.filter(scope, removed_at__isnull=True).exists())


def _owns_action(user: Any, action: Any) -> bool:
    scope = parties_of_user_q(user)
    owner = getattr(action, "owner", None)
    return (
        scope is not None
        and owner is not None
        and owner.removed_at is None
        and owner.plan.status == "active"
        and owner.plan.parties.filter(scope, pk=owner.pk).exists()
    )


def _the_person_of_the_plan(user: Any, plan: Any) -> bool:
    return bool(is_the_person.test(user, getattr(plan, "participant", None)))


party_of_active_plan = predicate(_party_of_active_plan)
the_person_of_the_plan = predicate(_the_person_of_the_plan)
owns_action = predicate(_owns_action)

region_staff = (is_caseworker | is_coordinator) & same_region

can_request = can_change_participant
can_decide = is_coordinator & same_region
can_view_plan = region_staff | is_administrator
can_change_plan = region_staff | is_administrator
can_view_plan_as_party = (is_partner_staff | is_public_staff) & party_of_active_plan
can_list_network_plans = region_staff | is_administrator

add_perm("serviceplans.request_plan", can_request)
add_perm("serviceplans.decide_request", can_decide)
add_perm("serviceplans.view_plan", can_view_plan)
add_perm("serviceplans.change_plan", can_change_plan)
add_perm("serviceplans.view_plan_as_party", can_view_plan_as_party)
add_perm("serviceplans.update_own_action", (is_partner_staff | is_public_staff) & owns_action)
add_perm("serviceplans.list_network_plans", can_list_network_plans)
add_perm("serviceplans.run_plans", is_caseworker | is_coordinator | is_administrator)
add_perm(
    "serviceplans.open_plans",
    is_caseworker | is_coordinator | is_administrator | is_partner_staff | is_public_staff,
)
# The menu's entry: the region's staff, and public staff (whose only pages are service plans).
add_perm(
    "serviceplans.list_plans_in_menu",
    is_caseworker | is_coordinator | is_administrator | is_public_staff,
)
add_perm("serviceplans.act_for_public_body", is_public_staff)
add_perm("serviceplans.decide_requests", is_coordinator)
add_perm(
    "serviceplans.view_networks", is_caseworker | is_coordinator | is_analyst | is_administrator
)
add_perm("serviceplans.answer_as_the_person", is_participant & the_person_of_the_plan)


def region_rows_q(user: Any) -> Q | None:
    """Rows of the user's region for region staff, everything for administrators, else None."""
    if is_administrator.test(user):
        return Q()
    region_id = getattr(user, "region_id", None)
    if (is_caseworker.test(user) or is_coordinator.test(user)) and region_id is not None:
        return Q(region_id=region_id)
    return None
