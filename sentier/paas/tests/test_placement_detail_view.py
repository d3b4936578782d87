"""A placement's page: who may see it, objectives the organization follows up."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from sentier.paas.models import ObjectiveStatus, PlacementObjective
from sentier.paas.tests.placement_helpers import grant, opex, placed

pytestmark = pytest.mark.django_db


def url(name: str, **kwargs: Any) -> str:
    with translation.override("en-ca"):
        return reverse(f"paas:{name}", kwargs=kwargs)


@pytest.fixture
def placement(personas: Any, laval_participant: Any) -> Any:
    grant(personas, opex(personas), "13")
    return placed(personas, laval_participant, opex(personas))


@pytest.mark.parametrize("persona", ["partner_opex", "caseworker_laval", "coordinator", "admin"])
def test_those_concerned_see_the_placement(client_for: Any, placement: Any, persona: str) -> None:
    response = client_for(persona).get(url("placement_detail", placement_uuid=placement.uuid))
    assert response.status_code == 200
    assert "Arriver à l’heure" in response.content.decode()


@pytest.mark.parametrize("persona", ["partner_sorif", "caseworker_montreal", "analyst"])
def test_others_get_404(client_for: Any, placement: Any, persona: str) -> None:
    response = client_for(persona).get(url("placement_detail", placement_uuid=placement.uuid))
    assert response.status_code == 404


def test_sorif_cannot_follow_up_opex_objectives_and_nothing_changes(
    client_for: Any, placement: Any
) -> None:
    objective = placement.objectives.first()
    response = client_for("partner_sorif").post(
        url("follow_up_objective", placement_uuid=placement.uuid, objective_uuid=objective.uuid),
        {f"{objective.uuid}-status": "attained", f"{objective.uuid}-follow_up": "x"},
    )
    assert response.status_code == 404
    objective.refresh_from_db()
    assert (objective.status, objective.follow_up) == (ObjectiveStatus.PLANNED, "")


def test_the_organization_follows_up_and_evaluates(client_for: Any, placement: Any) -> None:
    objective = placement.objectives.first()
    response = client_for("partner_opex").post(
        url("follow_up_objective", placement_uuid=placement.uuid, objective_uuid=objective.uuid),
        {
            f"{objective.uuid}-status": "in_progress",
            f"{objective.uuid}-follow_up": "Arrive à l’heure trois jours sur cinq.",
            f"{objective.uuid}-evaluation": "",
        },
    )
    assert response.status_code == 302
    objective.refresh_from_db()
    assert objective.status == ObjectiveStatus.IN_PROGRESS
    assert objective.follow_up == "Arrive à l’heure trois jours sur cinq."


def test_the_caseworker_reads_objectives_but_cannot_change_them(
    client_for: Any, placement: Any
) -> None:
    objective = placement.objectives.first()
    response = client_for("caseworker_laval").post(
        url("follow_up_objective", placement_uuid=placement.uuid, objective_uuid=objective.uuid),
        {f"{objective.uuid}-status": "attained"},
    )
    assert response.status_code == 404
    objective.refresh_from_db()
    assert objective.status == ObjectiveStatus.PLANNED


def test_the_organization_adds_an_objective(client_for: Any, placement: Any) -> None:
    client_for("partner_opex").post(
        url("add_objective", placement_uuid=placement.uuid), {"text": "Préparer un budget"}
    )
    assert PlacementObjective.objects.filter(placement=placement).count() == 3


def test_the_caseworker_ends_the_placement_from_its_page(client_for: Any, placement: Any) -> None:
    from django.utils import timezone

    response = client_for("caseworker_laval").post(
        url("end_placement", placement_uuid=placement.uuid),
        {"end_date": timezone.localdate().isoformat(), "outcome": "completed", "note": ""},
    )
    assert response.status_code == 302
    placement.refresh_from_db()
    assert placement.status == "ended"


def test_sorif_cannot_end_opex_placement(client_for: Any, placement: Any) -> None:
    response = client_for("partner_sorif").post(
        url("end_placement", placement_uuid=placement.uuid),
        {"end_date": "2026-11-01", "outcome": "left"},
    )
    assert response.status_code == 404
    placement.refresh_from_db()
    assert placement.status == "active"
