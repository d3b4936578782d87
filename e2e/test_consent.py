"""Consent in the browser: the participant gives a consent (one unticked box under the exact
text), sees who sees what in "My consents", and withdraws it after a confirmation page. Every
page is axe-clean, with JavaScript on and off."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("javascript", [True, False])
def test_participant_gives_sees_and_withdraws_a_consent(
    page: Page,
    js_disabled_page: Page,
    login: Callable[..., None],
    url: Callable[[str], str],
    demo_personas: dict[str, Any],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
    javascript: bool,
) -> None:
    from sentier.consent.models import Channel, Consent
    from sentier.network.models import Organization

    tab = page if javascript else js_disabled_page

    def check(target: Page) -> None:
        # axe is a script: it runs on the JavaScript variant; the other proves the plain forms.
        if javascript:
            assert_accessible(target)

    sorif = Organization.objects.get(name="SORIF")
    login(tab, demo_personas["participant"].email)
    tab.goto(url("/fr-ca/consent/mine/"))
    check(tab)
    tab.locator("a[href$='/consent/mine/give/referral/']").click()
    check(tab)
    expect(tab.locator("input[name='categories']:checked")).to_have_count(0)
    tab.locator("select[name='recipient_organization']").select_option(str(sorif.uuid))
    tab.locator("input[name='categories'][value='identity']").check()
    tab.locator("form button.qc-primary").click()
    check(tab)
    if javascript:
        screenshot(tab, "consent-give-text")
    expect(tab.locator("blockquote")).to_contain_text("SORIF")
    # Without ticking the box, nothing is recorded.
    tab.locator("form button.qc-primary").click()
    expect(tab.locator("#id_agree_error")).to_be_visible()
    check(tab)
    assert not Consent.objects.exists()
    tab.locator("input[name='agree']").check()
    tab.locator("form button.qc-primary").click()
    expect(tab).to_have_url(url("/fr-ca/consent/mine/"))
    check(tab)
    if javascript:
        screenshot(tab, "consent-mine")
    consent = Consent.objects.get()
    assert consent.channel == Channel.ONLINE
    assert "SORIF" in consent.text_shown
    tab.locator(f"a[href$='/consent/{consent.uuid}/withdraw/']").click()
    check(tab)
    if javascript:
        screenshot(tab, "consent-withdraw")
    tab.locator("form button.qc-primary").click()
    expect(tab).to_have_url(url("/fr-ca/consent/mine/"))
    check(tab)
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
