"""A test world built once per process and put back, row for row, in each test's transaction.

A fixture that builds the same world for every test (the Ontario reference data and personas:
a few hundred rows written through the loaders, a third of each Ontario test's time) calls
``replayed(name, build)`` instead of ``build()``. The first time in a process (for ``name``, the
configuration, ``SENTIER_JURISDICTION``, and the local day: what a build writes may be dated
from today) it is recorded, inside the test's transaction:

1. ``build()`` runs inside a savepoint, watched by :class:`~sentier.core.testing.written.Written`
   (PostgreSQL's per-transaction counts, SQLite's temporary triggers): which tables it wrote to;
2. those tables are read (after), the savepoint is rolled back, and they are read again (before):
   the rows the build inserted, updated and deleted, kept in memory (raw values on SQLite, each
   row as PostgreSQL's own ``to_jsonb`` text), with the primary keys of what ``build`` returned;
3. the change is put back (below) and the tables are read a third time: equal to "after", or the
   recording fails loudly.

Every later test puts the change back in its own transaction: a DELETE, UPDATE and INSERT per
table (``executemany`` on SQLite, ``jsonb_populate_recordset`` on PostgreSQL), then PostgreSQL's
sequences moved past the rows put back (SQLite's AUTOINCREMENT follows by itself). Foreign keys
are checked at the end of the transaction on both databases (Django makes them ``DEFERRABLE
INITIALLY DEFERRED``), so the tables can come back in any order. The test's rollback takes the
rows away again: no test sees another's writes, nor the world if it did not ask for it.

What is returned is read from the database for each test (``build`` returns a mapping of model
instances; each test gets new instances of the same rows), never shared between tests.

What it does not put back: anything outside the database (files, in-process caches; the
ContentType cache is cleared if the build wrote content types), and ``on_commit`` callbacks (a
test's transaction never commits). The change is put back only onto the tables as they were
when it was recorded: if the counts of its tables differ (a transactional test before emptied
the database, a fixture of this test wrote first), ``build()`` runs as it always did. Outside a
transaction (``transactional_db``) too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorWrapper
from django.db.models import Model
from django.utils import timezone

from sentier.core.testing.written import Written

M = TypeVar("M", bound=Model)

#: One row as read and written back: a tuple of raw values (SQLite), a JSON text (PostgreSQL).
Row = Any


class ReplayError(AssertionError):
    """The world cannot be recorded, or its replay is not what the build made."""


@dataclass(frozen=True)
class TableChange:
    """What a build did to one table, with what it needs to be done again."""

    table: str
    pk: str
    columns: tuple[str, ...]
    sequence: str | None  # PostgreSQL: the primary key's sequence, moved past the rows put back
    count_before: int
    inserted: tuple[Row, ...]
    updated: tuple[Row, ...]
    deleted: tuple[Row, ...]


@dataclass(frozen=True)
class Recording:
    """A build's changes to the database, and the rows of what it returned."""

    changes: tuple[TableChange, ...]
    returned: tuple[tuple[str, type[Model], Any], ...]  # key, model, primary key
    built_between: tuple[dt.datetime, dt.datetime]  # when the recorded build ran

    def fits(self) -> bool:
        """Whether the tables hold as many rows as when the change was recorded."""
        counts = _database().counts(change.table for change in self.changes)
        return all(counts[change.table] == change.count_before for change in self.changes)

    def replay(self) -> None:
        """Put the change back, in the current transaction."""
        database = _database()
        for change in self.changes:
            database.write(change)
        if any(change.table == ContentType._meta.db_table for change in self.changes):
            ContentType.objects.clear_cache()

    def instances(self) -> dict[str, Any]:
        """What the build returned, read again: new instances of the same rows."""
        pks: dict[type[Model], list[Any]] = {}
        for _key, model, pk in self.returned:
            pks.setdefault(model, []).append(pk)
        found = {model: model._default_manager.in_bulk(keys) for model, keys in pks.items()}
        return {key: found[model][pk] for key, model, pk in self.returned}


_RECORDINGS: dict[tuple[str, str, str], Recording] = {}


