"""``sentier indicators [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by region,month]
--format json|csv|xlsx``: every indicator of the catalogue, protected, as the issue's contract
writes it (one JSON object; the same rows as CSV or XLSX). Bad dates or unknown breakdowns: a
clear message and exit code 2. Every run is logged like a view of the dashboard."""

from __future__ import annotations

import datetime as dt
import getpass
import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from sentier.insights import exports
from sentier.insights.catalogue import current, known_breakdowns
from sentier.insights.indicators import Period
from sentier.insights.milestones import NOT_HELD_DIMENSIONS, Scope
from sentier.insights.report import EARLIEST, OLDEST, build_report, log_view

#: The exit code of a bad argument (as argparse's own).
BAD_INPUT = 2


def parse_day(text: str, option: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            _("%(option)s must be a date written YYYY-MM-DD, not “%(text)s”.")
            % {"option": option, "text": text},
            returncode=BAD_INPUT,
        ) from None
    if not OLDEST <= day <= timezone.localdate():
        raise CommandError(
            _("%(option)s must be between %(first)s and today.")
            % {"option": option, "first": OLDEST.isoformat()},
            returncode=BAD_INPUT,
        )
    return day


def parse_by(text: str) -> tuple[str, ...]:
    keys = tuple(key.strip() for key in text.split(",") if key.strip())
    for key in keys:
        if key in NOT_HELD_DIMENSIONS:
            raise CommandError(
                _("The files do not hold “%(key)s”: it cannot break the figures down.")
                % {"key": key},
                returncode=BAD_INPUT,
            )
        if key not in known_breakdowns():
            raise CommandError(
                _("Unknown breakdown “%(key)s”. Known: %(known)s.")
                % {"key": key, "known": ", ".join(sorted(known_breakdowns()))},
                returncode=BAD_INPUT,
            )
    if len(set(keys)) != len(keys):
        raise CommandError(_("A breakdown is named twice."), returncode=BAD_INPUT)
    return keys


class Command(BaseCommand):
    help = "Print every indicator of the catalogue, with small cells suppressed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--from", dest="start", default=None, help="YYYY-MM-DD")
        parser.add_argument("--to", dest="end", default=None, help="YYYY-MM-DD")
        parser.add_argument("--by", default="", help="breakdowns, e.g. region,month")
        parser.add_argument("--format", default="json", choices=["json", "csv", "xlsx"])
        parser.add_argument("--indicator", default=None, help="one indicator id")
        parser.add_argument("--output", default=None, help="a file (standard output if none)")

    def handle(self, *args: Any, **options: Any) -> None:
        start = parse_day(options["start"], "--from") if options["start"] else EARLIEST
        end = parse_day(options["end"], "--to") if options["end"] else timezone.localdate()
        if start > end:
            raise CommandError(_("--from must not come after --to."), returncode=BAD_INPUT)
        by = parse_by(options["by"])
        only = None
        if options["indicator"]:
            if options["indicator"] not in {d.id for d in current()}:
                raise CommandError(
                    _("Unknown indicator “%(id)s”.") % {"id": options["indicator"]},
                    returncode=BAD_INPUT,
                )
            only = [options["indicator"]]
        report = build_report(
            Scope(regions=None), period=Period(start, end), by=by, indicators=only, wait=True
        )
        log_view(user=None, channel="cli", report=report, actor_label=_os_user())
        fmt = options["format"]
        if fmt == "xlsx":
            data = exports.write_xlsx(report)
            if options["output"]:
                with open(options["output"], "wb") as out:
                    out.write(data)
            else:
                sys.stdout.buffer.write(data)
                sys.stdout.flush()
            return
        if fmt == "json":
            text = json.dumps(report.as_dict(), ensure_ascii=False, indent=1) + "\n"
        else:
            text = exports.write_csv(report)
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8", newline="") as out:
                out.write(text)
        else:
            self.stdout.write(text, ending="")


def _os_user() -> str:
    try:
        return f"command line ({getpass.getuser()})"
    except (KeyError, OSError):
        return "command line"
