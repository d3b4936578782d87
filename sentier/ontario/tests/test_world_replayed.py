"""The Ontario world (reference data and personas) is built once per process and put back in
each test's transaction (``sentier.core.testing.replay``): what is put back is what a build
makes, and no test sees what another wrote."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection, transaction

from sentier.accounts.models import User
from sentier.core.testing.replay import record, replayed
from sentier.ontario.models import Office, Unit, UnitMembership
from sentier.ontario.tests.helpers import build_ontario_world
from sentier.reference.models import Region

#: Table → primary key → row (every column, as the database driver reads it).
Rows = dict[str, dict[Any, tuple[Any, ...]]]


@contextmanager
def rolled_back() -> Iterator[None]:
    """A block whose writes are undone at its end, as a test's are; PostgreSQL's sequences
    (which no rollback moves back) are put back where they were too, so that two builds in a
    row get the same primary keys, as on SQLite."""
    sequences = _sequences()
    with transaction.atomic():
        yield
        transaction.set_rollback(True)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for name, last in sequences.items():
                cursor.execute("SELECT setval(%s, %s, %s)", [name, last or 1, last is not None])


def _sequences() -> dict[str, int | None]:
    if connection.vendor != "postgresql":
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename), last_value"
            " FROM pg_sequences WHERE schemaname = current_schema()"
        )
        return dict(cursor.fetchall())


def every_row() -> Rows:
    """Every row of every table."""
    rows: Rows = {}
    introspection = connection.introspection
    with connection.cursor() as cursor:
        for table in introspection.table_names():
            pk = introspection.get_primary_key_column(cursor, table)
            columns = [c.name for c in introspection.get_table_description(cursor, table)]
            at = columns.index(pk) if pk in columns else None
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            found = [tuple(row) for row in cursor.fetchall()]
            rows[table] = {(row[at] if at is not None else row): row for row in found}
    return rows


def differing(one: Rows, other: Rows) -> set[tuple[str, Any, int]]:
    """The cells (table, primary key, column) of rows in both that differ."""
    return {
        (table, key, column)
        for table, found in one.items()
        for key, row in found.items()
        if key in other.get(table, {})
        for column, value in enumerate(row)
        if other[table][key][column] != value
    }


def counts_and_checksums(rows: Rows, masked: set[tuple[str, Any, int]]) -> dict[str, Any]:
    """Per table: its row count and a SHA-256 of its rows, the ``masked`` cells left out."""
    summary = {}
    for table, found in rows.items():
        digest = hashlib.sha256()
        for key in sorted(found, key=repr):
            row = [
                "(masked)" if (table, key, column) in masked else value
                for column, value in enumerate(found[key])
            ]
            digest.update(repr(row).encode())
        summary[table] = (len(found), digest.hexdigest())
    return summary


def column_names(cells: set[tuple[str, Any, int]]) -> set[tuple[str, str]]:
    with connection.cursor() as cursor:
        described = {
            table: [c.name for c in connection.introspection.get_table_description(cursor, table)]
            for table in {table for table, _key, _column in cells}
        }
    return {(table, described[table][column]) for table, _key, column in cells}


def test_the_world_put_back_is_the_world_a_build_makes(settings: Any, db: None) -> None:
    settings.SENTIER_JURISDICTION = "on"
    with rolled_back():
        build_ontario_world()
        built = every_row()
    with rolled_back():
        build_ontario_world()
        built_again = every_row()
    # What differs between two builds: when they ran (the accounts' and history rows' times)
    # and the UUIDs drawn at random.
    chance = differing(built, built_again)
    assert {column for _table, column in column_names(chance)} == {
        "uuid",
        "date_joined",
        "history_date",
    }
    assert counts_and_checksums(built, chance) == counts_and_checksums(built_again, chance)
    with rolled_back():
        recording = record(build_ontario_world)
        recorded = every_row()
    with rolled_back():
        recording.replay()
        put_back = every_row()
    with rolled_back():
        recording.replay()
        put_back_again = every_row()

    assert recording.changes, "the build wrote rows"
    assert {table: len(found) for table, found in put_back.items()} == {
        table: len(found) for table, found in built.items()
    }
    assert counts_and_checksums(put_back, chance) == counts_and_checksums(built, chance)
    # Only cells that two builds draw differently differ from a build.
    assert differing(put_back, built) <= chance
    assert differing(put_back, recorded) == set()
    assert counts_and_checksums(put_back_again, set()) == counts_and_checksums(recorded, set())
    start, end = recording.built_between
    assert start <= end <= dt.datetime.now(tz=dt.UTC)


def test_the_fixture_puts_back_as_many_rows_as_a_build_makes(settings: Any, db: None) -> None:
    """The process's own recording (made by whichever test came first: on PostgreSQL its
    primary keys may be other than a build's now), against a build."""
    settings.SENTIER_JURISDICTION = "on"
    with rolled_back():
        built_users = build_ontario_world()
        built = every_row()
    with rolled_back():
        world = replayed("ontario", build_ontario_world)
        put_back = every_row()
        regions = set(Region.objects.values_list("code", "name"))
        assert world["tara"].region == Region.objects.get(code="ON33")
        assert UnitMembership.objects.get(user=world["iris"]).unit == Unit.ODSP_INTAKE
    assert {table: len(found) for table, found in put_back.items()} == {
        table: len(found) for table, found in built.items()
    }
    assert {key: user.email for key, user in world.items()} == {
        key: user.email for key, user in built_users.items()
    }
    with rolled_back():
        build_ontario_world()
        assert set(Region.objects.values_list("code", "name")) == regions


