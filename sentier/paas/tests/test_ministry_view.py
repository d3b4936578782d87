"""The ministry view (allocations, occupancy, spending) and the grant form."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from sentier.network.models import Organization
from sentier.paas import selectors
from sentier.paas.models import PlaceAllocation
from sentier.paas.tests.placement_helpers import grant, laval_file, opex, placed, sorif

pytestmark = pytest.mark.django_db

#: Grants are for the coming years (the form refuses dates far from today).
NEXT_YEAR = timezone.localdate().year + 1


def url(name: str) -> str:
    with translation.override("en-ca"):
        return reverse(f"paas:{name}")


@pytest.fixture
def allocations(personas: Any, laval_participant: Any) -> None:
    grant(personas, opex(personas), "13", places=2)
    grant(personas, sorif(personas), "06", places=3)
    placed(personas, laval_participant, opex(personas))


def test_administrator_sees_every_region(client_for: Any, allocations: None) -> None:
    page = client_for("admin").get(url("ministry")).content.decode()
    assert "SORIF" in page
    assert "OPEX" in page
    assert "Grant places" in page


def test_coordinator_sees_only_their_region(client_for: Any, allocations: None) -> None:
    page = client_for("coordinator").get(url("ministry")).content.decode()
    assert "OPEX" in page
    assert "SORIF" not in page


def test_analyst_reads_without_granting(client_for: Any, allocations: None) -> None:
    client = client_for("analyst")
    page = client.get(url("ministry")).content.decode()
    assert "SORIF" in page
    assert "Grant places" not in page
    assert client.get(url("grant_places")).status_code == 403


@pytest.mark.parametrize("persona", ["caseworker_laval", "partner_opex", "participant"])
def test_others_cannot_open_the_ministry_view(client_for: Any, persona: str) -> None:
    assert client_for(persona).get(url("ministry")).status_code == 403


def test_spending_counts_months_with_an_active_placement(
    personas: Any, laval_participant: Any
) -> None:
    allocation = grant(personas, opex(personas), "13", places=2)
    placement = placed(personas, laval_participant, opex(personas))
    today = placement.start_date + dt.timedelta(days=40)
    months = len(selectors.month_starts(placement.start_date, today))
    [laval] = selectors.ministry_overview(personas["admin"], today=today)
    assert laval.spent_cents == months * 20_000
    assert laval.budget_cents == allocation.budget_cents
    assert (laval.places, laval.occupied) == (2, 1)


def test_coordinator_grants_through_the_form(client_for: Any, personas: Any) -> None:
    response = client_for("coordinator").post(
        url("grant_places"),
        {
            "organization": opex(personas).pk,
            "region": personas["coordinator"].region_id,
            "period_start": f"{NEXT_YEAR}-01-01",
            "period_end": f"{NEXT_YEAR}-06-30",
            "places": 4,
            "budget": "4800.00",
        },
    )
    assert response.status_code == 302
    assert PlaceAllocation.objects.get().budget_cents == 480_000


def test_a_for_profit_organization_is_refused_next_to_the_field(
    client_for: Any, personas: Any
) -> None:
    company = Organization.objects.create(slug="xyz-inc", name="XYZ inc.", non_profit=False)
    response = client_for("admin").post(
        url("grant_places"),
        {
            "organization": company.pk,
            "region": personas["coordinator"].region_id,
            "period_start": f"{NEXT_YEAR}-01-01",
            "period_end": f"{NEXT_YEAR}-06-30",
            "places": 4,
            "budget": "4800",
        },
    )
    assert response.status_code == 400
    assert "XYZ inc. is not a non-profit organization." in response.content.decode()
    assert 'id="id_organization_error"' in response.content.decode()
    assert not PlaceAllocation.objects.exists()


def test_coordinator_of_laval_cannot_pick_montreal(client_for: Any, personas: Any) -> None:
    from sentier.reference.models import Region

    response = client_for("coordinator").post(
        url("grant_places"),
        {
            "organization": sorif(personas).pk,
            "region": Region.objects.get(code="06").pk,
            "period_start": f"{NEXT_YEAR}-01-01",
            "period_end": f"{NEXT_YEAR}-06-30",
            "places": 1,
            "budget": "1200",
        },
    )
    assert response.status_code == 400
    assert not PlaceAllocation.objects.exists()


def test_ministry_queries_do_not_grow_with_allocations(
    client_for: Any, personas: Any, laval_participant: Any, django_assert_max_num_queries: Any
) -> None:
    grant(personas, opex(personas), "13", places=5)
    placed(personas, laval_participant, opex(personas))
    client = client_for("admin")
    client.get(url("ministry"))
    with django_assert_max_num_queries(30) as few:
        client.get(url("ministry"))
    grant(personas, sorif(personas), "06", places=5)
    for name in ["A", "B", "C"]:
        placed(personas, laval_file(personas, name), opex(personas))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url("ministry"))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("period_start", "0001-01-01"),
        ("period_end", "9999-12-31"),
        ("budget", "1e308"),
        ("budget", "100000000.01"),
        ("places", str(2**63)),
    ],
)
def test_far_dates_and_huge_figures_are_field_errors(
    client_for: Any, personas: Any, field: str, value: str
) -> None:
    data = {
        "organization": opex(personas).pk,
        "region": personas["coordinator"].region_id,
        "period_start": f"{NEXT_YEAR}-01-01",
        "period_end": f"{NEXT_YEAR}-06-30",
        "places": 4,
        "budget": "4800",
        field: value,
    }
    response = client_for("admin").post(url("grant_places"), data)
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not PlaceAllocation.objects.exists()
