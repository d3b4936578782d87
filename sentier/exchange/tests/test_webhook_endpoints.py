"""add_webhook_endpoint / turn_off_webhook_endpoint, and the page's forms for them."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sentier.exchange.actions import add_webhook_endpoint, turn_off_webhook_endpoint
from sentier.network.models import Organization
from sentier.outbox.models import WebhookEndpoint

pytestmark = pytest.mark.django_db
PAGE = "/fr-ca/exchange/keys/"


def test_partner_staff_add_an_address_with_a_fresh_secret(
    personas: dict[str, Any], opex: Organization
) -> None:
    endpoint, secret = add_webhook_endpoint(
        actor=personas["partner_opex"], organization=opex, url="https://opex.example/hooks"
    )
    assert endpoint.secret == secret
    assert len(secret) >= 40
    assert endpoint.active


@pytest.mark.parametrize(
    "url", ["http://opex.example/hooks", "ftp://opex.example", "https://", "opex.example"]
)
def test_only_https_addresses_are_accepted(
    personas: dict[str, Any], opex: Organization, url: str
) -> None:
    with pytest.raises(ValidationError):
        add_webhook_endpoint(actor=personas["partner_opex"], organization=opex, url=url)
    assert not WebhookEndpoint.objects.filter(organization=opex).exists()


def test_another_organization_cannot_add_or_turn_off(
    personas: dict[str, Any], opex: Organization, endpoint: WebhookEndpoint
) -> None:
    with pytest.raises(PermissionDenied):
        add_webhook_endpoint(
            actor=personas["partner_sorif"], organization=opex, url="https://evil.example/h"
        )
    with pytest.raises(PermissionDenied):
        turn_off_webhook_endpoint(actor=personas["partner_sorif"], endpoint=endpoint)
    endpoint.refresh_from_db()
    assert endpoint.active
    assert WebhookEndpoint.objects.filter(organization=opex).count() == 1


def test_the_page_adds_an_address_and_shows_its_secret_once(client_for: Any) -> None:
    client = client_for("partner_opex")
    response = client.post("/fr-ca/exchange/webhooks/", {"url": "https://opex.example/hooks"})
    assert response.status_code == 302
    endpoint = WebhookEndpoint.objects.get(url="https://opex.example/hooks")
    assert endpoint.secret in client.get(PAGE).content.decode()
    assert endpoint.secret not in client.get(PAGE).content.decode()


def test_a_bad_address_is_shown_next_to_the_field_and_kept(client_for: Any) -> None:
    response = client_for("partner_opex").post(
        "/fr-ca/exchange/webhooks/", {"url": "http://opex.example/hooks"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "sentier-error-summary" in page
    assert 'value="http://opex.example/hooks"' in page
    assert not WebhookEndpoint.objects.exists()


def test_the_page_turns_an_address_off_but_not_another_organization_s(
    client_for: Any, endpoint: WebhookEndpoint
) -> None:
    url = f"/fr-ca/exchange/webhooks/{endpoint.uuid}/turn-off/"
    assert client_for("partner_sorif").post(url).status_code == 404
    endpoint.refresh_from_db()
    assert endpoint.active
    assert client_for("partner_opex").post(url).status_code == 302
    endpoint.refresh_from_db()
    assert not endpoint.active
