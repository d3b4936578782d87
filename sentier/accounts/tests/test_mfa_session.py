"""Under production settings, a staff session reaches pages and the API only once *this session*
passed MFA, however it was opened: the admin's login has no password form of its own, a password
alone opens nothing, and a session opened some other way (here ``force_login``) is held at the
MFA step even when the person has a TOTP device. Participants are not asked."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    generate_totp_secret,
)
from django.core.cache import cache
from django.test import Client

from sentier.accounts.demo import DEMO_PASSWORD
from sentier.accounts.tests.totp import current_code
from sentier.audit.models import AccessLog

pytestmark = pytest.mark.django_db

VERIFY = "/fr-ca/accounts/2fa/reauthenticate/"
SET_UP = "/fr-ca/accounts/2fa/totp/activate/"


@pytest.fixture(autouse=True)
def production(production_settings: Any) -> Iterator[None]:
    cache.clear()  # allauth's sign-in limits and used TOTP codes
    yield
    cache.clear()


def enrol(user: Any) -> str:
    secret = str(generate_totp_secret())
    TOTP.activate(user, secret)
    return secret


def signed_in_without_mfa(https_client: Any, user: Any) -> Client:
    client: Client = https_client()
    client.force_login(user)
    return client


def surfaces(participant: Any) -> dict[str, str]:
    """A page of the admin, a participant's file, the home page, and the API."""
    return {
        "admin": "/fr-ca/admin/",
        "file": f"/fr-ca/participants/{participant.uuid}/",
        "home": "/fr-ca/",
        "api_file": f"/api/v1/participants/{participant.uuid}",
        "api_me": "/api/v1/me",
    }


# --- The admin's login ----------------------------------------------------------------------


