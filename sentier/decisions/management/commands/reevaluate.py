"""``sentier reevaluate --measure M --date D``: re-evaluate the whole caseload in one batch."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from sentier.decisions.actions import reevaluate_caseload
from sentier.decisions.models import Measure, OutcomeChange

STEPS = {"load": 1, "evaluate": 2, "compare": 3, "save": 4}


def progress_bar(step: str, done: int, total: int) -> None:
    """One line on standard error, redrawn in place: step n of 4, with the rows done."""
    number = STEPS.get(step, 0)
    width = 30
    filled = int(width * (number - 1 + (done / total if total else 1)) / len(STEPS))
    bar = "#" * filled + "-" * (width - filled)
    sys.stderr.write(f"\r[{bar}] {number}/{len(STEPS)} {step:<8} {done}/{total}")
    if step == "save":
        sys.stderr.write("\n")
    sys.stderr.flush()


class Command(BaseCommand):
    help = "Re-evaluate every open file for a measure and list whose outcome changed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--measure", required=True, choices=Measure.values)
        parser.add_argument("--date", required=True, help="YYYY-MM-DD")
        parser.add_argument("--initiated-by", default="ministry", choices=["ministry", "other"])
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            date = dt.date.fromisoformat(options["date"])
        except ValueError as exc:
            raise CommandError(_("The date must be written YYYY-MM-DD.")) from exc
        run = reevaluate_caseload(
            measure=options["measure"],
            date=date,
            initiated_by=options["initiated_by"],
            progress=None if options["no_progress"] else progress_bar,
        )
        self.stdout.write(
            _("%(evaluated)d files evaluated in %(seconds).2f s; %(changed)d outcomes changed.")
            % {"evaluated": run.evaluated, "seconds": run.seconds, "changed": run.changed}
        )
        changes = OutcomeChange.objects.filter(run=run).select_related("participant")
        for change in changes.order_by("participant__file_number"):
            state = _("now eligible") if change.now_eligible else _("no longer eligible")
            self.stdout.write(
                f"  {change.participant.file_number}  {change.participant.full_name:<30} {state}"
            )
