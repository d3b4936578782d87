"""``sentier odsp_deadlines [--now ISO-DATETIME]``: close the ODSP applications whose request for
missing information went unanswered past its due date (issue 15). Idempotent; run by
``sentier scheduled`` every hour. Nothing to do outside the Ontario configuration.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import ngettext

from sentier.ontario.odsp.actions import close_unanswered_requests


class Command(BaseCommand):
    help = "Close ODSP applications whose request for information went unanswered."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", default=None, help="the time to act as (ISO 8601)")

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        if options["now"]:
            try:
                now = dt.datetime.fromisoformat(options["now"])
            except ValueError as exc:
                raise CommandError(f"--now: not an ISO date and time: {options['now']}") from exc
            if timezone.is_naive(now):
                now = timezone.make_aware(now)
        closed = close_unanswered_requests(now=now)
        self.stdout.write(
            ngettext(
                "%(count)d ODSP application closed: the information asked for did not come.",
                "%(count)d ODSP applications closed: the information asked for did not come.",
                len(closed),
            )
            % {"count": len(closed)}
        )
