"""The Ontario public directory in a real browser (issue 21): it lists Ontario services only —
the demo HSDS set, marked as demonstration data — never a Québec (RSSMO) organization, even when
the database holds some; filtering on Toronto finds Toronto's; axe-clean and nothing scrolls
sideways at 360 px, in English and in French."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.utils import translation
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]


@pytest.mark.parametrize("language", ["en-ca", "fr-ca"])
def test_the_ontario_directory_lists_ontario_services_only_at_360_px(
    browser: Any,
    url: Url,
    ontario_site: dict[str, Any],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
    language: str,
) -> None:
    from sentier.network.demo import load_ontario_directory
    from sentier.network.models import Organization
    from sentier.reference.loading import load_reference_data

    # Québec's directory in the same database: the Ontario pages must still not show it.
    load_reference_data(jurisdiction="qc")
    with translation.override(django_settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        load_ontario_directory()
    quebec = list(Organization.objects.filter(rssmo_member=True).values_list("name", flat=True))
    assert quebec

    context = browser.new_context(
        viewport={"width": 360, "height": 740}, locale=language[:2], bypass_csp=True
    )
    page = context.new_page()
    page.goto(url(f"/{language}/directory/"))
    main = page.locator("main")
    expect(main).to_contain_text("Demo · Employment Ontario provider, downtown Toronto")
    expect(main).to_contain_text("Demo · Credit counselling, Greater Sudbury")
    text = main.inner_text()
    assert "RSSMO" not in text
    assert not [name for name in quebec if name in text]
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    assert_accessible(page)
    screenshot(page, f"on-directory-{language}-360")

    page.select_option("#directory-region", "ON33")
    page.locator("main form[role='search'] button[type='submit']").click()
    text = page.locator("main").inner_text()
    assert "Demo · Community housing help, Toronto" in text
    assert "Demo · Employment Ontario provider, Ottawa" not in text
    assert not [name for name in quebec if name in text]
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    assert_accessible(page)
    context.close()
