"""Support plan tests: the difficulty taxonomy is there even after another test flushed the
database (browser and transactional tests empty every table, seeded rows included)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def difficulties(request: pytest.FixtureRequest) -> None:
    if "db" in request.fixturenames or "personas" in request.fixturenames:
        from sentier.plans.difficulties import ensure_difficulties

        ensure_difficulties()
