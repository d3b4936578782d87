"""``sentier correspondence``: write the reminders due on the people's files (a follow-up in the
next days, in Ontario an action plan's review, a consent about to end), then plan the notices of
the events that ask something of the person (one per event and channel) and queue their
e-mails; letters wait for the day's mailing, calls land on the caseworkers' worklists.

``--now`` replays a given moment (ISO 8601). Run it at least daily (``sentier scheduled`` runs it
every hour). Safe to run again: no reminder is written twice, nothing is planned twice.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sentier.correspondence.actions import plan_notices, write_reminders
from sentier.network.management.commands.capacity_reminders import parse_now


class Command(BaseCommand):
    help = "Plan the notices to participants (e-mail, letter, call) of recent events."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", default=None, help="ISO 8601 date and time to act as now.")

    def handle(self, *args: Any, **options: Any) -> None:
        now = parse_now(options["now"])
        reminders = write_reminders(now=now)
        created = plan_notices(now=now)
        self.stdout.write(f"{len(reminders)} reminders written, {len(created)} notices planned.")
