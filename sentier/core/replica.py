"""Reads that may come from the streaming replica, and the router that sends them there.

A view opts in for a block of reads with :func:`replica_reads`: reporting (the statistics page)
and the partner API's polling of lists. Nothing that must read its own writes does: every
action, form page and file page reads the primary, and so does everything outside such a block.

The replica is used only while it is close behind: its lag (``now()`` minus the time of the last
transaction it replayed, 0 when it has replayed all it received) is read at most every
``SENTIER_REPLICA_CHECK_SECONDS`` per process; above ``SENTIER_REPLICA_MAX_LAG_SECONDS``, or when
it cannot be reached, reads go to the primary. A reader of the replica therefore sees the
database as it was at most that many seconds ago (plus the check interval).
"""

from __future__ import annotations

import contextvars
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connections

log = logging.getLogger(__name__)

REPLICA = "replica"

_replica_wanted: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "sentier_replica_wanted", default=False
)


@contextmanager
def replica_reads() -> Iterator[None]:
    """Inside the block, reads may come from the replica (see the module's docstring)."""
    token = _replica_wanted.set(True)
    try:
        yield
    finally:
        _replica_wanted.reset(token)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


def replica_lag_seconds() -> float:
    """How far behind the primary the replica is, by its own clock."""
    try:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute(
                "SELECT CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 "
                "ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0) "
                "END"
            )
            row = cursor.fetchone()
    except DatabaseError:
        connections[REPLICA].close()  # a new connection next time
        raise
    return float(row[0]) if row and row[0] is not None else 0.0


class _Health:
    """The last verdict on the replica, kept for ``SENTIER_REPLICA_CHECK_SECONDS``."""

    checked_at: float = float("-inf")
    usable: bool = False


_health = _Health()


def replica_usable() -> bool:
    """Whether the replica is reachable and within the allowed lag (checked now and then)."""
    now = time.monotonic()
    if now - _health.checked_at < settings.SENTIER_REPLICA_CHECK_SECONDS:
        return _health.usable
    try:
        lag = replica_lag_seconds()
    except DatabaseError:
        log.warning("The replica cannot be reached: reads go to the primary.")
        usable = False
    else:
        usable = lag <= settings.SENTIER_REPLICA_MAX_LAG_SECONDS
        if not usable:
            log.warning("The replica is %.1f s behind: reads go to the primary.", lag)
    _health.checked_at, _health.usable = now, usable
    return usable


def forget_replica_health() -> None:
    """Check the replica again on the next read (tests, and after a fail-over)."""
    _health.checked_at = float("-inf")


class ReplicaRouter:
    """Reads inside :func:`replica_reads` go to the replica when one is configured and usable;
    every other read, and every write, goes to the primary. The replica is never migrated: it
    copies the primary's schema by streaming."""

    def db_for_read(self, model: type[Any], **hints: Any) -> str | None:
        if _replica_wanted.get() and replica_configured() and replica_usable():
            return REPLICA
        return None

    def db_for_write(self, model: type[Any], **hints: Any) -> str:
        return "default"

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        # Both hold the same rows: a row read from the replica may point at one of the primary.
        databases = {"default", REPLICA}
        if obj1._state.db in databases and obj2._state.db in databases:
            return True
        return None

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        return False if db == REPLICA else None
