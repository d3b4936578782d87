"""``sentier synth --participants N [--seed S] [--force]``: fill a PostgreSQL database with a
synthetic province (:mod:`sentier.site.synth`), to measure pages and load at scale."""

from __future__ import annotations

import datetime as dt
import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from sentier.accounts.models import Role, User
from sentier.core.jurisdiction import app_enabled
from sentier.paas.statements.actions import generate_statements
from sentier.site.statistics import forget_file_counts
from sentier.site.synth import real_accounts, synthesize


def progress_bar(step: str, done: int, total: int) -> None:
    """One line on standard error, redrawn in place."""
    width = 30
    filled = int(width * done / total) if total else width
    sys.stderr.write(f"\r[{'#' * filled}{'-' * (width - filled)}] {step} {done:,}/{total:,}")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


class Command(BaseCommand):
    help = "Fill a PostgreSQL database with synthetic participant files and their records."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--participants", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--force", action="store_true", help="Run even on a database that holds real data."
        )
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError(
                _(
                    "sentier synth writes with PostgreSQL’s COPY: set DATABASE_URL to a "
                    "PostgreSQL database."
                )
            )
        if options["participants"] < 1:
            raise CommandError(_("--participants must be at least 1."))
        real = real_accounts()
        if real and not options["force"]:
            raise CommandError(
                _(
                    "This database holds %(count)d accounts that are neither demo nor synthetic "
                    "ones: it may hold real people’s data. Use --force to add synthetic files "
                    "anyway."
                )
                % {"count": real}
            )
        started = time.perf_counter()
        counts = synthesize(
            participants=options["participants"],
            seed=options["seed"],
            progress=None if options["no_progress"] else progress_bar,
        )
        admin = User.objects.filter(role=Role.ADMINISTRATOR).order_by("id").first()
        if admin is not None and app_enabled("paas"):  # PAAS Action is Québec's
            last_month = (timezone.localdate().replace(day=1) - dt.timedelta(days=1)).replace(day=1)
            generate_statements(actor=admin, month=last_month)
        forget_file_counts()
        seconds = time.perf_counter() - started
        for table, rows in sorted(counts.items()):
            self.stdout.write(f"{table:<40} {rows:>12,}")
        self.stdout.write(
            _("%(files)d synthetic files and %(rows)d rows in %(seconds).0f s.")
            % {"files": options["participants"], "rows": sum(counts.values()), "seconds": seconds}
        )
