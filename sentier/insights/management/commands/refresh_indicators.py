"""``sentier refresh_indicators``: compute the indicators' figures that pages will ask for (the
default view of every scope, and every question asked in the last week that is out of date), so
that no page computes them (``sentier.insights.figures``). Run hourly by ``sentier scheduled``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from sentier.insights.figures import refresh_due


class Command(BaseCommand):
    help = "Compute the indicators' figures the pages will show (default views, recent questions)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", default=None, help="ISO 8601 date and time to act as now.")

    def handle(self, *args: Any, **options: Any) -> None:
        now = dt.datetime.fromisoformat(options["now"]) if options["now"] else timezone.now()
        if timezone.is_naive(now):
            now = timezone.make_aware(now)
        rows = refresh_due(now)
        seconds = sum(row.seconds or 0 for row in rows)
        self.stdout.write(f"{len(rows)} question(s) computed in {seconds:.1f} s")
