"""A caseworker's pages in the frame: caseload, a participant's file, the edit form with errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]


@pytest.fixture
def caseworker_with_a_file(make_user: Callable[..., Any]) -> tuple[Any, Any]:
    """A Laval caseworker and one participant file assigned to them, opened by an admin."""
    from sentier.accounts.models import Role
    from sentier.participants.actions import open_participant_file
    from sentier.reference.models import Program, Region

    # bulk_create: reference rows as load_reference writes them, without history rows.
    Region.objects.bulk_create([Region(code="13", name="Laval")])
    Program.objects.bulk_create([Program(code="PAS", name="Programme d’aide sociale")])
    laval = Region.objects.get(code="13")
    program = Program.objects.get(code="PAS")
    admin = make_user(Role.ADMINISTRATOR, first_name="Ana", last_name="Admin")
    caseworker = make_user(
        Role.CASEWORKER, first_name="Sophie", last_name="Tremblay", region=laval, office="Laval"
    )
    participant = open_participant_file(
        actor=admin,
        first_name="Jeanne",
        last_name="Côté",
        region=laval,
        program=program,
        caseworker=caseworker,
        city="Laval",
        postal_code="H7N 1A1",
    )
    return caseworker, participant


@pytest.mark.parametrize("width", [1280, 360])
def test_caseload_and_file_pages_have_no_accessibility_violations(
    page: Page,
    url: Url,
    login: Callable[..., None],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
    caseworker_with_a_file: tuple[Any, Any],
    width: int,
) -> None:
    caseworker, participant = caseworker_with_a_file
    page.set_viewport_size({"width": width, "height": 800})
    login(page, caseworker.email)

    page.goto(url("/fr-ca/participants/"))
    expect(page.locator("main")).to_contain_text("Côté")
    assert_accessible(page)
    screenshot(page, f"caseload-fr-ca-{width}")

    page.goto(url(f"/fr-ca/participants/{participant.uuid}/"))
    expect(page.locator("h1")).to_contain_text("Côté")
    assert_accessible(page)
    screenshot(page, f"file-fr-ca-{width}")


def test_a_form_with_errors_links_each_error_to_its_field(
    page: Page,
    url: Url,
    login: Callable[..., None],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
    caseworker_with_a_file: tuple[Any, Any],
) -> None:
    caseworker, participant = caseworker_with_a_file
    login(page, caseworker.email, language="en-ca")
    page.goto(url(f"/en-ca/participants/{participant.uuid}/edit/"))
    first_name = page.locator("main input[name='first_name']")
    first_name.fill("")
    first_name.evaluate("input => input.form.noValidate = true")
    page.locator("main form button[type='submit']").first.click()

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(first_name).to_have_attribute("aria-invalid", "true")
    described_by = first_name.get_attribute("aria-describedby") or ""
    assert f"{first_name.get_attribute('id')}_error" in described_by.split()
    assert_accessible(page)
    screenshot(page, "edit-errors-en-ca-1280")

    summary.locator(f"a[href='#{first_name.get_attribute('id')}']").click()
    expect(first_name).to_be_focused()
