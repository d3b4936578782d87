"""``sentier odsp_deadlines [--now ISO-DATETIME]``: close the ODSP applications whose request for
missing information went unanswered past its due date (issue 15). Idempotent; run by
``sentier scheduled`` every hour. Nothing to do outside the Ontario configuration.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import ngettext

from sentier.core.commands import add_now_argument, now_from
from sentier.ontario.odsp.actions import close_unanswered_requests


class Command(BaseCommand):
    help = "Close ODSP applications whose request for information went unanswered."

    def add_arguments(self, parser: CommandParser) -> None:
        add_now_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        now = now_from(options)
        closed = close_unanswered_requests(now=now)
        self.stdout.write(
            ngettext(
                "%(count)d ODSP application closed: the information asked for did not come.",
                "%(count)d ODSP applications closed: the information asked for did not come.",
                len(closed),
            )
            % {"count": len(closed)}
        )
