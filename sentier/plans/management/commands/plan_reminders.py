"""``sentier plan_reminders [--now ISO-DATETIME] [--hours N]``: queue one e-mail task per
caseworker for follow-ups due in the next N hours (24) or overdue and not reminded yet.

Run it every hour or every morning (cron or a scheduler); ``--now`` injects the time (tests,
replays). The e-mails leave from ``manage.py db_worker``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from sentier.plans.reminders import queue_reminders


class Command(BaseCommand):
    help = "Queue e-mail reminders of support plan follow-ups coming up or overdue."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", default=None, help="the time to act as (ISO 8601)")
        parser.add_argument("--hours", type=int, default=24)

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        if options["now"]:
            try:
                now = dt.datetime.fromisoformat(options["now"])
            except ValueError as exc:
                raise CommandError(f"--now: not an ISO date and time: {options['now']}") from exc
            if timezone.is_naive(now):
                now = timezone.make_aware(now)
        queued = queue_reminders(now=now, ahead=dt.timedelta(hours=options["hours"]))
        self.stdout.write(
            _("%(follow_ups)d follow-ups, %(caseworkers)d caseworkers: reminders queued.")
            % {
                "follow_ups": sum(len(ids) for ids in queued.values()),
                "caseworkers": len(queued),
            }
        )
