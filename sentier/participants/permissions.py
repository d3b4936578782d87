"""Who may do what with a participant file, as ``rules`` permissions (read them as sentences).

- Caseworkers and coordinators see the files within their reach (their region, or their unit
  where a capability scopes staff by unit: ``accounts.scopes``); administrators see every file;
  the person sees their own. The queryset twin is ``selectors.visible_participants_q``.
- Caseworkers change the files within their reach; administrators any file.
- Caseworkers, coordinators and administrators have a caseload page.

Imported once, by ``ParticipantsConfig.ready``.
"""

from __future__ import annotations

from rules.permissions import add_perm

from sentier.accounts.permissions import (
    is_administrator,
    is_caseworker,
    is_coordinator,
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
