"""The indicators' demo journeys, built once per process and put back in each test's transaction
(``sentier.insights.tests.journeys``): what is put back is what a build makes, and no test sees
what another wrote into them."""

from __future__ import annotations

from typing import Any

from sentier.core.testing.replay import record
from sentier.insights import demo
from sentier.insights.tests.journeys import _journeys, load_journeys
from sentier.ontario.tests.test_world_replayed import (
    column_names,
    counts_and_checksums,
    differing,
    every_row,
    rolled_back,
)
from sentier.participants.models import Participant


def test_the_journeys_put_back_are_those_a_build_makes(personas: Any) -> None:
    with rolled_back():
        demo.load_demo(scale=0.35)
        built = every_row()
    with rolled_back():
        demo.load_demo(scale=0.35)
        built_again = every_row()
    chance = differing(built, built_again)  # what two builds draw differently
    with rolled_back():
        recording = record(_journeys)
        recorded = every_row()
    with rolled_back():
        recording.replay()
        put_back = every_row()

    assert Participant._meta.db_table in {change.table for change in recording.changes}
    assert {table: len(found) for table, found in put_back.items()} == {
        table: len(found) for table, found in built.items()
    }
    assert counts_and_checksums(put_back, chance) == counts_and_checksums(built, chance)
    assert differing(put_back, recorded) == set()
    assert {column for _table, column in column_names(chance)} <= CHANCE


#: The only columns two builds of the journeys fill differently: when each build ran (stamps
#: taken from the clock), and what is drawn at random (UUIDs, the staff's unusable passwords,
#: the keys of forms left to resume).
CHANCE = {
    "uuid",
    "date_joined",
    "history_date",
    "created_at",
    "updated_at",
    "decided_at",
    "granted_at",
    "password",
    "resume_key",
}


def test_a_test_writes_into_the_journeys(personas: Any) -> None:
    load_journeys()
    assert Participant.objects.filter(file_number__startswith=demo.PREFIX).exists()
    Participant.objects.filter(file_number__startswith=demo.PREFIX).update(first_name="Written")


def test_the_next_test_does_not_see_it(personas: Any) -> None:
    """Run after the test above in the same process, it proves the rollback; elsewhere it still
    checks the journeys are as built."""
    load_journeys()
    files = Participant.objects.filter(file_number__startswith=demo.PREFIX)
    assert files.exists()
    assert not files.filter(first_name="Written").exists()


def test_a_test_without_the_journeys_sees_none_of_them(personas: Any) -> None:
    assert not Participant.objects.filter(file_number__startswith=demo.PREFIX).exists()
