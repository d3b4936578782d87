"""Behind the TLS proxy every request comes from one address: one person's wrong passwords must
lock only that person out, and a client must not dodge its lockout by writing X-Forwarded-For."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db
LOGIN = "/fr-ca/accounts/login/"
PASSWORD = "sentier-demo-2026"
PROXY = "10.0.0.2"


def through_proxy(client_address: str) -> Client:
    """A browser at ``client_address``, reaching Sentier through our proxy (which appends the
    address it received the request from to X-Forwarded-For)."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=client_address)


def fail(client: Client, email: str, times: int) -> list[int]:
    return [
        client.post(LOGIN, {"login": email, "password": "wrong"}).status_code for _ in range(times)
    ]


def signs_in(client: Client, email: str) -> bool:
    client.post(LOGIN, {"login": email, "password": PASSWORD})
    return "_auth_user_id" in client.session


def test_wrong_passwords_lock_only_that_account_behind_the_proxy(
    personas: Any, settings: Any
) -> None:
    settings.SENTIER_TRUSTED_PROXY_COUNT = 1
    laval, montreal = personas["caseworker_laval"].email, personas["caseworker_montreal"].email
    statuses = fail(through_proxy("198.51.100.7"), laval, 7)
    assert 429 in statuses
    assert not signs_in(through_proxy("198.51.100.7"), laval)  # locked, right password or not
    # A colleague in another office, and one at the same desk's address: not locked.
    assert signs_in(through_proxy("198.51.100.8"), montreal)
    assert signs_in(through_proxy("198.51.100.7"), montreal)


def test_the_locked_account_still_signs_in_from_its_owners_address(
    personas: Any, settings: Any
) -> None:
    """Failures count per account *and* address: someone guessing Laval's password elsewhere
    does not lock the caseworker out of her own desk."""
    settings.SENTIER_TRUSTED_PROXY_COUNT = 1
    laval = personas["caseworker_laval"].email
    fail(through_proxy("203.0.113.50"), laval, 7)
    assert not signs_in(through_proxy("203.0.113.50"), laval)
    assert signs_in(through_proxy("198.51.100.7"), laval)


def test_without_a_proxy_count_others_are_not_locked_out_either(
    personas: Any, settings: Any
) -> None:
    """Proxy count left at 0 behind the proxy: everyone has the proxy's address, and still one
    person's failures lock only that person's account."""
    settings.SENTIER_TRUSTED_PROXY_COUNT = 0
    laval, montreal = personas["caseworker_laval"].email, personas["caseworker_montreal"].email
    assert 429 in fail(through_proxy("198.51.100.7"), laval, 7)
    assert signs_in(through_proxy("198.51.100.8"), montreal)


def test_a_client_cannot_forge_its_way_out_of_a_lockout(personas: Any, settings: Any) -> None:
    """No trusted proxy: X-Forwarded-For is the client's own writing and changes nothing."""
    settings.SENTIER_TRUSTED_PROXY_COUNT = 0
    laval = personas["caseworker_laval"].email
    statuses = [
        Client(REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
        .post(LOGIN, {"login": laval, "password": "wrong"})
        .status_code
        for n in range(7)
    ]
    assert 429 in statuses
    forged = Client(REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.99")
    assert not signs_in(forged, laval)


def test_one_address_trying_many_accounts_is_stopped(personas: Any, settings: Any) -> None:
    settings.SENTIER_TRUSTED_PROXY_COUNT = 1
    client = through_proxy("203.0.113.50")
    for n in range(30):
        client.post(LOGIN, {"login": f"guess{n}@example.org", "password": "wrong"})
    assert not signs_in(client, personas["caseworker_laval"].email)
    assert signs_in(through_proxy("198.51.100.7"), personas["caseworker_laval"].email)
