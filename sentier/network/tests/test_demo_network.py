"""The network demo: Julie has an offer, SORIF has people waiting and a stale service; twice is
the same as once."""

from __future__ import annotations

from typing import Any

import pytest

from sentier.network.demo import load_demo
from sentier.network.models import Offer, OfferStatus, Service, WaitingListEntry

pytestmark = pytest.mark.django_db


def test_the_demo_builds_the_story_and_is_idempotent(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    load_demo()
    counts = (WaitingListEntry.objects.count(), Offer.objects.count())
    load_demo()

    assert (WaitingListEntry.objects.count(), Offer.objects.count()) == counts
    offer = Offer.objects.get(status=OfferStatus.OFFERED)
    assert offer.entry.participant == laval_participant
    budget = Service.objects.get(organization__slug="sorif", kind="budget")
    assert budget.capacity_updated_at is not None


def test_julie_sees_her_offer(client_for: Any, personas: dict[str, Any]) -> None:
    load_demo()

    body = client_for("participant").get("/en-ca/participants/me/").content.decode()

    assert "A place is offered to you" in body
