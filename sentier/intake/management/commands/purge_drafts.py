"""``sentier purge_drafts``: delete unsent application drafts older than the retention period.

Run it daily (cron or a scheduled task); ``SENTIER_DRAFT_DAYS`` sets the period (30 days).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from sentier.intake.actions import purge_stale_drafts


class Command(BaseCommand):
    help = "Delete unsent application drafts untouched for longer than SENTIER_DRAFT_DAYS."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        count = purge_stale_drafts(older_than_days=options["days"])
        self.stdout.write(_("%(count)d unsent drafts deleted.") % {"count": count})
