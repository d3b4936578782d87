"""Ontario fixtures: the Ontario configuration switched on, its reference data, and personas —
a Toronto OW caseworker (Tara), an Ottawa OW caseworker (Omar), an ODSP intake officer (Iris),
an Ontario Works intake officer (Wendy, provincial),
a Toronto coordinator (Chris). The tests send their applications through the real application
pages themselves (``helpers``).

The reference data and personas are built once per process and put back in each test's
transaction (``sentier.core.testing.replay``): loading them was a third of each test's time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from sentier.core.testing.replay import replayed
from sentier.ontario.tests.helpers import build_ontario_world


@pytest.fixture
def ontario(settings: Any, db: None) -> dict[str, Any]:
    """SENTIER_JURISDICTION=on, the Ontario reference data, and the Ontario personas (new
    instances for each test)."""
    settings.SENTIER_JURISDICTION = "on"
    return replayed("ontario", build_ontario_world)


@pytest.fixture
def on_client(ontario: dict[str, Any]) -> Callable[[str], Client]:
    def make(key: str) -> Client:
        client = Client()
        client.force_login(ontario[key])
        return client

    return make
