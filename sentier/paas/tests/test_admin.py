"""The PAAS Action admin pages open and are read-only."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from sentier.paas.models import Placement
from sentier.paas.tests.placement_helpers import grant, opex, placed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model", ["placeallocation", "placement", "attendanceentry", "waitingentry"]
)
def test_admin_lists_open(
    client_for: Any, personas: Any, laval_participant: Any, model: str
) -> None:
    grant(personas, opex(personas), "13")
    placed(personas, laval_participant, opex(personas))
    response = client_for("admin").get(reverse(f"admin:paas_{model}_changelist"))
    assert response.status_code == 200


def test_placements_cannot_be_changed_in_the_admin(
    client_for: Any, personas: Any, laval_participant: Any
) -> None:
    grant(personas, opex(personas), "13")
    placement = placed(personas, laval_participant, opex(personas))
    client = client_for("admin")
    page = client.get(reverse("admin:paas_placement_change", args=[placement.pk]))
    assert page.status_code == 200
    client.post(reverse("admin:paas_placement_delete", args=[placement.pk]), {"post": "yes"})
    assert Placement.objects.filter(pk=placement.pk).exists()
