"""``sentier expire_offers``: unanswered place offers past their window pass to the next person.

``--now`` replays a given moment (ISO 8601). ``capacity_reminders`` does this too.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from sentier.network.actions import expire_offers
from sentier.network.management.commands.capacity_reminders import parse_now


class Command(BaseCommand):
    help = "Expire unanswered waiting-list offers and offer each place to the next person."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", default=None, help="ISO 8601 date and time to act as now.")

    def handle(self, *args: Any, **options: Any) -> None:
        expired = expire_offers(now=parse_now(options["now"]))
        self.stdout.write(
            _("%(expired)d offers expired and passed on.") % {"expired": len(expired)}
        )
