"""With SENTIER_REQUIRE_MFA on, staff must set up TOTP and use it in the session before anything
else; participants not; the demo (off) asks nothing. Production settings: test_mfa_session.py."""

from __future__ import annotations

from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    generate_totp_secret,
)
from django.test import Client, override_settings

from sentier.accounts.demo import DEMO_PASSWORD
from sentier.accounts.tests.totp import current_code

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
def test_staff_with_totp_go_through_once_this_session_used_it(
    client_for: Any, personas: Any
) -> None:
    secret = generate_totp_secret()
    TOTP.activate(personas["caseworker_laval"], secret)
    client = client_for("caseworker_laval")
    step = client.get("/fr-ca/")["Location"]
    assert step == "/fr-ca/accounts/2fa/reauthenticate/?next=%2Ffr-ca%2F"
    code = current_code(secret)
    assert client.post(step, {"code": code})["Location"] == "/fr-ca/"
    assert client.get("/fr-ca/").status_code == 200


@override_settings(SENTIER_REQUIRE_MFA=False)
def test_demo_mode_does_not_force(client_for: Any) -> None:
    assert client_for("caseworker_laval").get("/fr-ca/").status_code == 200


@override_settings(SENTIER_REQUIRE_MFA=False)
def test_demo_administrator_opens_the_admin_through_the_sign_in_page(personas: Any) -> None:
    client = Client()
    login = client.get("/fr-ca/admin/")["Location"]
    assert login.startswith("/fr-ca/admin/login/")
    assert client.get(login)["Location"] == "/fr-ca/accounts/login/?next=%2Ffr-ca%2Fadmin%2F"
    response = client.post(
        "/fr-ca/accounts/login/?next=/fr-ca/admin/",
        {"login": personas["admin"].email, "password": DEMO_PASSWORD},
    )
    assert response["Location"] == "/fr-ca/admin/"
    assert client.get("/fr-ca/admin/").status_code == 200
