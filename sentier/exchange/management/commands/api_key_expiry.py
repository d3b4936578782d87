"""``sentier api_key_expiry``: tell organizations whose API keys stop working soon (daily).

``--now`` replays a given moment (ISO 8601), for tests and catching up.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from sentier.exchange.expiry import send_expiry_notices
from sentier.network.management.commands.capacity_reminders import parse_now


class Command(BaseCommand):
    help = "Tell organizations, once, that one of their API keys stops working soon."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", default=None, help="ISO 8601 date and time to act as now.")

    def handle(self, *args: Any, **options: Any) -> None:
        told = send_expiry_notices(now=parse_now(options["now"]))
        self.stdout.write(
            _("%(count)d API keys ending soon, organizations told.") % {"count": len(told)}
        )
