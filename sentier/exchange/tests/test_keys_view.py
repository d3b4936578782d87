"""/exchange/keys/: partner staff create a key (shown once), revoke one, see deliveries."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from sentier.exchange.actions import NewKey
from sentier.exchange.models import ApiKey
from sentier.outbox.models import OutboxMessage, OutboxStatus
from sentier.referrals.models import Referral

pytestmark = pytest.mark.django_db
URL = "/fr-ca/exchange/keys/"


def test_partner_staff_create_a_key_and_see_it_once(client_for: Any) -> None:
    client = client_for("partner_opex")
    response = client.post(URL, {"name": "Logiciel de suivi"})
    assert response.status_code == 302
    page = client.get(URL).content.decode()
    key = ApiKey.objects.get()
    assert f"snt_{key.prefix}_" in page
    assert "Logiciel de suivi" in page
    again = client.get(URL).content.decode()
    assert f"snt_{key.prefix}_…" in again
    assert again.count(f"snt_{key.prefix}_") == 1  # the whole key is gone


def test_a_missing_name_is_shown_next_to_the_field_and_nothing_is_created(
    client_for: Any,
) -> None:
    response = client_for("partner_opex").post(URL, {"name": ""})
    assert response.status_code == 200
    assert "sentier-error-summary" in response.content.decode()
    assert not ApiKey.objects.exists()


@pytest.mark.parametrize("who", ["caseworker_laval", "participant", "analyst"])
def test_people_without_an_organization_get_404(client_for: Any, who: str) -> None:
    assert client_for(who).get(URL).status_code == 404
    assert client_for(who).post(URL, {"name": "x"}).status_code == 404
    assert not ApiKey.objects.exists()


def test_the_page_asks_to_sign_in(client: Client) -> None:
    assert client.get(URL).status_code == 302


def test_revoking_from_the_page(client_for: Any, opex_key: NewKey) -> None:
    client = client_for("partner_opex")
    url = f"/fr-ca/exchange/keys/{opex_key.key.uuid}/revoke/"
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    opex_key.key.refresh_from_db()
    assert opex_key.key.revoked_at is not None


def test_another_organization_cannot_see_or_revoke_the_key(
    client_for: Any, opex_key: NewKey
) -> None:
    client = client_for("partner_sorif")
    url = f"/fr-ca/exchange/keys/{opex_key.key.uuid}/revoke/"
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert client.get("/fr-ca/exchange/keys/nonsense/revoke/").status_code == 404
    opex_key.key.refresh_from_db()
    assert opex_key.key.revoked_at is None
    assert opex_key.key.name not in client.get(URL).content.decode()


def test_failed_deliveries_are_shown_and_can_be_tried_again(
    client_for: Any, referral: Referral
) -> None:
    message = OutboxMessage.objects.get(referral=referral)
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxStatus.FAILED, attempts=8, last_error="HTTP 503"
    )
    client = client_for("partner_opex")
    page = client.get(URL).content.decode()
    assert "HTTP 503" in page
    assert (
        client_for("partner_sorif")
        .post(f"/fr-ca/exchange/deliveries/{message.uuid}/retry/")
        .status_code
        == 404
    )
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED
    assert client.post(f"/fr-ca/exchange/deliveries/{message.uuid}/retry/").status_code == 302
    message.refresh_from_db()
    assert message.status == OutboxStatus.PENDING
    assert message.attempts == 0
    assert message.next_attempt_at <= timezone.now()


@override_settings(LANGUAGE_CODE="en-ca")
def test_the_page_in_english(client_for: Any, opex_key: NewKey) -> None:
    page = client_for("partner_opex").get("/en-ca/exchange/keys/").content.decode()
    assert "Connecting your systems" in page
    assert opex_key.key.name in page
