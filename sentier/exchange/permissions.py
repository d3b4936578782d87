"""Who may do what with partner systems' keys and deliveries, as ``rules`` permissions.

- Administrators, and partner staff for their own organization, manage its API keys and
  endpoints and see its outgoing deliveries. Inactive accounts do nothing.

Imported once, by ``ExchangeConfig.ready``.
"""

from __future__ import annotations

from typing import Any

from rules.permissions import add_perm
from rules.predicates import predicate

from sentier.accounts.permissions import is_active_user, is_administrator, is_partner_staff


@predicate
def works_for_organization(user: Any, organization: Any) -> bool:
    """The organization (an ``Organization`` row) is the one the user works for."""
    return organization is not None and getattr(user, "organization_id", None) == organization.pk


can_manage_keys = is_active_user & (is_administrator | (is_partner_staff & works_for_organization))

add_perm("exchange.manage_keys", can_manage_keys)
add_perm("exchange.view_deliveries", can_manage_keys)
