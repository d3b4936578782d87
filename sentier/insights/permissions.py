"""Who may read the indicators: program analysts and administrators (every region, aggregated),
ministry coordinators (their region; in Ontario a local office's supervisor, their site)."""

from __future__ import annotations

from rules.permissions import add_perm

from sentier.accounts.permissions import is_administrator, is_analyst, is_coordinator

add_perm("insights.view_indicators", is_analyst | is_coordinator | is_administrator)
# Every region at once (aggregated): analysts and administrators. A coordinator reads their own.
add_perm("insights.view_every_region", is_analyst | is_administrator)
# Freezing a month's report for the record: the same people.
add_perm("insights.freeze_report", is_analyst | is_administrator)
