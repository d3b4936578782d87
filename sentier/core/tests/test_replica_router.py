"""Which database the replica router picks: the replica only inside ``replica_reads()``, only
when one is configured, reachable and close behind; writes and everything else on the primary.
No real replica is needed: the lag check is replaced."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import OperationalError
from django.test import override_settings

from sentier.core import replica
from sentier.core.replica import ReplicaRouter, forget_replica_health, replica_reads
from sentier.participants.models import Participant

router = ReplicaRouter()

WITH_REPLICA = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"},
    "replica": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"},
}


@pytest.fixture(autouse=True)
def fresh_health() -> Iterator[None]:
    forget_replica_health()
    yield
    forget_replica_health()


@pytest.fixture
def lag(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The replica's lag as the test sets it (seconds, or an exception); calls are counted."""
    state: dict[str, Any] = {"seconds": 0.0, "calls": 0}

    def fake() -> float:
        state["calls"] += 1
        if isinstance(state["seconds"], Exception):
            raise state["seconds"]
        return float(state["seconds"])

    monkeypatch.setattr(replica, "replica_lag_seconds", fake)
    return state


def test_reads_go_to_the_primary_outside_a_replica_block(lag: dict[str, Any]) -> None:
    with override_settings(DATABASES=WITH_REPLICA):
        assert router.db_for_read(Participant) is None
    assert lag["calls"] == 0


def test_reads_inside_a_replica_block_go_to_a_close_replica(lag: dict[str, Any]) -> None:
    with override_settings(DATABASES=WITH_REPLICA), replica_reads():
        assert router.db_for_read(Participant) == "replica"


def test_no_replica_configured_means_the_primary(lag: dict[str, Any]) -> None:
    with replica_reads():
        assert router.db_for_read(Participant) is None
    assert lag["calls"] == 0


def test_writes_always_go_to_the_primary(lag: dict[str, Any]) -> None:
    with override_settings(DATABASES=WITH_REPLICA), replica_reads():
        assert router.db_for_write(Participant) == "default"


@override_settings(SENTIER_REPLICA_MAX_LAG_SECONDS=10)
def test_a_replica_too_far_behind_is_not_read(lag: dict[str, Any]) -> None:
    lag["seconds"] = 10.5
    with override_settings(DATABASES=WITH_REPLICA), replica_reads():
        assert router.db_for_read(Participant) is None


def test_an_unreachable_replica_is_not_read(lag: dict[str, Any]) -> None:
    lag["seconds"] = OperationalError("connection refused")
    with override_settings(DATABASES=WITH_REPLICA), replica_reads():
        assert router.db_for_read(Participant) is None


@override_settings(SENTIER_REPLICA_CHECK_SECONDS=60)
def test_the_lag_is_checked_now_and_then_not_on_every_read(lag: dict[str, Any]) -> None:
    with override_settings(DATABASES=WITH_REPLICA), replica_reads():
        for _ in range(5):
            assert router.db_for_read(Participant) == "replica"
        lag["seconds"] = 999.0
        assert router.db_for_read(Participant) == "replica"  # still the last verdict
        forget_replica_health()
        assert router.db_for_read(Participant) is None
    assert lag["calls"] == 2


def test_the_block_ends_with_its_reads(lag: dict[str, Any]) -> None:
    with override_settings(DATABASES=WITH_REPLICA):
        with replica_reads():
            pass
        assert router.db_for_read(Participant) is None


def test_the_replica_is_never_migrated() -> None:
    assert router.allow_migrate("replica", "participants") is False
    assert router.allow_migrate("default", "participants") is None


def test_rows_of_both_databases_may_relate() -> None:
    one, other = Participant(), Participant()
    one._state.db, other._state.db = "replica", "default"
    assert router.allow_relation(one, other) is True
