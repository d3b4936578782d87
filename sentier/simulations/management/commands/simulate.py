"""``sentier simulate --date YYYY-MM-DD --set PATH@YYYY-MM-DD=VALUE [--set …] --format json``.

Prints the simulation over the open files as JSON (issue 20's contract): money as decimal
strings, a suppressed figure as ``null`` with ``"suppressed": true``. An unknown path, a value of
the wrong type or a malformed date gets a one-line message on standard error and exit code 2,
never a traceback. The run is logged (channel: command line).
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sentier.simulations import actions, compute
from sentier.simulations.changes import ChangeError, parse_date, parse_set_option
from sentier.simulations.models import RunChannel


class Command(BaseCommand):
    help = "Simulate parameter changes over the open files and print the aggregates as JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", required=True, help="Reference date, YYYY-MM-DD.")
        parser.add_argument(
            "--set",
            dest="changes",
            action="append",
            required=True,
            metavar="PATH@YYYY-MM-DD=VALUE",
            help="A parameter change (repeatable), e.g. support_plan.regions.06@2027-01-01=true.",
        )
        parser.add_argument("--format", choices=["json"], default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            date = parse_date(options["date"])
            changes = [parse_set_option(option) for option in options["changes"]]
        except ChangeError as error:
            self.stderr.write(f"simulate: {error.message}")
            sys.exit(2)
        results = actions.run_simulation(
            actor=None, changes=changes, date=date, channel=RunChannel.COMMAND
        )
        self.stdout.write(json.dumps(compute.contract_json(results), ensure_ascii=False))
