"""The indicators dashboard in a browser: a coordinator sees only their region; an analyst
compares the pilot and other regions and downloads an XLSX. Both pages axe-clean."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from e2e.conftest import built_once

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]


@pytest.fixture
def journeys(reference_data: None, make_user: Callable[..., Any]) -> dict[str, Any]:
    """Reference data, a Laval coordinator, an analyst, and the indicators' demo journeys."""
    from sentier.accounts.models import Role
    from sentier.insights import demo
    from sentier.reference.models import Region

    def build() -> None:
        demo.load_demo(scale=0.4)

    built_once("insights-journeys", build)
    laval = Region.objects.get(code="13")
    return {
        "coordinator": make_user(
            Role.COORDINATOR, email="coordo.insights@sentier.test", region=laval
        ),
        "analyst": make_user(Role.ANALYST, email="analyst.insights@sentier.test"),
    }


def test_a_coordinator_sees_only_their_region(
    page: Page,
    url: Url,
    login: Callable[..., None],
    journeys: dict[str, Any],
    assert_accessible: Callable[..., None],
) -> None:
    login(page, journeys["coordinator"].email)
    page.goto(url("/fr-ca/insights/"))
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("main")).to_contain_text("Laval")
    # No breakdown across regions is offered, and no other region appears in any table.
    options = page.locator("select[name='view'] option")
    expect(options.filter(has_text="region")).to_have_count(0)
    page.select_option("select[name='view']", "program")
    page.locator("main form button[type='submit']").click()
    tables = page.locator("table[data-indicator]")
    expect(tables.first).to_be_visible()
    for other in ("Montréal", "Saguenay", "Capitale-Nationale", "Montérégie"):
        expect(page.locator("main")).not_to_contain_text(other)
    assert_accessible(page)


def test_an_analyst_compares_pilot_and_other_regions_and_downloads_an_xlsx(
    page: Page,
    url: Url,
    login: Callable[..., None],
    journeys: dict[str, Any],
    assert_accessible: Callable[..., None],
) -> None:
    login(page, journeys["analyst"].email, language="en-ca")
    page.goto(url("/en-ca/insights/"))
    # Pilot and other regions side by side, months down, each table with its definition.
    table = page.locator("table[data-indicator='applications_sent']")
    expect(table.locator("thead th")).to_contain_text(["", "Pilot regions", "Other regions"])
    expect(page.locator("#indicator-applications_sent ~ p").first).to_contain_text("Numerator")
    expect(page.locator("td[data-suppressed]").first).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download every table (XLSX)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    path = download.path()
    assert path is not None
    with open(path, "rb") as handle:
        book = load_workbook(io.BytesIO(handle.read()))
    assert book.sheetnames[:2] == ["About", "Definitions"]
    about = {row[0]: row[1] for row in book["About"].iter_rows(values_only=True) if row[0]}
    assert about["catalogue_version"]
