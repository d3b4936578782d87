"""Run real actions as if they happened at a past moment: how the demo dates each step of a file.

A demo file tells a story over weeks (the file opened, a plan agreed, follow-ups held, a referral
answered). The demo goes through the real actions, and those stamp "now". Inside
``acting_at(moment)``, "now" is ``moment``, running on from there so that the steps of a block
keep their order, for everything that asks Django for the time: the actions' timeline events and
rows, ``auto_now`` fields, the change history, and ``timezone.localdate()`` (so today's date is the
step's day, and the actions' own date checks hold as they would have then).

The block replaces ``django.utils.timezone.now`` while it lasts, and only for the context that
entered it: another thread, or code outside the block, reads the real clock. It is for demo data
and tests, never for a request. Only the past can be set: a demo never has happened tomorrow.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from contextvars import ContextVar

from django.utils import timezone

_real_now = timezone.now

#: How far the clock is set back in this context (None: the real clock).
_offset: ContextVar[dt.timedelta | None] = ContextVar("sentier_clock_offset", default=None)


def _now() -> dt.datetime:
    offset = _offset.get()
    real = _real_now()
    return real if offset is None else real + offset


@contextlib.contextmanager
def acting_at(moment: dt.datetime) -> Iterator[dt.datetime]:
    """Within the block, the time is ``moment`` (aware, not in the future), running on from it."""
    if timezone.is_naive(moment):
        raise ValueError("acting_at needs an aware datetime")
    real = _real_now()
    if moment > real:
        raise ValueError(f"acting_at cannot set the clock in the future ({moment.isoformat()})")
    token = _offset.set(moment - real)
    installed_here = timezone.now is _real_now
    if installed_here:
        setattr(timezone, "now", _now)  # noqa: B010 (mypy refuses assigning to a function)
    try:
        yield moment
    finally:
        _offset.reset(token)
        if installed_here:
            setattr(timezone, "now", _real_now)  # noqa: B010


def real_localdate() -> dt.date:
    """Today's local date by the real clock, even inside a block (a story's dates are planned
    from the real today)."""
    return timezone.localtime(_real_now()).date()


def at_local(days: int, hour: int, minute: int = 0) -> dt.datetime:
    """``days`` from the real today (negative: in the past) at ``hour``:``minute``, local time,
    but never later than now: a step planned today at an hour still to come happens just now."""
    real = _real_now()
    day = real_localdate() + dt.timedelta(days=days)
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))
    return min(moment, real - dt.timedelta(minutes=1))
