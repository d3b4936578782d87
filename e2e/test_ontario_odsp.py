"""The ODSP centralized intake unit's day in a real browser (``SENTIER_JURISDICTION=on``): a
staff member filters the queue, assigns an application to herself, confirms financial
eligibility, downloads the Disability Determination Package, prints the day's mailing as one
PDF and marks it as mailed. axe-core finds nothing on every page; the package's first pages
are rendered to PNG (when ``pdftoppm`` is there) to be looked at."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from playwright.sync_api import Page, expect

from e2e.conftest import SCREENSHOTS, OntarioDesk

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]


def pdf_to_png(pdf: bytes, name: str, pages: int = 3) -> list[Path]:
    """``e2e/screenshots/<name>-<n>.png`` for the first pages, if poppler's pdftoppm is there."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        return []
    SCREENSHOTS.mkdir(exist_ok=True)
    source = SCREENSHOTS / f"{name}.pdf"
    source.write_bytes(pdf)
    prefix = SCREENSHOTS / name
    subprocess.run(
        [tool, "-png", "-r", "60", "-f", "1", "-l", str(pages), str(source), str(prefix)],
        check=True,
        timeout=120,
    )
    return sorted(SCREENSHOTS.glob(f"{name}-*.png"))


def test_the_intake_unit_filters_assigns_confirms_prints_and_mails(
    desk: OntarioDesk,
) -> None:
    from sentier.intake.actions import start_application
    from sentier.intake.models import Channel
    from sentier.ontario import actions
    from sentier.ontario.models import DeterminationPackage
    from sentier.ontario.tests.helpers import odsp_of, send_application

    iris = desk.people["odsp_intake"]
    online = odsp_of(send_application(Client(), program="ODSP", identity={"first_name": "Ann"}))
    staff = Client()
    staff.force_login(iris)
    by_phone = odsp_of(
        send_application(
            staff,
            application=start_application(channel=Channel.PHONE, entered_by=iris),
            program="ODSP",
            identity={"first_name": "Ben"},
        )
    )
    send_application(
        staff,
        application=start_application(channel=Channel.IN_PERSON, entered_by=iris),
        program="ODSP",
        identity={"first_name": "Cal", "preferred_language": "fr-ca"},
    )

    page = desk.open_as("odsp_intake", "/en-ca/ontario/odsp/")
    expect(page.locator("main")).to_contain_text("3 applications, oldest first")
    desk.assert_accessible(page)
    desk.screenshot(page, "on-odsp-queue-filters-en")

    # Filter by channel: the phone application only.
    page.locator("select[name='channel']").select_option("phone")
    page.get_by_role("button", name="Filter").click()
    rows = page.locator("main table tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Ben Singh")
    assert "channel=phone" in page.url
    desk.assert_accessible(page)

    # Assign it to me: back on the same filtered list, and "assigned to me" finds it.
    rows.first.get_by_role("button", name="Assign to me").click()
    expect(page.locator("main")).to_contain_text("Ben Singh is assigned to you.")
    assert "channel=phone" in page.url
    expect(page.locator("main table tbody tr").first).to_contain_text("Me")
    page.locator("select[name='channel']").select_option("")
    page.locator("select[name='assigned']").select_option("me")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("main table tbody tr")).to_have_count(1)
    by_phone.refresh_from_db()
    assert by_phone.assigned_to == iris

    # Confirm financial eligibility: the package is generated and queued.
    page.get_by_role("link", name="Ben Singh").click()
    expect(page.locator("main")).to_contain_text("Iris Osei")  # assigned to
    desk.assert_accessible(page)
    desk.screenshot(page, "on-odsp-application-en")
    page.get_by_role("button", name="Confirm financial eligibility").click()
    expect(page.locator("main")).to_contain_text("Queued for mailing")
    desk.assert_accessible(page)
    package = DeterminationPackage.objects.get(odsp_application=by_phone)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the package (PDF)").click()
    pdf = Path(download_info.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert pdf == bytes(package.pdf)
    pdf_to_png(pdf, "on-odsp-package-en")

    # A second package waits too (confirmed by a colleague earlier).
    actions.confirm_odsp_financial_eligibility(actor=iris, odsp_application=online)

    # The day's mailing: print both as one PDF, then mark them as mailed in one go.
    page.goto(desk.url("/en-ca/ontario/odsp/"))
    page.get_by_role("link", name="The day's mailing: 2 packages to mail").click()
    expect(page.locator("main table tbody tr")).to_have_count(2)
    desk.assert_accessible(page)
    desk.screenshot(page, "on-odsp-mailing-en")
    with page.expect_download(timeout=120_000) as printed_info:
        page.get_by_role("button", name="Print the packages").click()
    printed = Path(printed_info.value.path()).read_bytes()
    assert printed.startswith(b"%PDF-")
    assert printed_info.value.suggested_filename.startswith("ddp-mailing-")
    pdf_to_png(printed, "on-odsp-mailing-print", pages=9)
    page.get_by_role("button", name="Mark these as mailed").click()
    expect(page.locator("main")).to_contain_text("2 packages are marked as mailed.")
    expect(page.locator("main")).to_contain_text("No package waiting to be mailed.")
    desk.assert_accessible(page)
    assert DeterminationPackage.objects.filter(status="mailed").count() == 2

    # The list of mailed packages, in French.
    page.goto(desk.url("/fr-ca/ontario/odsp/?stage=mailed"))
    expect(page.locator("main table tbody tr")).to_have_count(2)
    desk.assert_accessible(page)
    desk.screenshot(page, "on-odsp-queue-mailed-fr")


def test_the_intake_unit_pages_work_with_javascript_off(
    js_disabled_page: Page,
    url: Url,
    login: Callable[..., None],
    ontario_site: dict[str, Any],
) -> None:
    """Plain forms: tick one package, mark it as mailed (axe needs JavaScript: the first test
    runs it on the same pages)."""
    from sentier.ontario import actions
    from sentier.ontario.models import DeterminationPackage
    from sentier.ontario.tests.helpers import odsp_of, send_application

    page = js_disabled_page
    iris = ontario_site["odsp_intake"]
    odsp = odsp_of(send_application(Client(), program="ODSP", identity={"first_name": "Dee"}))
    actions.confirm_odsp_financial_eligibility(actor=iris, odsp_application=odsp)
    login(page, iris.email, language="en-ca")
    page.goto(url("/en-ca/ontario/odsp/mailing/"))
    page.get_by_role("checkbox").first.check()
    page.get_by_role("button", name="Mark these as mailed").click()
    expect(page.locator("main")).to_contain_text("1 package is marked as mailed.")
    assert DeterminationPackage.objects.get().status == "mailed"
