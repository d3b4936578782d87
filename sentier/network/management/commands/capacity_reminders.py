"""``sentier capacity_reminders``: remind organizations whose capacity is stale, expire offers.

Run it daily (cron, or the ``capacity_reminders`` and ``expire_offers`` django-tasks tasks).
``--now`` replays a given moment (ISO 8601), for tests and catching up. Unanswered waiting-list
offers past their window pass to the next person in the same run.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from sentier.network.actions import expire_offers
from sentier.network.reminders import send_capacity_reminders


def parse_now(value: str | None) -> dt.datetime:
    if not value:
        return timezone.now()
    try:
        now = dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(_("--now must be a date and time (ISO 8601).")) from exc
    return timezone.make_aware(now) if timezone.is_naive(now) else now


class Command(BaseCommand):
    help = "Remind organizations to update stale capacity; expire unanswered place offers."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", default=None, help="ISO 8601 date and time to act as now.")

    def handle(self, *args: Any, **options: Any) -> None:
        now = parse_now(options["now"])
        run = send_capacity_reminders(now=now)
        expired = expire_offers(now=now)
        self.stdout.write(
            _("%(reminded)d organizations reminded, %(skipped)d reminded recently.")
            % {"reminded": len(run.reminded), "skipped": run.skipped}
        )
        self.stdout.write(
            _("%(expired)d offers expired and passed on.") % {"expired": len(expired)}
        )
