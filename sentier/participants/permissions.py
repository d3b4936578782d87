"""Who may do what with a participant file, as ``rules`` permissions (read them as sentences).

- Caseworkers and coordinators see the files within their reach (their region, or their unit
  where a capability scopes staff by unit: ``accounts.scopes``); administrators see every file;
  the person sees their own. The queryset twin is :func:`visible_participants_q`.
- Caseworkers change the files within their reach; administrators any file.
- Caseworkers, coordinators and administrators have a caseload page; caseworkers hold one
  (files are assigned to them: their own worklists and reminders).
- A participant has pages about their own file (my file, my plan, my referrals, my consents).
- A coordinator oversees their region: its files by program and its caseworkers' caseloads.

Imported once, by ``ParticipantsConfig.ready``.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from rules.permissions import add_perm

from sentier.accounts import scopes
from sentier.accounts.models import Role
from sentier.accounts.permissions import (
    is_administrator,
    is_caseworker,
    is_coordinator,
    is_participant,
    is_the_person,
    within_reach,
)

can_view_participant = (
    ((is_caseworker | is_coordinator) & within_reach) | is_administrator | is_the_person
)
can_change_participant = (is_caseworker & within_reach) | is_administrator
can_view_history = ((is_caseworker | is_coordinator) & within_reach) | is_administrator

add_perm("participants.view_participant", can_view_participant)
add_perm("participants.change_participant", can_change_participant)
add_perm("participants.view_participant_history", can_view_history)
add_perm("participants.view_caseload", is_caseworker | is_coordinator | is_administrator)
add_perm("participants.hold_caseload", is_caseworker)
add_perm("participants.view_own_file", is_participant)
add_perm("participants.oversee_region", is_coordinator)


def visible_participants_q(user: Any) -> Q:
    """The rows ``user`` may see, as a filter: the queryset twin of ``can_view_participant``.
    Staff reach their unit's files where a capability scopes them by unit (``accounts.scopes``),
    else their region's."""
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if is_administrator.test(user):
        return Q()
    if (is_caseworker.test(user) or is_coordinator.test(user)) and user.region_id is not None:
        unit = scopes.files_q(user)
        return Q(region_id=user.region_id) if unit is None else unit
    if is_participant.test(user):
        return Q(user_id=user.pk)
    return Q(pk__in=[])


def caseload_holders_q(region: Any) -> Q:
    """The users who hold a caseload in ``region``: the queryset twin of
    ``participants.hold_caseload`` (for a coordinator's view of their region's team)."""
    return Q(role=Role.CASEWORKER, region=region)
