"""An analyst simulates Montréal joining the support plan, saves the result and exports the YAML
lines of the change (issue 20)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]
MONTREAL_FILES = 12


@pytest.fixture
def analyst(make_user: Callable[..., Any]) -> Any:
    """An analyst, and twelve open Montréal files on the social assistance program."""
    from sentier.accounts.models import Role
    from sentier.participants.actions import open_participant_file
    from sentier.reference.models import Program, Region

    Region.objects.bulk_create([Region(code="06", name="Montréal")])
    Program.objects.bulk_create([Program(code="PAS", name="Programme d’aide sociale")])
    admin = make_user(Role.ADMINISTRATOR, first_name="Ana", last_name="Admin")
    for number in range(MONTREAL_FILES):
        open_participant_file(
            actor=admin,
            first_name=f"Personne {number}",
            last_name="Montréal",
            region=Region.objects.get(code="06"),
            program=Program.objects.get(code="PAS"),
        )
    return make_user(Role.ANALYST, email="analyst.e2e@sentier.test", first_name="Karim")


def test_analyst_simulates_montreal_joining_saves_and_exports(
    page: Page,
    url: Url,
    login: Callable[..., None],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
    analyst: Any,
) -> None:
    from sentier.simulations.models import SavedSimulation

    # In English: the French catalog gets these msgids when the lead merges them.
    login(page, analyst.email, language="en-ca")
    page.goto(url("/en-ca/simulations/"))
    expect(page.locator("h1")).to_have_text("Simulations")
    assert_accessible(page)

    form = page.locator("main form[action$='/simulations/']")
    form.get_by_label("Reference date").fill("2027-01-15")
    form.locator("select[name='path_1']").select_option("support_plan.regions.06")
    form.locator("input[name='start_1']").fill("2027-01-01")
    form.locator("input[name='value_1']").fill("yes")
    form.locator("button[type='submit']").click()

    results = page.locator("section[aria-labelledby='results-title']")
    expect(results).to_contain_text("Personalized support plan")
    region_row = results.locator("#run-measure-support_plan ~ div table tr", has_text="06 Montréal")
    expect(region_row.first.locator("td").nth(1)).to_have_text(str(MONTREAL_FILES))
    expect(region_row.first.locator("td").nth(2)).to_have_text(str(MONTREAL_FILES))
    assert_accessible(page)
    screenshot(page, "simulation-results-en-ca")

    save = results.locator("form[action$='/save/']")
    save.get_by_label("Title of the simulation").fill("Montréal au 1er janvier")
    save.locator("button[type='submit']").click()

    expect(page.locator("h1")).to_have_text("Montréal au 1er janvier")
    yaml = page.locator("section[aria-labelledby='yaml-title'] pre")
    expect(yaml).to_contain_text("b/sentier_rules/parameters/support_plan/regions.yaml")
    expect(yaml).to_contain_text("+    2027-01-01:")
    expect(yaml).to_contain_text("+      value: true")
    assert_accessible(page)
    screenshot(page, "simulation-saved-en-ca")

    with page.expect_download() as download:
        page.locator("main a[href$='changes.patch']").click()
    patch = Path(download.value.path()).read_text(encoding="utf-8")
    assert "+    2027-01-01:\n+      value: true\n" in patch

    page.locator("main form[action$='/rerun/'] button").click()
    expect(page.locator("section[aria-labelledby='rerun-title']")).to_contain_text(
        "Nothing changed"
    )
    assert_accessible(page)
    assert SavedSimulation.objects.get().created_by == analyst
