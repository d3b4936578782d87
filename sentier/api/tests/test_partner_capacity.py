"""GET /api/v1/services and PUT /api/v1/services/<uuid>/capacity: the organization's own only."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from sentier.network.models import Organization, Service, ServiceKind

pytestmark = pytest.mark.django_db


def url(service: Service) -> str:
    return f"/api/v1/services/{service.uuid}/capacity"


def figures(service: Service) -> tuple[Any, ...]:
    service.refresh_from_db()
    return (
        service.capacity_available,
        service.capacity_maximum,
        service.waiting_list_length,
        service.capacity_updated_at,
    )


def test_the_organization_s_services_are_listed(opex_api: Client, opex_service: Service) -> None:
    response = opex_api.get("/api/v1/services")
    assert response.status_code == 200
    listed = {s["uuid"] for s in response.json()}
    assert str(opex_service.uuid) in listed
    mine = Service.objects.filter(organization=opex_service.organization)
    assert listed == {str(u) for u in mine.values_list("uuid", flat=True)}


def test_publishing_capacity_updates_the_service(opex_api: Client, opex_service: Service) -> None:
    response = opex_api.put(
        url(opex_service),
        {"capacity_available": 4, "capacity_maximum": 12, "waiting_list_length": 1},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["capacity_available"] == 4
    opex_service.refresh_from_db()
    assert (opex_service.capacity_available, opex_service.capacity_maximum) == (4, 12)
    assert opex_service.waiting_list_length == 1
    assert opex_service.capacity_updated_at is not None


def test_left_out_figures_are_kept(opex_api: Client, opex_service: Service) -> None:
    response = opex_api.put(
        url(opex_service), {"capacity_available": 0}, content_type="application/json"
    )
    assert response.status_code == 200
    opex_service.refresh_from_db()
    assert (opex_service.capacity_available, opex_service.capacity_maximum) == (0, 10)
    assert opex_service.waiting_list_length == 3


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"capacity_available": 11, "capacity_maximum": 10}, "capacity_available"),
        ({"capacity_available": -1}, "capacity_available"),
        ({"capacity_available": "many"}, "capacity_available"),
        ({"capacity_available": 1, "waiting_list_length": -2}, "waiting_list_length"),
        ({}, "capacity_available"),
    ],
)
def test_impossible_figures_are_refused_and_nothing_changes(
    opex_api: Client, opex_service: Service, body: dict[str, Any], field: str
) -> None:
    before = figures(opex_service)
    response = opex_api.put(url(opex_service), body, content_type="application/json")
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    assert figures(opex_service) == before


def test_another_organization_s_service_is_404_and_unchanged(
    sorif_api: Client, opex_service: Service, sorif: Organization
) -> None:
    before = figures(opex_service)
    response = sorif_api.put(
        url(opex_service), {"capacity_available": 0}, content_type="application/json"
    )
    assert response.status_code == 404
    assert figures(opex_service) == before
    Service.objects.create(organization=sorif, name="Insertion", kind=ServiceKind.EMPLOYABILITY)
    listed = sorif_api.get("/api/v1/services").json()
    assert "Insertion" in [s["name"] for s in listed]
    assert str(opex_service.uuid) not in [s["uuid"] for s in listed]


def test_a_body_that_is_not_json_is_400(opex_api: Client, opex_service: Service) -> None:
    response = opex_api.put(url(opex_service), "{oops", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "parse_error"


@pytest.mark.parametrize(
    "body",
    [{"capacity_available": "4"}, {"capacity_available": 1, "waiting_list_length": "2"}],
)
def test_numbers_written_as_text_are_refused(
    opex_api: Client, opex_service: Service, body: dict[str, Any]
) -> None:
    before = figures(opex_service)
    response = opex_api.put(url(opex_service), body, content_type="application/json")
    assert response.status_code == 400
    assert figures(opex_service) == before


def test_a_form_body_is_415_and_changes_nothing(opex_api: Client, opex_service: Service) -> None:
    before = figures(opex_service)
    response = opex_api.put(
        url(opex_service),
        "capacity_available=1&capacity_maximum=null",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 415
    assert figures(opex_service) == before


def test_more_places_available_than_the_current_maximum_is_refused(
    opex_api: Client, opex_service: Service
) -> None:
    before = figures(opex_service)
    response = opex_api.put(
        url(opex_service), {"capacity_available": 11}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "capacity_available" in response.json()["error"]["fields"]
    assert figures(opex_service) == before
