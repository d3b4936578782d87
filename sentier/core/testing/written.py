"""Which tables a block of code wrote to, told by the database itself.

The Ontario access matrix must show that a refused try left every row as it was. Reading every
table after each of its thousand tries was half the test's time; the database can say instead
which tables a try wrote to at all, and only those are read again and compared in full (a table
no row was written to is as it was). A world built once per process (``replay``) reads the same
way which tables its build wrote to.

- PostgreSQL counts, per table, the rows each statement of the current transaction inserted,
  updated or deleted (``pg_stat_xact_user_tables``); the rows of a savepoint rolled back since
  are still counted, so the counts only grow.
- SQLite keeps no such counts: temporary triggers (seen by this connection only, dropped at the
  end) write the name of every table a row is inserted into, updated or deleted from into a
  temporary table.
- Any other database: every table is said written to, and compared in full.

A write that leaves its row as it was (an UPDATE to the same values) is reported too: the full
comparison that follows finds that nothing changed.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection

#: The temporary table the SQLite triggers write to.
LOG = "sentier_written"


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


class Written:
    """Marks a moment (:meth:`mark`), then says which of ``tables`` were written to since
    (:meth:`since`)."""

    def __init__(self, tables: Collection[str]) -> None:
        self.tables = frozenset(tables)

    @classmethod
    @contextmanager
    def watching(cls, tables: Collection[str]) -> Iterator[Written]:
        """The watch for this database, its triggers installed for the block (SQLite)."""
        if connection.vendor == "postgresql":
            yield PostgresWritten(tables)
        elif connection.vendor == "sqlite":
            written = SqliteWritten(tables)
            written.install()
            try:
                yield written
            finally:
                written.uninstall()
        else:
            yield cls(tables)

    def mark(self) -> Any:
        return None

    def since(self, mark: Any) -> frozenset[str]:
        return self.tables


class PostgresWritten(Written):
    def _counts(self) -> dict[str, int]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_xact_user_tables"
                " WHERE schemaname = current_schema() AND relname = ANY(%s)",
                [sorted(self.tables)],
            )
            return dict(cursor.fetchall())

    def mark(self) -> dict[str, int]:
        return self._counts()

    def since(self, mark: dict[str, int]) -> frozenset[str]:
        now = self._counts()
        return frozenset(table for table in self.tables if now.get(table, 0) != mark.get(table, 0))


class SqliteWritten(Written):
    def _triggers(self) -> Iterator[tuple[str, str, str]]:
        for number, table in enumerate(sorted(self.tables)):
            for event in ("INSERT", "UPDATE", "DELETE"):
                yield f"{LOG}_{number}_{event.lower()}", event, table

    def install(self) -> None:
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE TEMP TABLE {LOG} (name TEXT NOT NULL)")
            for trigger, event, table in self._triggers():
                insert = f"INSERT INTO {LOG} VALUES ({_literal(table)})"  # noqa: S608
                cursor.execute(
                    f"CREATE TEMP TRIGGER {trigger} AFTER {event} ON {quote(table)}"
                    f" BEGIN {insert}; END"
                )

    def uninstall(self) -> None:
        with connection.cursor() as cursor:
            for trigger, _event, _table in self._triggers():
                cursor.execute(f"DROP TRIGGER IF EXISTS temp.{trigger}")
            cursor.execute(f"DROP TABLE IF EXISTS temp.{LOG}")

    def mark(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM temp.{LOG}")  # noqa: S608

    def since(self, mark: None) -> frozenset[str]:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT DISTINCT name FROM temp.{LOG}")  # noqa: S608
            return frozenset(name for (name,) in cursor.fetchall())
