"""``sentier refresh_indicators``: compute the indicators' figures that pages will ask for (the
default view of every scope, and every question asked in the last week that is out of date), so
that no page computes them (``sentier.insights.figures``). Run hourly by ``sentier scheduled``:
the first run of a local day (or ``--full``, or a new catalogue version) builds the ledger again
and computes every figure in full; the others refresh the ledger with the rows changed since and
count the flows and rates again from it (``sentier.insights.ledger``)."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from sentier.insights.figures import refresh_scheduled


class Command(BaseCommand):
    help = "Compute the indicators' figures the pages will show (default views, recent questions)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", default=None, help="ISO 8601 date and time to act as now.")
        parser.add_argument(
            "--full",
            action="store_true",
            help="Build the ledger again and compute every figure in full.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        now = dt.datetime.fromisoformat(options["now"]) if options["now"] else timezone.now()
        if timezone.is_naive(now):
            now = timezone.make_aware(now)
        start = time.perf_counter()
        done = refresh_scheduled(now, full=options["full"])
        how = "in full" if done.full else "from the ledger"
        seconds = time.perf_counter() - start
        self.stdout.write(f"{len(done.rows)} question(s) computed {how} in {seconds:.1f} s")
