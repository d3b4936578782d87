"""Who may read the indicators: program analysts and administrators (every region, aggregated),
ministry coordinators (their region; in Ontario a local office's supervisor, their site)."""

from __future__ import annotations

from rules.permissions import add_perm

from sentier.accounts.permissions import is_administrator, is_analyst, is_coordinator

add_perm("insights.view_indicators", is_analyst | is_coordinator | is_administrator)
