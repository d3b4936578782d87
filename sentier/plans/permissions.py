"""Who may do what with a support plan, as ``rules`` permissions (read them as sentences).

- A caseworker who may change the participant's file (their region), or an administrator,
  runs the plan: proposes it, records requests and agreement, writes its content, decides
  extensions, ends or completes it.
- Whoever may view the file sees the plan (coordinators of the region read it too).
- The person whose plan it is reads it, agrees or declines, asks for an extension, ends it.
- Caseworkers, coordinators and administrators open the worklist page (a caseworker's shows
  their own plans).
- Staff of an organization the caseworker shared the running of the plan with (the person
  consenting) open it and write its objectives, actions and follow-ups while the share runs,
  within the kinds of information the person consented to share (the selectors filter; this
  predicate only opens the door).

Imported once, by ``PlansConfig.ready``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rules import permissions, predicates

from sentier.accounts.permissions import (
    is_administrator,
    is_caseworker,
    is_coordinator,
    is_partner_staff,
    is_the_person,
)
from sentier.participants.permissions import (
    can_change_participant,
    can_view_participant,
)

predicate: Callable[[Callable[..., bool]], Any] = predicates.predicate
add_perm: Callable[[str, Any], None] = permissions.add_perm


def _participant(plan: Any) -> Any:
    return getattr(plan, "participant", None)


@predicate
def may_change_file(user: Any, plan: Any) -> bool:
    return bool(can_change_participant.test(user, _participant(plan)))


@predicate
def may_view_file(user: Any, plan: Any) -> bool:
    return bool(can_view_participant.test(user, _participant(plan)))


@predicate
def is_plan_person(user: Any, plan: Any) -> bool:
    return bool(is_the_person.test(user, _participant(plan)))


@predicate
def organization_shares_the_plan(user: Any, plan: Any) -> bool:
    organization_id = getattr(user, "organization_id", None)
    if organization_id is None or getattr(plan, "pk", None) is None:
        return False
    return bool(
        plan.shares.filter(organization_id=organization_id, taken_back_at__isnull=True).exists()
    )


add_perm("plans.manage_plan", may_change_file)
add_perm("plans.contribute", is_partner_staff & organization_shares_the_plan)
add_perm("plans.list_shared", is_partner_staff)
add_perm("plans.view_plan", may_view_file)
add_perm("plans.participate", is_plan_person)
add_perm("plans.view_worklist", is_caseworker | is_coordinator | is_administrator)
