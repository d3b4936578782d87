"""Every demo persona signs in through the real form and reaches their home, which passes axe-core
(WCAG 2.2 AA) with zero violations; MFA is asked for when it is required. Every page each persona
can open (and the pages of a file, a decision, the statistics in both languages) is checked by the
crawl of e2e/test_phone_width.py, at 360 px and 1280 px."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import PASSWORD

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]

HOME_TEXT = {
    "caseworker_laval": "Ma charge de cas",
    "caseworker_montreal": "Ma charge de cas",
    "coordinator": "Personnel intervenant de ma région",
    "partner_opex": "OPEX",
    "partner_sorif": "SORIF",
    "participant": "Voir mon dossier",
    "analyst": "Personnes participantes par région",
    "admin": "Ouvrir l’administration",
}


@pytest.mark.parametrize("persona", list(HOME_TEXT))
def test_persona_signs_in_and_reaches_home(
    page: Page,
    login: Callable[..., None],
    quebec_demo: dict[str, Any],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
    persona: str,
) -> None:
    login(page, quebec_demo[persona].email)
    expect(page.locator("main")).to_contain_text(HOME_TEXT[persona])
    assert_accessible(page)
    screenshot(page, f"home-{persona}")


def test_montreal_caseworker_gets_the_not_found_page_on_a_laval_file(
    page: Page, url: Url, login: Callable[..., None], quebec_demo: dict[str, Any]
) -> None:
    from sentier.participants.models import Participant

    file = Participant.objects.get(user=quebec_demo["participant"])
    login(page, quebec_demo["caseworker_montreal"].email)
    response = page.goto(url(f"/fr-ca/participants/{file.uuid}/"))
    assert response is not None
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Page introuvable")


def test_staff_sign_in_with_totp_when_mfa_is_required(
    page: Page,
    url: Url,
    quebec_demo: dict[str, Any],
    settings: Any,
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
) -> None:
    from allauth.mfa.totp.internal.auth import (
        TOTP,
        format_hotp_value,
        generate_totp_secret,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    settings.SENTIER_REQUIRE_MFA = True
    secret = generate_totp_secret()
    TOTP.activate(quebec_demo["caseworker_laval"], secret)
    page.goto(url("/fr-ca/accounts/login/"))
    page.locator("main input[name='login']").fill(quebec_demo["caseworker_laval"].email)
    page.locator("main input[name='password']").fill(PASSWORD)
    page.locator("main form button[type='submit']").first.click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    assert_accessible(page)
    screenshot(page, "mfa-authenticate")
    # The current period's code (the middle of the tolerance window): the window's first, the
    # previous period's, is refused once the period turns, which a slow page load can reach.
    counters = list(yield_hotp_counters_from_time())
    code = format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))
    page.locator("main input[name='code']").fill(code)
    page.locator("main form button[type='submit']").first.click()
    expect(page.locator("main")).to_contain_text("Ma charge de cas")


def test_staff_without_totp_must_set_it_up_when_required(
    page: Page, login: Callable[..., None], quebec_demo: dict[str, Any], settings: Any
) -> None:
    settings.SENTIER_REQUIRE_MFA = True
    login(page, quebec_demo["coordinator"].email)
    page.goto(page.url.split("/fr-ca/")[0] + "/fr-ca/participants/")
    # Straight to TOTP set-up, or first through allauth's password confirmation towards it.
    expect(page).to_have_url(re.compile(r"2fa(/|%2F)totp(/|%2F)activate"))


def test_caseload_filters_work_without_javascript(
    js_disabled_page: Page, url: Url, login: Callable[..., None], quebec_demo: dict[str, Any]
) -> None:
    page = js_disabled_page
    login(page, quebec_demo["admin"].email)
    page.goto(url("/fr-ca/participants/?scope=all"))
    page.locator("main select[name='program']").select_option("PSS")
    page.locator("main form[role='search'] button[type='submit']").click()
    expect(page).to_have_url(re.compile(r"program=PSS"))
    for cell in page.locator("main table tbody tr td:nth-child(4)").all_inner_texts():
        assert cell.strip() == "PSS"
