"""Who may do what with eligibility decisions, as ``rules`` permissions.

- Every staff role reads the rules catalogue (parameters, values, sources); it is in the menu
  of every staff role but partner staff.
- Caseworkers (their own participants') and administrators (all) handle the changes a
  re-evaluation found.

Imported once, by ``DecisionsConfig.ready``.
"""

from __future__ import annotations

from rules.permissions import add_perm

from sentier.accounts.permissions import (
    is_administrator,
    is_caseworker,
    is_partner_staff,
    is_staff,
)

add_perm("decisions.view_rules_catalog", is_staff)
# In the menu: partner staff may open the rules page, but it is not one of their daily pages.
add_perm("decisions.consult_rules", is_staff & ~is_partner_staff)
add_perm("decisions.handle_changes", is_caseworker | is_administrator)
