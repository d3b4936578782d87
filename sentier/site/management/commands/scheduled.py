"""``sentier scheduled``: every time-driven job, in one command for cron or a systemd timer.

Reminders, expiries and purges are functions of "now" (injected in tests); something must call
them. Run this every hour (``0 * * * * sentier scheduled``); each job is idempotent, so running it
late or twice does no harm. Deliveries of the outbox also run continuously with
``sentier deliver_outbox --loop``; the pass here catches up if that worker is down.
"""

from __future__ import annotations

import traceback
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

# (command, takes --now). Order: expire before reminding, deliver what the others queued last.
JOBS: tuple[tuple[str, bool], ...] = (
    ("referral_deadlines", True),
    # Before expire_offers: an offer's window starts only once its person is told.
    ("correspondence", True),
    ("expire_offers", True),
    ("close_unanswered_ow", True),
    ("capacity_reminders", True),
    ("plan_reminders", True),
    ("odsp_deadlines", True),
    ("api_key_expiry", True),
    ("purge_drafts", False),
    ("deliver_outbox", False),
    # Last: the longest (minutes at a million files), and nothing waits for it.
    ("refresh_indicators", True),
)


class Command(BaseCommand):
    help = "Run every time-driven job once (reminders, expiries, purges, outbox deliveries)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", default=None, help="ISO 8601 date and time to act as now.")

    def handle(self, *args: Any, **options: Any) -> None:
        failed = []
        for name, takes_now in JOBS:
            self.stdout.write(f"== {name}")
            kwargs: dict[str, Any] = {}
            if takes_now and options["now"]:
                kwargs["now"] = options["now"]
            try:
                call_command(name, stdout=self.stdout, stderr=self.stderr, **kwargs)
            except Exception:  # one job's failure must not stop the others
                self.stderr.write(traceback.format_exc())
                failed.append(name)
        if failed:
            raise CommandError(f"failed: {', '.join(failed)}")
