"""API keys end on their own: chosen validity, refused once expired, the organization told once
two weeks before, and a key cannot hammer the API (429 past its rate)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from sentier.exchange.actions import NewKey, authenticate_key, create_api_key
from sentier.exchange.expiry import send_expiry_notices
from sentier.exchange.models import ApiKey
from sentier.network.models import Organization

pytestmark = pytest.mark.django_db
DAY = dt.timedelta(days=1)


def test_a_key_works_until_the_end_of_its_validity_then_is_refused(
    personas: dict[str, Any], opex: Organization
) -> None:
    now = timezone.now()
    new = create_api_key(
        actor=personas["partner_opex"], organization=opex, name="Logiciel", valid_days=90, at=now
    )
    assert new.key.expires_at == now + 90 * DAY
    assert authenticate_key(new.raw, at=now + 89 * DAY) == new.key
    assert authenticate_key(new.raw, at=now + 90 * DAY) is None


def test_the_validity_cannot_exceed_the_longest_allowed(
    personas: dict[str, Any], opex: Organization, settings: Any
) -> None:
    settings.SENTIER_API_KEY_MAX_DAYS = 180
    for days in (0, 181):
        with pytest.raises(ValidationError):
            create_api_key(
                actor=personas["partner_opex"], organization=opex, name="Logiciel", valid_days=days
            )
    assert not ApiKey.objects.exists()


def test_an_expired_key_gets_401_from_the_api(personas: dict[str, Any], opex: Organization) -> None:
    old = create_api_key(
        actor=personas["partner_opex"],
        organization=opex,
        name="Ancien",
        valid_days=30,
        at=timezone.now() - 31 * DAY,
    )
    assert Client(HTTP_X_API_KEY=old.raw).get("/api/v1/referrals").status_code == 401


def test_the_organization_is_told_once_two_weeks_before(
    personas: dict[str, Any], opex: Organization, django_capture_on_commit_callbacks: Any
) -> None:
    now = timezone.now()
    new = create_api_key(
        actor=personas["partner_opex"], organization=opex, name="Logiciel", valid_days=90, at=now
    )
    assert send_expiry_notices(now=now + 75 * DAY) == []  # 15 days before: not yet
    with django_capture_on_commit_callbacks(execute=True):
        assert send_expiry_notices(now=now + 77 * DAY) == [new.key]
    (message,) = mail.outbox
    assert "Logiciel" in message.subject
    assert personas["partner_opex"].email in message.to
    assert new.raw not in message.body
    assert send_expiry_notices(now=now + 80 * DAY) == []  # once
    assert len(mail.outbox) == 1


def test_the_scheduled_command_runs_the_notices(
    personas: dict[str, Any], opex: Organization
) -> None:
    now = timezone.now()
    create_api_key(
        actor=personas["partner_opex"], organization=opex, name="Logiciel", valid_days=90, at=now
    )
    call_command("api_key_expiry", now=(now + 80 * DAY).isoformat(), stdout=None)
    assert ApiKey.objects.get().expiry_notice_at is not None


def test_the_keys_page_says_until_when_and_offers_the_validity(
    client_for: Any, personas: dict[str, Any], opex: Organization
) -> None:
    client = client_for("partner_opex")
    with translation.override("en-ca"):
        url = reverse("exchange:keys")
    response = client.post(url, {"name": "Logiciel", "valid_days": "180"})
    assert response.status_code == 302
    key = ApiKey.objects.get()
    assert key.expires_at is not None
    assert (key.expires_at - key.created_at).days == 180
    page = client.get(url).content.decode()
    assert "Works until" in page
    bad = client.post(url, {"name": "Autre", "valid_days": "9999"})
    assert bad.status_code == 400 or "Select a valid choice" in bad.content.decode()
    assert ApiKey.objects.count() == 1


def test_a_key_past_its_rate_gets_429(opex_key: NewKey, monkeypatch: Any) -> None:
    from sentier.api.authentication import ApiKeyRateThrottle

    monkeypatch.setattr(ApiKeyRateThrottle, "rate", "3/minute", raising=False)
    cache.clear()
    try:
        client = Client(HTTP_X_API_KEY=opex_key.raw)
        codes = [client.get("/api/v1/referrals").status_code for _ in range(4)]
    finally:
        cache.clear()
    assert codes == [200, 200, 200, 429]
