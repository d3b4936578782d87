"""The network and reference admin: lists, filters, search, and edits that keep their history."""

from __future__ import annotations

from typing import Any

import pytest

from sentier.network.models import Clientele, Location, Organization
from sentier.reference.models import Region

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/fr-ca/admin/network/organization/",
        "/fr-ca/admin/network/organization/?locations__region__id__exact=1",
        "/fr-ca/admin/network/organization/?q=OPEX",
        "/fr-ca/admin/network/location/?q=514",
        "/fr-ca/admin/network/clientele/",
        "/fr-ca/admin/network/service/",
        "/fr-ca/admin/network/service/?kind__exact=paas_action&q=SORIF",
        "/fr-ca/admin/network/capacityupdate/",
        "/fr-ca/admin/network/waitinglistentry/",
        "/fr-ca/admin/network/offer/",
        "/fr-ca/admin/reference/region/",
        "/fr-ca/admin/reference/program/?q=PAS",
    ],
)
def test_the_admin_lists_open(client_for: Any, path: str) -> None:
    assert client_for("admin").get(path).status_code == 200


def test_partner_staff_cannot_open_the_admin(client_for: Any) -> None:
    response = client_for("partner_sorif").get("/fr-ca/admin/network/organization/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_organization_list_filters_by_clientele(client_for: Any) -> None:
    justice = Clientele.objects.get(code="justice_involved")

    response = client_for("admin").get(
        "/fr-ca/admin/network/organization/", {"clienteles__id__exact": justice.pk}
    )

    assert response.status_code == 200
    shown = list(response.context["cl"].queryset)
    assert len(shown) == len(set(shown)) == justice.organizations.count()
    assert Organization.objects.get(slug="opex-82-via-travail") in shown


def test_an_organization_page_opens_with_its_locations(client_for: Any) -> None:
    sorif = Organization.objects.get(slug="sorif")

    response = client_for("admin").get(f"/fr-ca/admin/network/organization/{sorif.pk}/change/")

    assert response.status_code == 200
    assert "514-271-3866" in response.content.decode()


def test_editing_a_region_in_the_admin_saves_both_names(client_for: Any) -> None:
    laval = Region.objects.get(code="13")

    response = client_for("admin").post(
        f"/fr-ca/admin/reference/region/{laval.pk}/change/",
        {"code": "13", "name_fr_ca": "Laval", "name_en_ca": "Laval (city)", "jurisdiction": "QC"},
    )

    assert response.status_code == 302
    laval.refresh_from_db()
    assert getattr(laval, "name_en_ca") == "Laval (city)"  # noqa: B009


def test_editing_a_clientele_in_the_admin_records_history(client_for: Any) -> None:
    women = Clientele.objects.get(code="women")
    before = women.history.count()

    response = client_for("admin").post(
        f"/fr-ca/admin/network/clientele/{women.pk}/change/",
        {"code": "women", "name_fr_ca": "Femmes", "name_en_ca": "Women (all ages)"},
    )

    assert response.status_code == 302
    assert women.history.count() == before + 1


def test_location_admin_lists_with_few_queries(
    client_for: Any, django_assert_max_num_queries: Any
) -> None:
    client = client_for("admin")
    with django_assert_max_num_queries(20):
        response = client.get("/fr-ca/admin/network/location/")
    assert response.context["cl"].result_count == Location.objects.count()