def replayed(name: str, build: Callable[[], Mapping[str, M]]) -> dict[str, M]:
    """What ``build()`` makes of the database, recorded the first time in this process (for
    ``name``, the configuration and the local day) and put back afterwards; returns what
    ``build`` returned, as new instances read from the database."""
    connection = _connection()
    if not connection.in_atomic_block or connection.vendor not in REPLAYED_ON:
        # A transactional test (no transaction to roll a build back in), another database.
        return _read_again(build())
    key = (name, str(settings.SENTIER_JURISDICTION), timezone.localdate().isoformat())
    recording = _RECORDINGS.get(key)
    if recording is None:
        recording = _RECORDINGS[key] = record(build)
    elif recording.fits():
        recording.replay()
    else:
        return _read_again(build())
    return cast(dict[str, M], recording.instances())


def record(build: Callable[[], Mapping[str, Model]]) -> Recording:
    """Run ``build`` and record what it changed (see the module's docstring); the world is left
    in place, put back from the recording and checked against what ``build`` made."""
    connection = _connection()
    if not connection.in_atomic_block:
        raise ReplayError("a world is recorded inside a transaction")
    database = _database()
    with Written.watching(connection.introspection.table_names()) as written:
        mark = written.mark()
        savepoint = transaction.savepoint()
        start = timezone.now()
        try:
            returned = build()
        except BaseException:
            transaction.savepoint_rollback(savepoint)
            raise
        end = timezone.now()
        tables = sorted(written.since(mark))
        after = {table: database.read(table) for table in tables}
        transaction.savepoint_rollback(savepoint)
    before = {table: database.read(table) for table in tables}
    recording = Recording(
        changes=tuple(
            _change(database, table, before[table], after[table])
            for table in tables
            if before[table] != after[table]
        ),
        returned=tuple((key, type(row), row.pk) for key, row in returned.items()),
        built_between=(start, end),
    )
    recording.replay()
    for table in tables:
        if database.read(table) != after[table]:
            raise ReplayError(f"{table}: the rows put back are not those the build wrote")
    return recording


def _change(database: _Database, table: str, before: _Table, after: _Table) -> TableChange:
    return TableChange(
        table=table,
        pk=before.pk,
        columns=before.columns,
        sequence=database.sequence(table, before.pk),
        count_before=len(before.rows),
        inserted=tuple(row for key, row in after.rows.items() if key not in before.rows),
        updated=tuple(
            row for key, row in after.rows.items() if key in before.rows and before.rows[key] != row
        ),
        deleted=tuple(row for key, row in before.rows.items() if key not in after.rows),
    )


def _read_again(returned: Mapping[str, M]) -> dict[str, M]:
    return {key: type(row)._default_manager.get(pk=row.pk) for key, row in returned.items()}


# ---------------------------------------------------------------- reading and writing rows


@dataclass(frozen=True)
class _Table:
    pk: str
    columns: tuple[str, ...]
    rows: dict[Hashable, Row]


