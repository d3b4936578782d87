"""The PAAS Action demo data: loaded with the demo participants, idempotent."""

from __future__ import annotations

from typing import Any

import pytest

from sentier.core.demo import load_demo_paas, load_demo_participants
from sentier.paas.models import AttendanceEntry, PlaceAllocation, Placement, WaitingEntry

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, int, int, int]:
    return (
        PlaceAllocation.objects.count(),
        Placement.objects.count(),
        WaitingEntry.objects.count(),
        AttendanceEntry.objects.count(),
    )


def test_demo_places_people_and_is_idempotent(personas: Any) -> None:
    load_demo_participants(60)
    first = counts()
    assert first[0] == 2
    assert first[2] == 1  # OPEX’82 is full: one person waits
    assert first[3] > 0
    assert Placement.objects.filter(participant__user=personas["participant"]).exists()
    assert Placement.objects.filter(organization=personas["partner_sorif"].organization).exists()
    load_demo_participants(60)
    load_demo_paas()
    assert counts() == first
