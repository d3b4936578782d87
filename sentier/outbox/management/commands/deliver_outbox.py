"""``sentier deliver_outbox``: deliver due outbox messages (webhooks, file drops, channels).

``--once`` (the default) delivers what is due now and stops; ``--loop`` keeps going, pausing
``--interval`` seconds when nothing is due, until stopped (SIGTERM or Ctrl-C finish the message
in hand first). Several workers may run side by side: each message is taken by one of them.
"""

from __future__ import annotations

import logging
import signal
import time
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError, close_old_connections, connections

from sentier.outbox.delivery import deliver_due

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Deliver due outbox messages once, or keep delivering with --loop."
    # A worker restarts often (deploys, crashes): skip the system checks, the web process runs them.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--once", action="store_true", help="One pass, then stop (default).")
        mode.add_argument("--loop", action="store_true", help="Keep delivering until stopped.")
        parser.add_argument("--limit", type=int, default=500, help="Messages per pass.")
        parser.add_argument(
            "--interval", type=float, default=5.0, help="Seconds to wait when nothing is due."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stopping = False
        if not options["loop"]:
            self._report(deliver_due(limit=options["limit"]))
            return
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        while not self.stopping:
            close_old_connections()
            try:
                report = deliver_due(limit=options["limit"])
            except DatabaseError:
                # The database restarted or is unreachable: nothing was lost (the batch rolled
                # back); wait and try again rather than die.
                log.exception("Outbox delivery pass failed")
                connections.close_all()
                self._sleep(max(options["interval"], 1.0))
                continue
            if report.handled and options["verbosity"] > 1:
                self._report(report)
            if report.handled < options["limit"]:
                self._sleep(options["interval"])

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        self.stopping = True

    def _sleep(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while not self.stopping and time.monotonic() < deadline:
            time.sleep(min(0.05, seconds))

    def _report(self, report: Any) -> None:
        self.stdout.write(
            f"delivered {report.delivered}, retried {report.retried}, "
            f"failed {report.failed}, cancelled {report.cancelled}"
        )