# ---------------------------------------------------------------- no test sees another's writes

WRITTEN: dict[str, Any] = {}


def _write_into(world: dict[str, Any]) -> None:
    tara = world["tara"]
    tara.first_name = "Renamed"
    tara.save()
    Office.objects.filter(name__contains="Toronto").delete()
    Region.objects.create(code="ON99", name="Written by a test")
    UnitMembership.objects.filter(user=world["wendy"]).delete()


def _assert_as_built(world: dict[str, Any]) -> None:
    assert User.objects.get(email="tara@on.sentier.test").first_name == "Tara"
    assert world["tara"].first_name == "Tara"
    assert Office.objects.filter(name__contains="Toronto").exists()
    assert not Region.objects.filter(code="ON99").exists()
    assert UnitMembership.objects.filter(user=world["wendy"], unit=Unit.OW_INTAKE).exists()


def test_a_test_writes_into_the_world(ontario: dict[str, Any]) -> None:
    _assert_as_built(ontario)
    _write_into(ontario)
    assert User.objects.get(pk=ontario["tara"].pk).first_name == "Renamed"
    WRITTEN["by"] = ontario["tara"].pk


def test_the_next_test_does_not_see_it(ontario: dict[str, Any]) -> None:
    """Run after the test above in the same process (one process, or the same xdist worker),
    it proves the rollback; elsewhere it still checks the world is as built."""
    _assert_as_built(ontario)


def test_a_test_without_the_world_sees_none_of_it(db: None) -> None:
    assert not User.objects.filter(email__endswith="@on.sentier.test").exists()
    assert not Region.objects.filter(code__startswith="ON").exists()
    assert not Office.objects.exists()


def test_writes_inside_one_world_are_not_in_the_next(settings: Any, db: None) -> None:
    """Two worlds one after the other in one test, each in a block rolled back as a test is."""
    settings.SENTIER_JURISDICTION = "on"
    with rolled_back():
        first = replayed("ontario", build_ontario_world)
        _write_into(first)
    assert not User.objects.filter(email__endswith="@on.sentier.test").exists()
    with rolled_back():
        second = replayed("ontario", build_ontario_world)
        _assert_as_built(second)
        assert all(second[key] is not first[key] for key in first)
