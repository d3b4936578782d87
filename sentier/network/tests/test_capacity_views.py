"""Partner staff pages: their services' capacity, the update form, "a place is free"."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from sentier.network.models import CapacityUpdate, Service, ServiceKind

pytestmark = pytest.mark.django_db

LIST = "/fr-ca/directory/capacity/"


def _service(slug: str) -> Service:
    return Service.objects.get(organization__slug=slug, kind=ServiceKind.EMPLOYABILITY)


def _figures(service: Service) -> tuple[Any, ...]:
    service.refresh_from_db()
    return (
        service.capacity_available,
        service.capacity_maximum,
        service.waiting_list_length,
        service.capacity_updated_at,
    )


def test_partner_staff_see_only_their_organizations_services(client_for: Any) -> None:
    response = client_for("partner_sorif").get(LIST)

    assert response.status_code == 200
    services = list(response.context["page"].object_list)
    assert services
    assert {s.organization.slug for s in services} == {"sorif"}


def test_the_list_marks_stale_capacity(client_for: Any) -> None:
    Service.objects.filter(organization__slug="sorif").update(capacity_updated_at=None)

    body = client_for("partner_sorif").get(LIST).content.decode()

    assert "sentier-stale" in body


@pytest.mark.parametrize("who", ["caseworker_laval", "participant", "analyst"])
def test_other_roles_cannot_open_the_capacity_page(client_for: Any, who: str) -> None:
    assert client_for(who).get(LIST).status_code == 403


def test_partner_staff_update_their_capacity(client_for: Any) -> None:
    service = _service("sorif")
    url = f"/fr-ca/directory/capacity/{service.uuid}/"

    form = client_for("partner_sorif").get(url)
    response = client_for("partner_sorif").post(
        url, {"available": "2", "maximum": "12", "waiting": "5", "unit": "places"}
    )

    assert form.status_code == 200
    assert response.status_code == 302
    assert _figures(service)[:3] == (2, 12, 5)
    assert CapacityUpdate.objects.filter(service=service).count() == 1


def test_a_bad_number_is_shown_next_to_its_field_and_nothing_changes(client_for: Any) -> None:
    service = _service("sorif")
    before = _figures(service)

    response = client_for("partner_sorif").post(
        f"/fr-ca/directory/capacity/{service.uuid}/",
        {"available": "9", "maximum": "3", "waiting": "abc"},
    )

    assert response.status_code == 400
    assert "waiting" in response.context["form"].errors
    assert 'value="9"' in response.content.decode()
    assert _figures(service) == before


def test_more_available_than_maximum_is_refused_by_the_action(client_for: Any) -> None:
    service = _service("sorif")
    before = _figures(service)

    response = client_for("partner_sorif").post(
        f"/fr-ca/directory/capacity/{service.uuid}/",
        {"available": "9", "maximum": "3", "waiting": "0"},
    )

    assert response.status_code == 400
    assert "available" in response.context["form"].errors
    assert _figures(service) == before


@pytest.mark.parametrize("suffix", ["", "waiting-list/"])
def test_partner_of_another_organization_gets_404(client_for: Any, suffix: str) -> None:
    service = _service("opex-82-via-travail")

    response = client_for("partner_sorif").get(f"/fr-ca/directory/capacity/{service.uuid}/{suffix}")

    assert response.status_code == 404


def test_partner_of_another_organization_cannot_post_and_nothing_changes(client_for: Any) -> None:
    service = _service("opex-82-via-travail")
    before = _figures(service)
    client = client_for("partner_sorif")

    update = client.post(
        f"/fr-ca/directory/capacity/{service.uuid}/",
        {"available": "0", "maximum": "1", "waiting": "0"},
    )
    free = client.post(f"/fr-ca/directory/capacity/{service.uuid}/free-place/")

    assert (update.status_code, free.status_code) == (404, 404)
    assert _figures(service) == before
    assert not CapacityUpdate.objects.filter(service=service).exists()


@pytest.mark.parametrize("bad", ["not-a-uuid", "00000000-0000-0000-0000-000000000000", "%00"])
def test_malformed_or_unknown_ids_give_404(client_for: Any, bad: str) -> None:
    assert client_for("partner_sorif").get(f"/fr-ca/directory/capacity/{bad}/").status_code == 404


def test_a_place_is_free_adds_one_when_nobody_waits(client_for: Any) -> None:
    service = _service("opex-82-via-travail")
    before = service.capacity_available or 0

    response = client_for("partner_opex").post(
        f"/fr-ca/directory/capacity/{service.uuid}/free-place/"
    )

    assert response.status_code == 302
    service.refresh_from_db()
    assert service.capacity_available == before + 1


def test_an_administrator_sees_every_service(client_for: Any) -> None:
    response = client_for("admin").get(LIST)

    assert response.status_code == 200
    assert response.context["page"].paginator.count == Service.objects.count()


def test_the_list_query_count_does_not_grow(
    client_for: Any, django_assert_max_num_queries: Any
) -> None:
    client = client_for("admin")
    client.get(LIST)
    with django_assert_max_num_queries(12):
        client.get(LIST)
    with django_assert_max_num_queries(12):
        client.get(LIST, {"page": 2})


def test_anonymous_visitors_are_sent_to_sign_in(client: Client) -> None:
    response = client.get(LIST)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
