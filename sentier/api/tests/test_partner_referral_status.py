"""POST /api/v1/referrals/<uuid>/status: the receiving organization's moves, nothing more."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from sentier.referrals.models import OutboxMessage, Referral, ReferralStatus, ReferralTransition

pytestmark = pytest.mark.django_db


def url(referral: Referral) -> str:
    return f"/api/v1/referrals/{referral.uuid}/status"


def snapshot(referral: Referral) -> tuple[Any, ...]:
    referral.refresh_from_db()
    return (
        referral.status,
        referral.status_reason,
        ReferralTransition.objects.filter(referral=referral).count(),
        OutboxMessage.objects.filter(referral=referral).count(),
    )


def test_accepting_moves_the_referral_and_names_the_key(
    opex_api: Client, referral: Referral
) -> None:
    response = opex_api.post(url(referral), {"status": "accepted"}, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["status"] == "accepted"
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED
    last = ReferralTransition.objects.filter(referral=referral).latest("id")
    assert last.side == "receiver"
    assert last.actor is None
    assert last.actor_label == "API key: Logiciel OPEX"
    assert OutboxMessage.objects.filter(referral=referral, topic="referral.accepted").exists()


def test_declining_without_a_reason_is_refused_and_nothing_changes(
    opex_api: Client, referral: Referral
) -> None:
    before = snapshot(referral)
    for body in ({"status": "rejected"}, {"status": "rejected", "reason": "   "}):
        response = opex_api.post(url(referral), body, content_type="application/json")
        assert response.status_code == 400
        assert "reason" in response.json()["error"]["fields"]
    assert snapshot(referral) == before


def test_declining_with_a_reason_closes_it(opex_api: Client, referral: Referral) -> None:
    response = opex_api.post(
        url(referral),
        {"status": "rejected", "reason": "Aucune place avant l’automne"},
        content_type="application/json",
    )
    assert response.status_code == 200
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.REJECTED
    assert referral.status_reason == "Aucune place avant l’automne"


def test_a_move_the_state_machine_forbids_is_409_and_changes_nothing(
    opex_api: Client, referral: Referral
) -> None:
    before = snapshot(referral)
    response = opex_api.post(
        url(referral), {"status": "completed"}, content_type="application/json"
    )
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "transition_refused"
    assert response.json()["error"]["message"]
    # The sender's moves are not the receiver's either.
    response = opex_api.post(
        url(referral), {"status": "cancelled", "reason": "x"}, content_type="application/json"
    )
    assert response.status_code == 409
    assert snapshot(referral) == before


def test_another_organization_gets_404_and_nothing_changes(
    sorif_api: Client, referral: Referral
) -> None:
    before = snapshot(referral)
    response = sorif_api.post(
        url(referral), {"status": "accepted"}, content_type="application/json"
    )
    assert response.status_code == 404
    assert snapshot(referral) == before


@pytest.mark.parametrize(
    "body", ["not json", "[]", '{"status": "flying"}', '{"status": null}', "{}", '"accepted"']
)
def test_malformed_bodies_are_400_never_500(
    opex_api: Client, referral: Referral, body: str
) -> None:
    before = snapshot(referral)
    response = opex_api.post(url(referral), body, content_type="application/json")
    assert response.status_code == 400
    assert "error" in response.json()
    assert snapshot(referral) == before


def test_get_is_not_allowed(opex_api: Client, referral: Referral) -> None:
    response = opex_api.get(url(referral))
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"
