"""Every JSON body is bounded in depth and size: past either bound, a 400 that says which, and
nothing changes (never a 500 from the decoder's recursion)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from sentier.api.parsers import MAX_BODY_BYTES, MAX_DEPTH, json_depth_exceeds
from sentier.network.models import Service
from sentier.referrals.models import Referral, ReferralTransition

pytestmark = pytest.mark.django_db

TOO_DEEP = "[" * 5000 + "]" * 5000


def nested(depth: int) -> str:
    """An object whose ``status`` holds arrays nested so that the body is ``depth`` deep."""
    return '{"status": ' + "[" * (depth - 1) + "]" * (depth - 1) + "}"


@pytest.mark.parametrize(
    ("text", "deeper_than_32"),
    [
        ("[" * 32 + "]" * 32, False),
        ("[" * 33 + "]" * 33, True),
        ('{"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}', False),  # brackets in a string
        ('{"a": "\\"' + "[" * 40 + '"}', False),  # an escaped quote does not end the string
        ('["\\\\", ' + "[" * 40 + "]" * 40 + "]", True),  # an escaped backslash does
    ],
)
def test_depth_is_measured_outside_strings(text: str, deeper_than_32: bool) -> None:
    assert json_depth_exceeds(text, MAX_DEPTH) is deeper_than_32


def test_referral_status_refuses_a_deep_body(opex_api: Client, referral: Referral) -> None:
    status, moves = referral.status, ReferralTransition.objects.filter(referral=referral).count()
    response = opex_api.post(
        f"/api/v1/referrals/{referral.uuid}/status", TOO_DEEP, content_type="application/json"
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "parse_error"
    assert "32" in error["message"]
    referral.refresh_from_db()
    assert referral.status == status
    assert ReferralTransition.objects.filter(referral=referral).count() == moves


def test_capacity_refuses_a_deep_body(opex_api: Client, opex_service: Service) -> None:
    before = (opex_service.capacity_available, opex_service.capacity_updated_at)
    response = opex_api.put(
        f"/api/v1/services/{opex_service.uuid}/capacity",
        '{"capacity_available": ' + TOO_DEEP + "}",
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "parse_error"
    opex_service.refresh_from_db()
    assert (opex_service.capacity_available, opex_service.capacity_updated_at) == before


def test_decisions_refuse_a_deep_body_in_the_request_language(client_for: Any) -> None:
    response = client_for("caseworker_laval").post(
        "/api/v1/decisions", TOO_DEEP, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert response.json() == {
        "detail": "The JSON body is nested too deeply: at most 32 levels are accepted."
    }


def test_a_body_at_the_depth_limit_is_read(opex_api: Client, referral: Referral) -> None:
    # 32 levels parse; the field is then refused as a value, not as a body.
    response = opex_api.post(
        f"/api/v1/referrals/{referral.uuid}/status",
        nested(MAX_DEPTH),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"


def test_a_body_past_the_size_limit_is_refused(client_for: Any) -> None:
    body = '{"measure": "' + "x" * MAX_BODY_BYTES + '"}'
    response = client_for("caseworker_laval").post(
        "/api/v1/decisions", body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert response.json() == {
        "detail": f"The body is too large: at most {MAX_BODY_BYTES} bytes are accepted."
    }


def test_a_body_that_is_not_utf8_is_a_400(client_for: Any) -> None:
    response = client_for("caseworker_laval").post(
        "/api/v1/decisions", b'{"a": "\xff"}', content_type="application/json"
    )
    assert response.status_code == 400
