"""The statistics page may read from the replica; the pages that show what was just saved may
not (sentier.core.replica, docs/deployment.md)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from sentier.core import replica

pytestmark = pytest.mark.django_db


@pytest.fixture
def replica_blocks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths of the requests that opened a replica_reads() block."""
    opened: list[str] = []
    original = replica.replica_reads

    @contextmanager
    def recording() -> Iterator[None]:
        opened.append("block")
        with original():
            yield

    monkeypatch.setattr("sentier.site.views.replica_reads", recording)
    return opened


def test_statistics_are_read_in_a_replica_block(client_for: Any, replica_blocks: list[str]) -> None:
    response = client_for("analyst").get("/fr-ca/statistics/")
    assert response.status_code == 200
    assert replica_blocks == ["block"]


def test_the_caseworker_home_reads_the_primary(client_for: Any, replica_blocks: list[str]) -> None:
    assert client_for("caseworker_laval").get("/fr-ca/").status_code == 200
    assert replica_blocks == []
