"""POST /api/v1/referrals/<uuid>/status: the receiving organization's moves, nothing more."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from drf_spectacular.generators import SchemaGenerator

from sentier.outbox.models import OutboxMessage
from sentier.referrals.models import Referral, ReferralStatus, ReferralTransition

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


@pytest.mark.parametrize(
    "body",
    [
        {"status": "rejected", "reason": "\u00a0\ufeff\u2003"},  # blank in any script
        {"status": "rejected", "reason": 12},
        {"status": "accepted", "outcome": 0},
        {"status": "accepted", "reason": False},
    ],
)
def test_a_reason_or_outcome_that_is_not_text_or_is_blank_is_refused(
    opex_api: Client, referral: Referral, body: dict[str, Any]
) -> None:
    before = snapshot(referral)
    response = opex_api.post(url(referral), body, content_type="application/json")
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) <= {"reason", "outcome"}
    assert snapshot(referral) == before


def test_a_form_body_is_415_and_changes_nothing(opex_api: Client, referral: Referral) -> None:
    before = snapshot(referral)
    response = opex_api.post(url(referral), {"status": "accepted"})  # multipart
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "unsupported_media_type"
    assert snapshot(referral) == before


def test_the_document_requires_a_reason_to_decline_cancel_or_fail() -> None:
    generator = SchemaGenerator()  # type: ignore[no-untyped-call]
    schema: dict[str, Any] = generator.get_schema(request=None, public=True)  # type: ignore[no-untyped-call]
    post = schema["paths"]["/api/v1/referrals/{referral_uuid}/status"]["post"]
    with_reason, reason_optional = post["requestBody"]["content"]["application/json"]["schema"][
        "oneOf"
    ]
    assert with_reason["properties"]["status"]["enum"] == ["rejected", "cancelled", "failed"]
    assert with_reason["required"] == ["status", "reason"]
    assert "rejected" not in reason_optional["properties"]["status"]["enum"]
