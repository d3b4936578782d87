"""``sentier plan_reminders [--now ISO-DATETIME] [--hours N]``: queue one e-mail task per
caseworker for follow-ups due in the next N hours (24) or overdue and not reminded yet.

Run it every hour or every morning (cron or a scheduler); ``--now`` injects the time (tests,
replays). The e-mails leave from ``manage.py db_worker``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from sentier.core.commands import add_now_argument, now_from
from sentier.plans.reminders import queue_reminders


class Command(BaseCommand):
    help = "Queue e-mail reminders of support plan follow-ups coming up or overdue."

    def add_arguments(self, parser: CommandParser) -> None:
        add_now_argument(parser)
        parser.add_argument("--hours", type=int, default=24)

    def handle(self, *args: Any, **options: Any) -> None:
        now = now_from(options)
        queued = queue_reminders(now=now, ahead=dt.timedelta(hours=options["hours"]))
        self.stdout.write(
            _("%(follow_ups)d follow-ups, %(caseworkers)d caseworkers: reminders queued.")
            % {
                "follow_ups": sum(len(ids) for ids in queued.values()),
                "caseworkers": len(queued),
            }
        )
