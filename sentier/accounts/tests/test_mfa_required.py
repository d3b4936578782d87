"""With SENTIER_REQUIRE_MFA on, staff must set up TOTP before anything else; participants not."""

from __future__ import annotations

from typing import Any

import pytest
from allauth.mfa.models import Authenticator
from django.test import override_settings

pytestmark = pytest.mark.django_db


@override_settings(SENTIER_REQUIRE_MFA=True)
@pytest.mark.parametrize("persona", ["caseworker_laval", "coordinator", "partner_opex", "analyst"])
def test_staff_without_totp_are_sent_to_set_it_up(client_for: Any, persona: str) -> None:
    response = client_for(persona).get("/fr-ca/")
    assert response.status_code == 302
    assert "/accounts/2fa/totp/activate" in response["Location"]


@override_settings(SENTIER_REQUIRE_MFA=True)
def test_participants_are_not_forced(client_for: Any) -> None:
    assert client_for("participant").get("/fr-ca/").status_code == 200


@override_settings(SENTIER_REQUIRE_MFA=True)
def test_staff_with_totp_go_through(client_for: Any, personas: Any) -> None:
    Authenticator.objects.create(
        user=personas["caseworker_laval"], type=Authenticator.Type.TOTP, data={"secret": "x"}
    )
    assert client_for("caseworker_laval").get("/fr-ca/").status_code == 200


@override_settings(SENTIER_REQUIRE_MFA=False)
def test_demo_mode_does_not_force(client_for: Any) -> None:
    assert client_for("caseworker_laval").get("/fr-ca/").status_code == 200
