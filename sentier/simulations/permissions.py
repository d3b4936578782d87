"""Who may simulate: program analysts and administrators (aggregates only, see compute.py)."""

from __future__ import annotations

from rules.permissions import add_perm

from sentier.accounts.permissions import is_administrator, is_analyst

add_perm("simulations.run_simulation", is_analyst | is_administrator)
