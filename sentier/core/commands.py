"""What the scheduled commands share: the ``--now`` option, the moment a run acts as (tests and
catch-up runs set it; by default the real time)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _


def add_now_argument(parser: CommandParser) -> None:
    parser.add_argument("--now", default=None, help="ISO 8601 date and time to act as now.")


def now_from(options: dict[str, Any]) -> dt.datetime:
    """The ``--now`` given (a date and time without a zone is read in the local zone), or now."""
    given = options.get("now")
    if not given:
        return timezone.now()
    try:
        moment = dt.datetime.fromisoformat(given)
    except ValueError as exc:
        raise CommandError(_("--now must be a date and time (ISO 8601).")) from exc
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment
