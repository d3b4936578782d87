"""``sentier decide [FILE]``: answer JSON decision requests with the rules (sentier_rules.cli)."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sentier_rules.cli import main as rules_main


class Command(BaseCommand):
    help = "Decide eligibility for JSON requests read from FILE or standard input."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        argv = ["decide"] + ([options["file"]] if options["file"] else [])
        sys.exit(rules_main(argv))
