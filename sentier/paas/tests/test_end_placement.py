"""Ending a placement: voluntary, at any time, no penalty; the place is free again."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from sentier.paas import actions, selectors
from sentier.paas.models import Placement, PlacementStatus
from sentier.paas.tests.placement_helpers import grant, opex, placed
from sentier.paas.timeline_kinds import PaasEventKind
from sentier.participants.models import TimelineEvent

pytestmark = pytest.mark.django_db


def test_caseworker_ends_a_placement_and_the_place_is_free(
    personas: Any, laval_participant: Any
) -> None:
    allocation = grant(personas, opex(personas), "13", places=1)
    placement = placed(personas, laval_participant, opex(personas))
    today = timezone.localdate()
    actions.end_placement(
        actor=personas["caseworker_laval"],
        placement=placement,
        end_date=today,
        outcome="training",
        note="Formation",
    )
    placement.refresh_from_db()
    assert (placement.status, placement.end_date, placement.exit_outcome, placement.exit_note) == (
        PlacementStatus.ENDED,
        today,
        "training",
        "Formation",
    )
    assert selectors.free_places(allocation) == 1
    event = TimelineEvent.objects.get(
        participant=laval_participant, kind=PaasEventKind.PAAS_PLACEMENT_ENDED
    )
    assert event.data["outcome"] == "training"


def test_the_organization_may_record_the_exit(personas: Any, laval_participant: Any) -> None:
    grant(personas, opex(personas), "13")
    placement = placed(personas, laval_participant, opex(personas))
    actions.end_placement(
        actor=personas["partner_opex"],
        placement=placement,
        end_date=timezone.localdate(),
        outcome="left",
    )
    assert Placement.objects.get().status == PlacementStatus.ENDED


def test_other_organizations_cannot_end_it(personas: Any, laval_participant: Any) -> None:
    grant(personas, opex(personas), "13")
    placement = placed(personas, laval_participant, opex(personas))
    with pytest.raises(PermissionDenied):
        actions.end_placement(
            actor=personas["partner_sorif"],
            placement=placement,
            end_date=timezone.localdate(),
            outcome="left",
        )
    assert Placement.objects.get().status == PlacementStatus.ACTIVE


def test_an_end_before_the_start_is_refused(personas: Any, laval_participant: Any) -> None:
    grant(personas, opex(personas), "13")
    placement = placed(personas, laval_participant, opex(personas))
    with pytest.raises(ValidationError) as refused:
        actions.end_placement(
            actor=personas["caseworker_laval"],
            placement=placement,
            end_date=placement.start_date.replace(year=placement.start_date.year - 1),
            outcome="left",
        )
    assert list(refused.value.message_dict) == ["end_date"]
    assert Placement.objects.get().status == PlacementStatus.ACTIVE


def test_the_end_page_says_the_support_allowance_stops(
    client: Any, personas: Any, laval_participant: Any
) -> None:
    """002: the 173 $ support allowance is paid "en plus de la prestation de base" while the
    person takes part: stopping is voluntary but not "with no effect" (issue 16)."""
    grant(personas, opex(personas), "13")
    placement = placed(personas, laval_participant, opex(personas))
    client.force_login(personas["caseworker_laval"])
    url = reverse("paas:end_placement", args=[placement.uuid]).replace("/fr-ca/", "/en-ca/", 1)
    page = client.get(url).content.decode()
    assert "the support allowance stops when their participation ends" in page
    assert "with no effect on their benefit" not in page
