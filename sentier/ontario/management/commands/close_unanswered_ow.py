"""``sentier close_unanswered_ow [--now ISO-DATETIME]``: close every Ontario Works application
whose asked information did not come by its due date (``actions.close_unanswered_ow_applications``).

Run by ``sentier scheduled``; idempotent (a closed application is not seen again). Outside the
Ontario configuration there is nothing to close.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from sentier.core.commands import add_now_argument, now_from
from sentier.ontario.actions import close_unanswered_ow_applications


class Command(BaseCommand):
    help = "Close Ontario Works applications whose asked information did not come by its date."

    def add_arguments(self, parser: CommandParser) -> None:
        add_now_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        now = now_from(options)
        closed = close_unanswered_ow_applications(now=now)
        self.stdout.write(
            _("%(count)d Ontario Works applications closed: information not received.")
            % {"count": closed}
        )
