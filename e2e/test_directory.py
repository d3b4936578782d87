"""The public directory in the browser: search by text, region, kind, language and places, with
JavaScript off and on, in French and English; capacity and freshness shown; axe-clean."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]


@pytest.fixture
def directory(reference_data: None) -> None:
    from sentier.network.models import Service

    # Fixed figures for the screenshots: SORIF full with a waiting list, one stale workshop.
    now = timezone.now()
    Service.objects.update(capacity_updated_at=now - dt.timedelta(days=2))
    Service.objects.filter(organization__slug="sorif", kind="budget").update(
        capacity_updated_at=now - dt.timedelta(days=45)
    )


def test_searching_without_javascript(
    js_disabled_page: Page, url: Url, directory: None, screenshot: Callable[..., Path]
) -> None:
    page = js_disabled_page
    page.goto(url("/fr-ca/directory/"))
    # Labels of the new filters are translated by the integrator's catalog merge: use their ids.
    page.locator("#directory-region").select_option("06")
    page.locator("#directory-kind").select_option("employability")
    page.get_by_role("button", name="Rechercher").click()

    expect(page).to_have_url(re.compile(r"region=06.*kind=employability"))
    results = page.locator(".sentier-directory-item")
    expect(results.first).to_be_visible()
    expect(page.get_by_role("heading", name="SORIF", exact=True)).to_be_visible()
    sorif = page.locator("article", has=page.get_by_role("heading", name="SORIF", exact=True))
    expect(sorif).to_contain_text("Accompagnement vers l’emploi")
    expect(sorif.locator(".sentier-capacity-full")).to_be_visible()
    screenshot(page, "directory-search-fr-nojs")


def test_the_search_results_are_accessible(
    page: Page, url: Url, directory: None, assert_accessible: Callable[..., None]
) -> None:
    page.goto(url("/fr-ca/directory/?region=06&kind=employability"))

    expect(page.locator(".sentier-directory-item").first).to_be_visible()
    assert_accessible(page)


def test_has_places_and_language_filters_with_javascript(
    page: Page,
    url: Url,
    directory: None,
    assert_accessible: Callable[..., None],
    screenshot: Callable[..., Path],
) -> None:
    page.goto(url("/en-ca/directory/"))
    page.get_by_label("Language of service").select_option("en")
    page.get_by_label("Only with places available now").check()
    page.get_by_role("button", name="Search").click()

    expect(page.get_by_role("status")).to_contain_text("organization")
    items = page.locator(".sentier-directory-services > li")
    count = items.count()
    assert count > 0
    for index in range(count):
        expect(items.nth(index)).to_contain_text("available")
    assert_accessible(page)
    screenshot(page, "directory-places-en")


def test_stale_figures_are_marked(
    page: Page, url: Url, directory: None, screenshot: Callable[..., Path]
) -> None:
    page.goto(url("/en-ca/directory/?q=SORIF"))

    expect(page.get_by_text("Not updated for 45 days: may be out of date")).to_be_visible()
    screenshot(page, "directory-stale-en", full_page=False)


def test_the_directory_on_a_phone(
    browser: Any,
    live_server: Any,
    directory: None,
    assert_accessible: Callable[..., None],
    screenshot: Callable[..., Path],
) -> None:
    context = browser.new_context(
        locale="fr-CA", viewport={"width": 360, "height": 740}, bypass_csp=True
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/fr-ca/directory/?region=13")

    expect(
        page.get_by_role("heading", name="Centre de main-d’œuvre OPEX’82 (Via Travail)")
    ).to_be_visible()
    assert_accessible(page)
    screenshot(page, "directory-phone-fr")
    context.close()
