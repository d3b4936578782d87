"""``sentier close_unanswered_ow [--now ISO-DATETIME]``: close every Ontario Works application
whose asked information did not come by its due date (``actions.close_unanswered_ow_applications``).

Run by ``sentier scheduled``; idempotent (a closed application is not seen again). Outside the
Ontario configuration there is nothing to close.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from sentier.ontario.actions import close_unanswered_ow_applications


class Command(BaseCommand):
    help = "Close Ontario Works applications whose asked information did not come by its date."

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
        closed = close_unanswered_ow_applications(now=now)
        self.stdout.write(
            _("%(count)d Ontario Works applications closed: information not received.")
            % {"count": closed}
        )
