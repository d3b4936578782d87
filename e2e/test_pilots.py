"""An analyst compares the pilot regions with the others on the pilot page: the chart and its
table are both visible, at desktop width and on a 360 px phone, with JavaScript off; axe-clean
(axe itself needs JavaScript: it runs on the same page in a browser with it on)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from sentier.accounts.models import Role
from sentier.insights import pilots
from sentier.insights.tests.test_pilots_estimate import simulated_panel

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]


@pytest.fixture
def simulated_pilot(monkeypatch: pytest.MonkeyPatch) -> None:
    """The live server runs in this process: it reads a simulated panel (17 regions, a known
    effect of 40 per 1,000 in the five pilot regions from April 2026), with few bootstrap draws."""
    panel = simulated_panel(40.0, seed=7)
    monkeypatch.setattr(pilots, "build_panel", lambda pilot, outcome, **kwargs: panel)
    monkeypatch.setattr(pilots, "DRAWS", 99)


@pytest.mark.parametrize("width", [1280, 360])
def test_analyst_compares_pilot_and_other_regions(
    js_disabled_page: Page,
    page: Page,
    url: Url,
    login: Callable[..., None],
    make_user: Callable[..., Any],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
    simulated_pilot: None,
    width: int,
) -> None:
    analyst = make_user(Role.ANALYST, "karim.analyst@sentier.test")
    address = url("/fr-ca/insights/pilots/support_plan_2026/")
    # With JavaScript on, for axe (the page itself runs none).
    page.set_viewport_size({"width": width, "height": 800})
    login(page, analyst.email)
    page.goto(address)
    assert_accessible(page)

    # With JavaScript off: the charts are there all the same.
    page = js_disabled_page
    page.set_viewport_size({"width": width, "height": 800})
    login(page, analyst.email)
    page.goto(address)

    chart = page.locator("svg[role='img'][aria-labelledby^='pilot-trend-title']")
    expect(chart).to_be_visible()
    assert chart.locator("title").text_content()
    table = page.locator("table:has(caption#pilot-trend-caption)")
    expect(table).to_be_visible()
    # Pilot regions and other regions, month by month, the same figures as the chart's.
    assert table.locator("thead th").count() == 3
    assert table.locator("tbody tr").count() == 18
    expect(page.locator("#pilot-estimate")).to_be_visible()
    # The event study has its chart and its table too.
    expect(page.locator("svg[aria-labelledby^='pilot-events-title']")).to_be_visible()
    expect(page.locator("table:has(caption#pilot-events-caption)")).to_be_visible()

    # Nothing on the page scrolls sideways: the charts scale down to the phone's width.
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    box = chart.bounding_box()
    assert box is not None
    assert box["width"] <= width
    screenshot(page, f"pilot-comparison-fr-ca-{width}")
