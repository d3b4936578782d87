"""Who may do what with referrals, as ``rules`` permissions.

- Caseworkers, coordinators and administrators see the referrals sent for the files they see.
- Caseworkers and coordinators are told about their referrals (expiries, answers) on their home.
- Partner staff answer the referrals sent to their organization (the receiving side).

Imported once, by ``ReferralsConfig.ready``.
"""

from __future__ import annotations

from typing import Any

from rules.permissions import add_perm
from rules.predicates import predicate

from sentier.accounts.permissions import (
    is_administrator,
    is_caseworker,
    is_coordinator,
    is_partner_staff,
)


@predicate
def sent_to_their_organization(user: Any, referral: Any) -> bool:
    organization_id = getattr(user, "organization_id", None)
    return organization_id is not None and organization_id == getattr(
        referral, "organization_id", None
    )


add_perm("referrals.view_sent", is_caseworker | is_coordinator | is_administrator)
add_perm("referrals.receive_sender_notices", is_caseworker | is_coordinator)
add_perm("referrals.answer_referral", is_partner_staff & sent_to_their_organization)
