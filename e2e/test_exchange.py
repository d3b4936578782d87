"""Partner staff create an API key for their system and revoke one, in the browser: the key is
shown once, the pages are axe-clean and work without JavaScript.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


@pytest.fixture
def partner(demo_personas: dict[str, Any]) -> Any:
    from sentier.outbox.models import OutboxMessage, WebhookEndpoint

    users = demo_personas
    staff = users["partner_opex"]
    assert staff.organization is not None
    endpoint = WebhookEndpoint.objects.create(
        organization=staff.organization, url="https://opex.example/sentier/hooks", secret="s"
    )
    from django.utils import timezone

    OutboxMessage.objects.create(
        topic="referral.requested",
        endpoint=endpoint,
        payload={},
        status="failed",
        attempts=8,
        last_error="HTTP 503",
        next_attempt_at=timezone.now(),
        created_at=timezone.now(),
    )
    return staff


def test_partner_creates_a_key_sees_it_once_and_revokes_it(
    page: Page,
    login: Callable[..., None],
    url: Callable[[str], str],
    partner: Any,
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
) -> None:
    login(page, partner.email)
    page.goto(url("/en-ca/exchange/keys/"))
    expect(page.locator("h1")).to_have_text("Connecting your systems")
    page.get_by_label("Name of the key").fill("Logiciel de suivi OPEX")
    page.get_by_role("button", name="Create the key").click()
    secret = page.locator("#new-key code")
    expect(secret).to_contain_text("snt_")
    assert_accessible(page)
    screenshot(page, "exchange-keys-en-1280")
    page.set_viewport_size({"width": 360, "height": 800})
    screenshot(page, "exchange-keys-en-360")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_label("Address of your system").fill("https://opex.example/sentier/v2")
    page.get_by_role("button", name="Add the address").click()
    expect(page.locator("#new-secret code")).not_to_be_empty()
    assert_accessible(page)
    screenshot(page, "exchange-webhook-en-1280")
    page.reload()
    expect(page.locator("#new-secret")).to_have_count(0)
    expect(page.locator("#new-key")).to_have_count(0)
    page.get_by_role("link", name="Revoke").first.click()
    assert_accessible(page)
    page.get_by_role("button", name="Revoke the key").click()
    expect(page.locator("main")).to_contain_text("Revoked on")


def test_without_javascript_a_key_can_be_created(
    js_disabled_page: Page,
    login: Callable[..., None],
    url: Callable[[str], str],
    partner: Any,
) -> None:
    page = js_disabled_page
    login(page, partner.email)
    page.goto(url("/en-ca/exchange/keys/"))
    page.get_by_role("button", name="Create the key").click()
    expect(page.locator(".sentier-error-summary")).to_be_visible()
    page.get_by_label("Name of the key").fill("Sans JavaScript")
    page.get_by_role("button", name="Create the key").click()
    expect(page.locator("#new-key code")).to_contain_text("snt_")
