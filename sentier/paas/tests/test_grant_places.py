"""The Ministry grants places to non-profit organizations, within a budget."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from sentier.network.models import Organization
from sentier.paas import actions, selectors
from sentier.paas.models import PlaceAllocation
from sentier.paas.tests.placement_helpers import opex, region, sorif

pytestmark = pytest.mark.django_db

APRIL = dt.date(2026, 4, 1)
MARCH_END = dt.date(2027, 3, 31)


def grant(personas: Any, actor: str = "admin", **changes: Any) -> PlaceAllocation:
    arguments: dict[str, Any] = {
        "organization": opex(personas),
        "region": region("13"),
        "period_start": APRIL,
        "period_end": MARCH_END,
        "places": 5,
        "budget_cents": 5 * 20_000 * 12,
    }
    arguments.update(changes)
    return actions.grant_places(actor=personas[actor], **arguments)


def test_administrator_grants_places_within_the_budget(personas: Any) -> None:
    allocation = grant(personas)
    assert (allocation.places, allocation.budget_cents) == (5, 1_200_000)
    assert allocation.organization == opex(personas)
    assert allocation.granted_by == personas["admin"]


def test_cost_reads_the_payment_per_place_from_the_rules() -> None:
    assert selectors.monthly_payment_per_place_cents(APRIL) == 20_000
    assert selectors.allocation_cost_cents(APRIL, MARCH_END, 5) == 1_200_000


def test_coordinator_grants_places_in_their_region(personas: Any) -> None:
    assert grant(personas, actor="coordinator").region.code == "13"


def test_coordinator_of_laval_cannot_grant_places_in_montreal(personas: Any) -> None:
    with pytest.raises(PermissionDenied):
        grant(personas, actor="coordinator", organization=sorif(personas), region=region("06"))
    assert not PlaceAllocation.objects.exists()


@pytest.mark.parametrize("persona", ["caseworker_laval", "partner_opex", "analyst", "participant"])
def test_others_cannot_grant_places(personas: Any, persona: str) -> None:
    with pytest.raises(PermissionDenied):
        grant(personas, actor=persona)
    assert not PlaceAllocation.objects.exists()


def test_a_for_profit_organization_is_refused_places(personas: Any) -> None:
    company = Organization.objects.create(
        slug="entreprise-xyz", name="Entreprise XYZ inc.", non_profit=False
    )
    with pytest.raises(ValidationError) as refused, translation.override("en-ca"):
        grant(personas, organization=company)
    assert refused.value.message_dict == {
        "organization": [
            "Only non-profit organizations can receive PAAS Action places: "
            "Entreprise XYZ inc. is not a non-profit organization."
        ]
    }
    assert not PlaceAllocation.objects.exists()


def test_a_budget_that_does_not_cover_the_places_is_refused(personas: Any) -> None:
    with pytest.raises(ValidationError) as refused, translation.override("en-ca"):
        grant(personas, budget_cents=1_199_999)
    assert list(refused.value.message_dict) == ["budget"]
    assert "5 places for 12 months" in refused.value.message_dict["budget"][0]
    assert not PlaceAllocation.objects.exists()


def test_the_period_is_whole_months(personas: Any) -> None:
    with pytest.raises(ValidationError) as refused:
        grant(personas, period_start=dt.date(2026, 4, 2), period_end=dt.date(2027, 3, 30))
    assert set(refused.value.message_dict) == {"period_start", "period_end"}
    assert not PlaceAllocation.objects.exists()
