"""The staff sign-in page (allauth's, which the admin uses too) locks an account out after five
failed passwords from one address, says so in the reader's language without a 500, refuses even
the right password while locked, and lets it in once the five-minute window has passed.

The clock is allauth's rate-limit clock, moved by the test (no sleep): the counters are the hit
times kept in the cache, and a hit older than the window no longer counts.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from allauth.core.internal import ratelimit
from django.core.cache import cache
from django.test import Client

pytestmark = pytest.mark.django_db

LOGIN = "/fr-ca/accounts/login/"
PASSWORD = "sentier-demo-2026"


class Clock:
    def __init__(self, at: float) -> None:
        self.at = at

    def time(self) -> float:
        return self.at


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    """allauth's rate-limit module reads this clock; its lock still waits on the real one."""
    now = Clock(1_800_000_000.0)
    real = ratelimit.time
    fake = SimpleNamespace(time=now.time, monotonic=real.monotonic, sleep=real.sleep)
    monkeypatch.setattr(ratelimit, "time", fake)
    cache.clear()
    yield now
    cache.clear()


def sign_in(client: Client, email: str, password: str) -> Any:
    return client.post(LOGIN, {"login": email, "password": password})


def refused(answer: Any, client: Client) -> bool:
    """Refused for too many attempts, said in French: our 429 page, or the form's error."""
    return (
        answer.status_code in (200, 429)
        and "Trop de tentatives" in answer.content.decode()
        and "_auth_user_id" not in client.session
    )


def test_five_failures_lock_the_account_until_the_window_passes(
    personas: Any, clock: Clock
) -> None:
    client = Client()
    email = personas["caseworker_laval"].email
    first = clock.at
    for _ in range(4):
        answer = sign_in(client, email, "wrong")
        assert answer.status_code == 200  # the form again, with its error
        assert "Trop de tentatives" not in answer.content.decode()
        clock.at += 10
    locked = sign_in(client, email, "wrong")  # the fifth
    assert locked.status_code == 429
    assert 'lang="fr' in locked.content.decode()  # our page, in French, not a bare 429 nor a 500
    assert refused(locked, client)

    # The right password is refused while locked, up to the end of the five minutes.
    clock.at += 60
    assert refused(sign_in(client, email, PASSWORD), client)
    clock.at = first + 5 * 60 - 1
    assert refused(sign_in(client, email, PASSWORD), client)

    # Once every failure is older than five minutes, the right password signs in.
    clock.at = first + 40 + 5 * 60 + 1
    assert sign_in(client, email, PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(personas["caseworker_laval"].pk)


def test_the_lockout_is_said_in_english_on_english_pages(personas: Any, clock: Clock) -> None:
    client = Client()
    email = personas["caseworker_laval"].email
    answers = [
        client.post("/en-ca/accounts/login/", {"login": email, "password": "wrong"})
        for _ in range(6)
    ]
    assert [a.status_code for a in answers[:5]] == [200, 200, 200, 200, 429]
    assert all("Too many" in a.content.decode() for a in answers[4:])
