"""The single window in a real browser: an applicant on a phone with JavaScript off, an English
applicant who switches language, a caseworker entering a phone application and reviewing it.
Every page passes axe-core; participant pages stay light (first load and each following step)."""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest
from playwright.sync_api import Page, expect

from e2e.axe import install_axe

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]
FIRST_LOAD_LIMIT = 200 * 1024
NEXT_STEP_LIMIT = 30 * 1024


def page_weight(page: Page) -> int:
    """Bytes the page would transfer in production, where WhiteNoise serves text assets gzipped.

    The test server sends static files uncompressed, so each text resource counts as its gzip
    size; fonts (woff2) and images count as they are; resources served from the browser cache
    count for nothing.
    """
    entries: list[dict[str, Any]] = page.evaluate(
        """() => [performance.getEntriesByType('navigation')[0],
                  ...performance.getEntriesByType('resource')].map(e => ({
            name: e.name, transfer: e.transferSize, body: e.decodedBodySize}))"""
    )
    total = 0
    for entry in entries:
        if entry["transfer"] == 0 and entry["body"] > 0:
            continue  # from the browser cache
        path = urlsplit(entry["name"]).path
        if path.startswith("/static/") and path.endswith((".css", ".js", ".svg", ".ico")):
            with urlopen(entry["name"]) as response:  # noqa: S310 - the local live server
                total += len(gzip.compress(response.read(), compresslevel=9))
        else:
            total += int(entry["transfer"])
    return total


def fill_identity(page: Page, language: str = "fr") -> None:
    page.get_by_label("Prénom" if language == "fr" else "First name").fill("Awa")
    page.get_by_label("Nom de famille" if language == "fr" else "Last name").fill("Diallo")
    page.locator("input[name='birth_date']").fill("1990-06-02")
    page.locator("input[name='preferred_language'][value='fr-ca']").check()


def submit(page: Page) -> None:
    page.locator("main form button[type='submit']").first.click()


def fill_rest(page: Page) -> None:
    page.locator("input[name='phone']").fill("450 555-0101")
    page.locator("input[name='city']").fill("Laval")
    page.locator("input[name='postal_code']").fill("H7N 2T5")
    page.locator("select[name='region']").select_option("13")
    # Asked only when staff enter an application (phone, in person): how the person wants to be
    # told about their file.
    told = page.locator("input[name='told_by'][value='phone']")
    if told.count():
        told.check()
    submit(page)
    page.locator("input[name='household_type'][value='single_parent']").check()
    page.locator("input[name='adults']").fill("1")
    page.locator("input[name='children']").fill("2")
    submit(page)
    page.locator("input[name='program'][value='PAS']").check()
    submit(page)


def test_french_applicant_on_a_phone_without_javascript(
    browser: Any,
    live_server: Any,
    url: Url,
    demo_personas: dict[str, Any],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
) -> None:
    options: dict[str, Any] = {
        "viewport": {"width": 360, "height": 740},
        "locale": "fr-CA",
        "bypass_csp": True,
    }
    context = browser.new_context(java_script_enabled=False, **options)
    checker_context = browser.new_context(**options)  # axe needs JavaScript: same pages, JS on
    install_axe(checker_context)
    checker = checker_context.new_page()

    def check(name: str) -> None:
        checker.goto(page.url)
        assert_accessible(checker)
        screenshot(page, name, full_page=True)

    page = context.new_page()
    page.goto(url("/fr-ca/apply/"))
    first_load = page_weight(page)
    assert first_load <= FIRST_LOAD_LIMIT, f"first load {first_load} bytes"
    check("apply-start-fr-360")
    submit(page)
    expect(page.locator("main")).to_contain_text("Étape 1 sur 6")
    next_step = page_weight(page)
    assert next_step <= NEXT_STEP_LIMIT, f"next step {next_step} bytes"
    # A mistake first: the error is explained and what was typed stays.
    fill_identity(page)
    page.locator("input[name='birth_date']").fill("2999-01-01")
    submit(page)
    expect(page.locator("main")).to_contain_text("futur")
    expect(page.get_by_label("Nom de famille")).to_have_value("Diallo")
    check("apply-error-fr-360")  # the draft keeps what was typed, so the error shows again
    page.locator("input[name='birth_date']").fill("1990-06-02")
    submit(page)
    expect(page.locator("main")).to_contain_text("Étape 2 sur 6")
    check("apply-contact-fr-360")
    fill_rest(page)
    expect(page.locator("main")).to_contain_text("Étape 5 sur 6")
    check("apply-questionnaire-fr-360")
    page.locator("input[name='wants_support'][value='yes']").check()
    page.locator("input[name='difficulties'][value='housing']").check()
    submit(page)
    expect(page.locator("h1")).to_have_text("Vérifiez vos réponses")
    check("apply-summary-fr-360")
    submit(page)
    expect(page.locator("h1")).to_contain_text("a été envoyée")
    expect(page.locator("main")).to_contain_text("produite automatiquement")
    check("apply-sent-fr-360")
    checker_context.close()
    context.close()


