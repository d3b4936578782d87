"""Ontario fixtures: the Ontario configuration switched on, its reference data, and personas —
a Toronto OW caseworker (Tara), an Ottawa OW caseworker (Omar), an ODSP intake officer (Iris),
an Ontario Works intake officer (Wendy, provincial),
a Toronto coordinator (Chris) — with applications sent through the real application pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import translation

from sentier.ontario.tests.helpers import make_ontario_personas


@pytest.fixture
def ontario(settings: Any, db: None) -> dict[str, Any]:
    """SENTIER_JURISDICTION=on, the Ontario reference data, and the Ontario personas."""
    from sentier.reference.loading import LoadReport, load_ontario_data

    settings.SENTIER_JURISDICTION = "on"
    with translation.override(django_settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        load_ontario_data(LoadReport())
    return make_ontario_personas()


@pytest.fixture
def on_client(ontario: dict[str, Any]) -> Callable[[str], Client]:
    def make(key: str) -> Client:
        client = Client()
        client.force_login(ontario[key])
        return client

    return make
