"""``sentier referral_deadlines``: remind organizations of unanswered referrals, expire old ones.

Run it daily (cron, or the ``referral_deadlines`` django-tasks task). ``--now`` replays a given
moment (ISO 8601), for tests and catching up.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from sentier.referrals.deadlines import run_deadlines


class Command(BaseCommand):
    help = "Remind organizations of unanswered referrals and expire the ones past their deadline."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", default=None, help="ISO 8601 date and time to act as now.")

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        if options["now"]:
            try:
                now = dt.datetime.fromisoformat(options["now"])
            except ValueError as exc:
                raise CommandError(_("--now must be a date and time (ISO 8601).")) from exc
            if timezone.is_naive(now):
                now = timezone.make_aware(now)
        run = run_deadlines(now=now)
        self.stdout.write(
            _("%(reminded)d reminders sent, %(expired)d referrals expired.")
            % {"reminded": run.reminded, "expired": run.expired}
        )
