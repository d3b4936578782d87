"""The PAAS Action demo data: loaded with the demo participants, idempotent."""

from __future__ import annotations

from typing import Any

import pytest

from sentier.paas.demo import load_demo as load_demo_paas
from sentier.paas.models import AttendanceEntry, PlaceAllocation, Placement, WaitingEntry
from sentier.site.demo import load_demo

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, int, int, int]:
    return (
        PlaceAllocation.objects.count(),
        Placement.objects.count(),
        WaitingEntry.objects.count(),
        AttendanceEntry.objects.count(),
    )


def test_demo_places_people_and_is_idempotent(personas: Any) -> None:
    load_demo(60)
    first = counts()
    assert first[0] == 2
    assert first[2] == 1  # OPEX’82 is full: one person waits
    assert first[3] > 0
    assert Placement.objects.filter(participant__user=personas["participant"]).exists()
    assert Placement.objects.filter(organization=personas["partner_sorif"].organization).exists()
    load_demo(60)
    load_demo_paas()
    assert counts() == first
