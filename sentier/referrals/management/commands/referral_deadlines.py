"""``sentier referral_deadlines``: remind organizations of unanswered referrals, expire old ones.

Run it daily (cron, or the ``referral_deadlines`` django-tasks task). ``--now`` replays a given
moment (ISO 8601), for tests and catching up.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from sentier.core.commands import add_now_argument, now_from
from sentier.referrals.deadlines import run_deadlines


class Command(BaseCommand):
    help = "Remind organizations of unanswered referrals and expire the ones past their deadline."

    def add_arguments(self, parser: CommandParser) -> None:
        add_now_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        now = now_from(options)
        run = run_deadlines(now=now)
        self.stdout.write(
            _("%(reminded)d reminders sent, %(expired)d referrals expired.")
            % {"reminded": run.reminded, "expired": run.expired}
        )