def test_english_applicant_switches_language_midway(
    page: Page,
    url: Url,
    demo_personas: dict[str, Any],
    assert_accessible: Callable[[Page], None],
) -> None:
    page.goto(url("/en-ca/apply/"))
    submit(page)
    fill_identity(page, "en")
    submit(page)
    expect(page.locator("main")).to_contain_text("Step 2 of 6")
    # Typed on this step, not sent yet: the switch keeps it.
    page.locator("input[name='city']").fill("Laval")
    page.locator("input[name='postal_code']").fill("H7N 2T5")
    page.get_by_role("button", name="Français").click()
    expect(page.locator("main")).to_contain_text("Étape 2 sur 6")
    expect(page.locator("input[name='city']")).to_have_value("Laval")
    expect(page.locator("input[name='postal_code']")).to_have_value("H7N 2T5")
    assert_accessible(page)
    page.locator("a", has_text="Retour").first.click()
    expect(page.get_by_label("Nom de famille")).to_have_value("Diallo")
    assert_accessible(page)


def test_switching_language_without_javascript_keeps_what_was_typed(
    js_disabled_page: Page, url: Url, demo_personas: dict[str, Any]
) -> None:
    page = js_disabled_page
    page.goto(url("/fr-ca/apply/"))
    submit(page)
    page.get_by_label("Prénom").fill("Awa")
    page.get_by_label("Nom de famille").fill("Diallo")
    page.get_by_role("button", name="English").click()
    expect(page).to_have_url(re.compile(r"/en-ca/apply/[^/]+/identity/$"))
    expect(page.locator("main")).to_contain_text("Step 1 of 6")
    expect(page.get_by_label("First name")).to_have_value("Awa")
    expect(page.get_by_label("Last name")).to_have_value("Diallo")
    expect(page.locator(".qc-form-error")).to_have_count(0)  # not judged before it is sent


def test_caseworker_enters_a_phone_application_then_overrides_the_recommendation(
    page: Page,
    url: Url,
    login: Callable[..., None],
    demo_personas: dict[str, Any],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
) -> None:
    login(page, demo_personas["caseworker_laval"].email)
    page.goto(url("/fr-ca/apply/review/"))
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Saisir une demande")).click()
    page.locator("input[name='channel'][value='phone']").check()
    submit(page)
    expect(page.locator("main")).to_contain_text("Par téléphone")
    fill_identity(page)
    submit(page)
    fill_rest(page)
    page.locator("input[name='wants_support'][value='yes']").check()
    page.locator("input[name='job_start'][value='yes']").check()
    submit(page)
    submit(page)
    page.goto(url("/fr-ca/apply/review/"))
    page.get_by_role("link", name="Awa Diallo").click()
    assert_accessible(page)
    # Changing the path without a reason is refused, and nothing is recorded.
    page.locator("input[name='final_path'][value='support_plan']").check()
    submit_button = page.get_by_role("button", name="Enregistrer l’orientation")
    submit_button.click()
    expect(page.locator("main")).to_contain_text("Expliquez pourquoi")
    assert_accessible(page)
    page.locator("input[name='final_path'][value='support_plan']").check()
    page.locator("textarea[name='reason']").fill("Besoin de logement exprimé au téléphone.")
    page.get_by_role("button", name="Enregistrer l’orientation").click()
    expect(page.locator("main")).to_contain_text("Besoin de logement exprimé au téléphone.")
    screenshot(page, "review-overridden-fr")
    page.get_by_role("link", name="Ouvrir le dossier").click()
    expect(page.locator("main")).to_contain_text("Orientation décidée")
