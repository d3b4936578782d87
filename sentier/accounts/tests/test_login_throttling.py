"""Repeated failed sign-ins are throttled by allauth. The admin has no sign-in form of its own (it
sends people to allauth's: test_mfa_session.py), so these limits hold there too."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counters() -> Any:
    cache.clear()
    yield
    cache.clear()


def test_public_sign_in_is_throttled_after_repeated_failures(personas: Any) -> None:
    client = Client()
    email = personas["caseworker_laval"].email
    statuses = [
        client.post("/fr-ca/accounts/login/", {"login": email, "password": "wrong"}).status_code
        for _ in range(7)
    ]
    assert statuses[0] == 200  # the form again, with an error
    assert 429 in statuses  # then "too many attempts"
    # Even the right password is refused while throttled.
    client.post("/fr-ca/accounts/login/", {"login": email, "password": "sentier-demo-2026"})
    assert "_auth_user_id" not in client.session
