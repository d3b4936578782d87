"""``update_capacity``: who may say how many places a service has, and what is recorded."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sentier.network.actions import update_capacity
from sentier.network.models import CapacityUpdate, Organization, Service
from sentier.network.tests.factories import NOW, make_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def opex_service() -> Service:
    return make_service(Organization.objects.get(slug="opex-82-via-travail"), name="Test")


def _figures(service: Service) -> tuple[Any, ...]:
    service.refresh_from_db()
    return (
        service.capacity_available,
        service.capacity_maximum,
        service.waiting_list_length,
        service.capacity_updated_at,
    )


def test_partner_staff_update_their_organizations_capacity(
    personas: dict[str, Any], opex_service: Service
) -> None:
    update_capacity(
        actor_label="Luc Bouchard",
        actor=personas["partner_opex"],
        service=opex_service,
        available=0,
        maximum=12,
        waiting=7,
        unit="places",
        at=NOW,
    )

    assert _figures(opex_service) == (0, 12, 7, NOW)
    log = CapacityUpdate.objects.get(service=opex_service)
    assert (log.available, log.maximum, log.waiting, log.actor, log.actor_label) == (
        0,
        12,
        7,
        personas["partner_opex"],
        "Luc Bouchard",
    )


def test_an_api_caller_passes_no_actor(opex_service: Service) -> None:
    update_capacity(
        actor_label="API key OPEX", service=opex_service, available=3, maximum=10, waiting=0, at=NOW
    )

    assert _figures(opex_service)[:3] == (3, 10, 0)
    assert CapacityUpdate.objects.get(service=opex_service).actor is None


def test_an_administrator_may_update_any_service(
    personas: dict[str, Any], opex_service: Service
) -> None:
    update_capacity(
        actor_label="admin",
        actor=personas["admin"],
        service=opex_service,
        available=1,
        maximum=1,
        waiting=0,
    )
    assert _figures(opex_service)[0] == 1


@pytest.mark.parametrize("who", ["partner_sorif", "caseworker_laval", "coordinator", "participant"])
def test_others_cannot_and_nothing_changes(
    personas: dict[str, Any], opex_service: Service, who: str
) -> None:
    before = _figures(opex_service)

    with pytest.raises(PermissionDenied):
        update_capacity(
            actor_label="x",
            actor=personas[who],
            service=opex_service,
            available=9,
            maximum=9,
            waiting=0,
        )

    assert _figures(opex_service) == before
    assert not CapacityUpdate.objects.filter(service=opex_service).exists()


@pytest.mark.parametrize(
    ("figures", "field"),
    [
        ({"available": 5, "maximum": 3, "waiting": 0}, "available"),
        ({"available": -1, "maximum": 3, "waiting": 0}, "available"),
        ({"available": 1, "maximum": 3, "waiting": -2}, "waiting"),
    ],
)
def test_impossible_figures_are_refused_next_to_their_field(
    personas: dict[str, Any], opex_service: Service, figures: dict[str, Any], field: str
) -> None:
    before = _figures(opex_service)

    with pytest.raises(ValidationError) as refused:
        update_capacity(
            actor_label="x", actor=personas["partner_opex"], service=opex_service, **figures
        )

    assert field in refused.value.message_dict
    assert _figures(opex_service) == before


def test_not_said_is_not_zero(personas: dict[str, Any], opex_service: Service) -> None:
    update_capacity(
        actor_label="x",
        actor=personas["partner_opex"],
        service=opex_service,
        available=None,
        maximum=None,
        waiting=0,
    )
    assert _figures(opex_service)[:2] == (None, None)