class _Database:
    """How rows are read and written back (SQLite: raw values; PostgreSQL: below)."""

    def __init__(self, connection: BaseDatabaseWrapper) -> None:
        self.connection = connection
        self.quote = connection.ops.quote_name

    def _cursor(self) -> CursorWrapper:
        return self.connection.cursor()

    def columns(self, cursor: CursorWrapper, table: str) -> tuple[str, tuple[str, ...]]:
        """The table's primary key and its columns."""
        introspection = self.connection.introspection
        keys = introspection.get_primary_key_columns(cursor, table) or []
        if len(keys) != 1:
            raise ReplayError(f"{table}: a world is replayed by a primary key of one column")
        description = introspection.get_table_description(cursor, table)
        return keys[0], tuple(column.name for column in description)

    def read(self, table: str) -> _Table:
        with self._cursor() as cursor:
            pk, columns = self.columns(cursor, table)
            # ``+column``: the stored value, which the declared type's converter (Django's
            # datetime, decimal…) leaves alone; written back, it is stored as it was.
            values = ", ".join(f"+{self.quote(column)}" for column in columns)
            cursor.execute(f"SELECT {values} FROM {self.quote(table)}")  # noqa: S608
            at = columns.index(pk)
            return _Table(pk, columns, {row[at]: tuple(row) for row in cursor.fetchall()})

    def counts(self, of: Iterable[str]) -> dict[str, int]:
        tables = list(of)
        selects = [
            f"SELECT %s, COUNT(*) FROM {self.quote(table)}"  # noqa: S608
            for table in tables
        ]
        if not selects:
            return {}
        with self._cursor() as cursor:
            cursor.execute(" UNION ALL ".join(selects), tables)
            return dict(cursor.fetchall())

    def sequence(self, table: str, pk: str) -> str | None:
        return None

    def write(self, change: TableChange) -> None:
        table, pk = self.quote(change.table), self.quote(change.pk)
        columns = [self.quote(column) for column in change.columns]
        at = change.columns.index(change.pk)
        with self._cursor() as cursor:
            if change.deleted:
                cursor.executemany(
                    f"DELETE FROM {table} WHERE {pk} = %s",  # noqa: S608
                    [(row[at],) for row in change.deleted],
                )
            if change.updated:
                assignments = ", ".join(f"{column} = %s" for column in columns)
                cursor.executemany(
                    f"UPDATE {table} SET {assignments} WHERE {pk} = %s",  # noqa: S608
                    [(*row, row[at]) for row in change.updated],
                )
            if change.inserted:
                places = ", ".join(["%s"] * len(columns))
                cursor.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({places})",  # noqa: S608
                    change.inserted,
                )


class _Postgres(_Database):
    """Each row as PostgreSQL writes it in JSON (``to_jsonb``) and reads it back
    (``jsonb_populate_recordset``): every type, exactly, in one statement per table."""

    def read(self, table: str) -> _Table:
        with self._cursor() as cursor:
            pk, columns = self.columns(cursor, table)
            cursor.execute(
                f"SELECT found.{self.quote(pk)}, to_jsonb(found)::text"  # noqa: S608
                f" FROM {self.quote(table)} AS found"
            )
            return _Table(pk, columns, dict(cursor.fetchall()))

    def sequence(self, table: str, pk: str) -> str | None:
        with self._cursor() as cursor:
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [self.quote(table), pk])
            (name,) = cursor.fetchone()
            return cast(str | None, name)

    def write(self, change: TableChange) -> None:
        table, pk = self.quote(change.table), self.quote(change.pk)
        rows = f"jsonb_populate_recordset(NULL::{table}, %s::jsonb)"

        def of(texts: tuple[str, ...]) -> list[str]:
            return ["[" + ", ".join(texts) + "]"]

        with self._cursor() as cursor:
            if change.deleted:
                cursor.execute(
                    f"DELETE FROM {table} USING {rows} AS given"  # noqa: S608
                    f" WHERE {table}.{pk} = given.{pk}",
                    of(change.deleted),
                )
            if change.updated:
                columns = [self.quote(column) for column in change.columns]
                assignments = ", ".join(f"{column} = given.{column}" for column in columns)
                cursor.execute(
                    f"UPDATE {table} SET {assignments} FROM {rows} AS given"  # noqa: S608
                    f" WHERE {table}.{pk} = given.{pk}",
                    of(change.updated),
                )
            if change.inserted:
                cursor.execute(f"INSERT INTO {table} SELECT * FROM {rows}", of(change.inserted))  # noqa: S608
                if change.sequence:
                    # Past the rows put back, never backwards: the ids the test's own rows get
                    # are new ones, as after a build.
                    cursor.execute(
                        f"SELECT setval(%s, GREATEST((SELECT MAX({pk}) FROM {table}),"  # noqa: S608
                        " nextval(%s)))",
                        [change.sequence, change.sequence],
                    )


def _connection() -> BaseDatabaseWrapper:
    return connections[DEFAULT_DB_ALIAS]


REPLAYED_ON: dict[str, type[_Database]] = {"sqlite": _Database, "postgresql": _Postgres}


def _database() -> _Database:
    connection = _connection()
    if connection.vendor not in REPLAYED_ON:
        raise ReplayError(f"no replay on {connection.vendor}")
    return REPLAYED_ON[connection.vendor](connection)
