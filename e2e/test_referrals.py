"""Referrals in the browser: a caseworker records consent and sends a referral, the partner
accepts it in the portal, an organization without an account declines through its signed link.
Every page is axe-clean (WCAG 2.2 AA); screenshots in e2e/screenshots/."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


@pytest.fixture
def people(demo_personas: dict[str, Any]) -> dict[str, Any]:
    from sentier.participants.models import Participant

    users = demo_personas
    return {"users": users, "participant": Participant.objects.get(user=users["participant"])}


def test_caseworker_records_consent_and_sends_a_referral(
    page: Page,
    login: Callable[..., None],
    url: Callable[[str], str],
    people: dict[str, Any],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
) -> None:
    from sentier.referrals.models import Referral, ReferralStatus

    participant = people["participant"]
    opex = people["users"]["partner_opex"].organization
    login(page, people["users"]["caseworker_laval"].email)
    page.goto(url(f"/fr-ca/participants/{participant.uuid}/"))
    # No consent yet: the referral's information step says so and links to record it.
    page.locator(f"a[href$='/referrals/send/{participant.uuid}/']").click()
    assert_accessible(page)
    page.locator("input[name='kind'][value='employability']").check()
    page.locator("textarea[name='need']").fill("Recherche d’emploi en entrepôt, horaires de jour.")
    page.locator("form button.qc-primary").click()
    assert_accessible(page)
    screenshot(page, "referral-send-organizations")
    option = page.locator("label.sentier-option", has_text="OPEX’82").first
    option.locator("input").check()
    page.locator("form button.qc-primary").click()
    assert_accessible(page)
    screenshot(page, "referral-send-no-consent")
    page.locator("a[href*='/consent/file/']").click()
    # Recording the consent heard by phone: choices, then the text and one unticked box.
    assert_accessible(page)
    expect(page.locator("select[name='recipient_organization']")).to_have_value(str(opex.uuid))
    page.locator("input[name='categories'][value='identity']").check()
    page.locator("input[name='categories'][value='employment']").check()
    page.locator("form button.qc-primary").click()
    assert_accessible(page)
    screenshot(page, "consent-record-text")
    expect(page.locator("input[name='agree']")).not_to_be_checked()
    page.locator("input[name='channel'][value='phone']").check()
    page.locator("input[name='agree']").check()
    page.locator("form button.qc-primary").click()
    # Back to the referral's information step, with the need, its kind and OPEX kept: only the
    # consented categories are selectable now.
    expect(page).to_have_url(re.compile(rf"/fr-ca/referrals/send/{participant.uuid}/\?resume="))
    expect(page.locator("main")).to_contain_text("Étape 3 sur 4")
    expect(page.locator("main h2").first).to_contain_text("OPEX’82")
    expect(page.locator("input[name='need']")).to_have_value(
        "Recherche d’emploi en entrepôt, horaires de jour."
    )
    assert_accessible(page)
    expect(page.locator("input[name='categories']")).to_have_count(2)
    expect(page.locator("input[name='categories']:checked")).to_have_count(0)
    page.locator("input[name='categories'][value='identity']").check()
    page.locator("form button.qc-primary").click()
    assert_accessible(page)
    screenshot(page, "referral-send-confirm")
    page.locator("form button.qc-primary").click()
    referral = Referral.objects.get()
    expect(page).to_have_url(url(f"/fr-ca/referrals/{referral.uuid}/"))
    assert_accessible(page)
    screenshot(page, "referral-detail")
    assert referral.status == ReferralStatus.REQUESTED
    assert referral.categories == ["identity"]
    page.goto(url("/fr-ca/referrals/sent/"))
    assert_accessible(page)


def test_back_and_send_again_shows_the_referral_already_sent(
    page: Page,
    login: Callable[..., None],
    url: Callable[[str], str],
    people: dict[str, Any],
    assert_accessible: Callable[[Page], None],
) -> None:
    from sentier.referrals.models import Referral
    from sentier.referrals.tests.helpers import consent

    participant = people["participant"]
    users = people["users"]
    opex = users["partner_opex"].organization
    consent(users, participant, opex, ["identity"])
    login(page, users["caseworker_laval"].email)
    page.goto(url(f"/fr-ca/referrals/send/{participant.uuid}/"))
    page.locator("input[name='kind'][value='employability']").check()
    page.locator("textarea[name='need']").fill("Recherche d’emploi en entrepôt, horaires de jour.")
    page.locator("form button.qc-primary").click()
    page.locator("label.sentier-option", has_text="OPEX’82").first.locator("input").check()
    page.locator("form button.qc-primary").click()
    page.locator("input[name='categories'][value='identity']").check()
    page.locator("form button.qc-primary").click()
    send_button = page.locator("form button.qc-primary")
    expect(send_button).to_be_visible()
    send_button.click()
    referral = Referral.objects.get()
    detail = url(f"/fr-ca/referrals/{referral.uuid}/")
    expect(page).to_have_url(detail)
    # Back to the confirm page, and "Send" again.
    page.go_back()
    expect(page).to_have_url(url(f"/fr-ca/referrals/send/{participant.uuid}/"))
    expect(page.locator("input[name='step']")).to_have_value("confirm")
    page.locator("form button.qc-primary").click()
    expect(page).to_have_url(detail)
    expect(page.locator(".sentier-messages .qc-notice")).to_have_count(1)
    expect(page.locator(".sentier-messages")).to_contain_text("OPEX’82")
    expect(page.locator(".sentier-messages .qc-success")).to_have_count(0)  # not "sent" again
    assert_accessible(page)
    assert Referral.objects.count() == 1
    # A new sending for the same need shows the referral already open, with a way to it.
    page.goto(url(f"/fr-ca/referrals/send/{participant.uuid}/"))
    page.locator("input[name='kind'][value='employability']").check()
    page.locator("textarea[name='need']").fill("Encore la même demande")
    page.locator("form button.qc-primary").click()
    way = page.locator(f"main a[href$='/referrals/{referral.uuid}/']").first
    expect(way).to_be_visible()
    assert_accessible(page)
    page.locator("label.sentier-option", has_text="OPEX’82").first.locator("input").check()
    page.locator("form button.qc-primary").click()
    page.locator("input[name='categories'][value='identity']").check()
    page.locator("form button.qc-primary").click()
    expect(page.locator("#already-open")).to_be_visible()
    assert_accessible(page)
    page.locator("#already-open a").click()
    expect(page).to_have_url(detail)
    assert Referral.objects.count() == 1


def test_partner_accepts_in_the_portal(
    page: Page,
    login: Callable[..., None],
    url: Callable[[str], str],
    people: dict[str, Any],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
) -> None:
    from sentier.referrals.models import ReferralStatus
    from sentier.referrals.tests.helpers import send

    users = people["users"]
    referral = send(users, people["participant"], users["partner_opex"].organization)
    login(page, users["partner_opex"].email)
    page.goto(url("/fr-ca/"))
    assert_accessible(page)
    page.locator("a[href$='/referrals/inbox/']").first.click()
    assert_accessible(page)
    screenshot(page, "referral-inbox")
    page.locator(f"a[href$='/referrals/inbox/{referral.uuid}/']").first.click()
    assert_accessible(page)
    screenshot(page, "referral-inbox-detail")
    # Declining without a reason is refused next to the field.
    page.locator("form:has(input[value='rejected']) button").click()
    expect(page.locator("#id_rejected-text_error")).to_be_visible()
    assert_accessible(page)
    page.locator("form:has(input[value='accepted']) button").click()
    expect(page.locator("form:has(input[value='in_progress'])")).to_be_visible()
    assert_accessible(page)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED


def test_an_organization_without_an_account_declines_through_the_link(
    page: Page,
    url: Callable[[str], str],
    people: dict[str, Any],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
) -> None:
    from django.urls import reverse

    from sentier.referrals import notify
    from sentier.referrals.models import ReferralLink, ReferralStatus
    from sentier.referrals.tests.helpers import send, without_account

    referral = send(people["users"], people["participant"], without_account())
    token = notify.sign_link(ReferralLink.objects.get(referral=referral))
    address = url(reverse("referrals:link", kwargs={"token": token}))
    page.goto(address)
    assert_accessible(page)
    screenshot(page, "referral-link")
    page.locator("input[name='answer'][value='rejected']").check()
    page.locator("form button.qc-primary").click()
    expect(page.locator("#id_reason_error")).to_be_visible()
    assert_accessible(page)
    page.locator("textarea[name='reason']").fill("Aucune place avant le printemps.")
    page.locator("form button.qc-primary").click()
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "referral-link-done")
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.REJECTED
    # The same link again: a clear page, not an error.
    response = page.goto(address)
    assert response is not None
    assert response.status == 410
    assert_accessible(page)
    page.goto(address[:-4] + "xyz/")
    assert_accessible(page)
    screenshot(page, "referral-link-invalid")