def test_the_admin_login_sends_to_the_sign_in_page(https_client: Any) -> None:
    response = https_client().get("/fr-ca/admin/login/?next=/fr-ca/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/fr-ca/accounts/login/?next=%2Ffr-ca%2Fadmin%2F"


def test_the_admin_login_takes_no_password(personas: Any, https_client: Any) -> None:
    enrol(personas["admin"])
    client = https_client()
    response = client.post(
        "/fr-ca/admin/login/?next=/fr-ca/admin/",
        {"username": personas["admin"].email, "password": DEMO_PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/fr-ca/accounts/login/")
    assert "_auth_user_id" not in client.session
    assert client.get("/fr-ca/admin/")["Location"].startswith("/fr-ca/admin/login/")


def test_a_password_alone_opens_neither_the_admin_nor_the_api(
    personas: Any, https_client: Any, laval_participant: Any
) -> None:
    enrol(personas["admin"])
    client = https_client()
    response = client.post(
        "/fr-ca/accounts/login/?next=/fr-ca/admin/",
        {"login": personas["admin"].email, "password": DEMO_PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr-ca/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    urls = surfaces(laval_participant)
    assert client.get(urls["admin"])["Location"].startswith("/fr-ca/admin/login/")
    assert client.get(urls["api_file"]).status_code == 403
    assert not AccessLog.objects.filter(participant=laval_participant).exists()


def test_password_then_totp_opens_the_admin_the_pages_and_the_api(
    personas: Any, https_client: Any, laval_participant: Any
) -> None:
    secret = enrol(personas["admin"])
    client = https_client()
    client.post(
        "/fr-ca/accounts/login/?next=/fr-ca/admin/",
        {"login": personas["admin"].email, "password": DEMO_PASSWORD},
    )
    response = client.post("/fr-ca/accounts/2fa/authenticate/", {"code": current_code(secret)})
    assert response.status_code == 302
    assert response["Location"] == "/fr-ca/admin/"
    for name, url in surfaces(laval_participant).items():
        assert client.get(url).status_code == 200, name


# --- Sessions opened without MFA ------------------------------------------------------------


@pytest.mark.parametrize("surface", ["admin", "file", "home"])
def test_a_session_that_did_not_pass_mfa_is_sent_to_the_mfa_step(
    personas: Any, https_client: Any, laval_participant: Any, surface: str
) -> None:
    enrol(personas["admin"])
    client = signed_in_without_mfa(https_client, personas["admin"])
    url = surfaces(laval_participant)[surface]
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next={url.replace('/', '%2F')}"
    assert not AccessLog.objects.filter(participant=laval_participant).exists()


@pytest.mark.parametrize("surface", ["api_file", "api_me"])
def test_the_api_refuses_a_session_that_did_not_pass_mfa(
    personas: Any, https_client: Any, laval_participant: Any, surface: str
) -> None:
    enrol(personas["admin"])
    client = signed_in_without_mfa(https_client, personas["admin"])
    response = client.get(surfaces(laval_participant)[surface], HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "mfa_required"
    assert not AccessLog.objects.filter(participant=laval_participant).exists()


def test_the_api_refuses_a_write_from_a_session_that_did_not_pass_mfa(
    personas: Any, https_client: Any
) -> None:
    enrol(personas["caseworker_laval"])
    client = signed_in_without_mfa(https_client, personas["caseworker_laval"])
    response = client.post("/api/v1/decisions", {}, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "mfa_required"


@pytest.mark.parametrize("persona", ["caseworker_laval", "coordinator", "partner_opex", "analyst"])
def test_every_staff_role_is_held_at_the_mfa_step(
    personas: Any, https_client: Any, persona: str
) -> None:
    enrol(personas[persona])
    response = signed_in_without_mfa(https_client, personas[persona]).get("/fr-ca/")
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)


def test_the_mfa_step_opens_the_session(
    personas: Any, https_client: Any, laval_participant: Any
) -> None:
    secret = enrol(personas["admin"])
    client = signed_in_without_mfa(https_client, personas["admin"])
    urls = surfaces(laval_participant)
    step = client.get(urls["file"])["Location"]
    assert client.get(step).status_code == 200  # the MFA step itself is open
    response = client.post(step, {"code": current_code(secret)})
    assert response.status_code == 302
    assert response["Location"] == urls["file"]
    for name, url in urls.items():
        assert client.get(url).status_code == 200, name


def test_a_wrong_code_keeps_the_session_held(personas: Any, https_client: Any) -> None:
    enrol(personas["admin"])
    client = signed_in_without_mfa(https_client, personas["admin"])
    response = client.post(f"{VERIFY}?next=/fr-ca/", {"code": "000000"})
    assert response.status_code == 200  # the form again, with its error
    assert client.get("/fr-ca/").status_code == 302


@pytest.mark.parametrize(
    "url",
    [
        "/fr-ca/accounts/2fa/totp/deactivate/",  # turning TOTP off
        "/fr-ca/accounts/2fa/recovery-codes/",
        "/fr-ca/accounts/reauthenticate/",  # the password instead of the code
        "/fr-ca/accounts/password/change/",
        "/fr-ca/accounts/email/",
    ],
)
def test_account_pages_wait_for_the_mfa_step_too(
    personas: Any, https_client: Any, url: str
) -> None:
    enrol(personas["admin"])
    response = signed_in_without_mfa(https_client, personas["admin"]).get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)


def test_signing_out_is_open_before_mfa(personas: Any, https_client: Any) -> None:
    enrol(personas["admin"])
    client = signed_in_without_mfa(https_client, personas["admin"])
    assert client.get("/fr-ca/accounts/logout/").status_code == 200
    client.post("/fr-ca/accounts/logout/")
    assert "_auth_user_id" not in client.session


# --- Without a TOTP device, and people who are not staff ------------------------------------


def test_staff_without_totp_are_sent_to_set_it_up(
    personas: Any, https_client: Any, laval_participant: Any
) -> None:
    client = signed_in_without_mfa(https_client, personas["caseworker_laval"])
    urls = surfaces(laval_participant)
    response = client.get(urls["file"])
    assert response.status_code == 302
    assert response["Location"] == SET_UP
    assert client.get(urls["api_file"]).status_code == 403
    # Set-up is open (allauth may first ask for the password again).
    setup = client.get(SET_UP)
    assert setup.status_code in (200, 302)
    if setup.status_code == 302:
        assert re.match(r"^/fr-ca/accounts/reauthenticate/", setup["Location"])
        assert client.get(setup["Location"]).status_code == 200


def test_participants_are_not_asked(
    personas: Any, https_client: Any, laval_participant: Any
) -> None:
    client = signed_in_without_mfa(https_client, personas["participant"])
    assert client.get("/fr-ca/participants/me/").status_code == 200
