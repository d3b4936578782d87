"""Issue 15: the Disability Adjudication Unit does not confirm an ODSP applicant's disability. On
a 360 px phone with JavaScript off, the intake officer records the answer, is told to print and
mail the refusal notice (the applicant has no e-mail), finds it in the day's mailing beside a
package, prints both as one PDF, and marks them as mailed in one go; the file's timeline says
what was sent and where. axe-core (which needs JavaScript) finds nothing on each of these pages
opened again in a second, JavaScript-on browser signed in as the same officer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client
from playwright.sync_api import Page, ViewportSize, expect

from e2e.conftest import OntarioDesk

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]
PHONE: ViewportSize = {"width": 360, "height": 740}


def _fits(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide"


def test_the_adjudication_refusal_notice_is_mailed_from_the_days_mailing(
    js_disabled_page: Page,
    desk: OntarioDesk,
) -> None:
    from django.utils import timezone

    from sentier.ontario import actions
    from sentier.ontario.models import DeterminationPackage, RefusalNotice
    from sentier.ontario.odsp import actions as odsp_actions
    from sentier.ontario.tests.helpers import odsp_of, send_application

    checker = desk.page  # JavaScript on: axe runs there, on the pages the officer sees
    page = js_disabled_page
    iris = desk.people["odsp_intake"]

    def accessible(shown: Page) -> None:
        checker.goto(shown.url)
        desk.assert_accessible(checker)

    today = timezone.localdate()
    odsp = odsp_of(
        send_application(
            Client(),
            program="ODSP",
            identity={"first_name": "Dina", "preferred_language": "en-ca"},
            contact={"email": ""},
        )
    )
    actions.confirm_odsp_financial_eligibility(actor=iris, odsp_application=odsp)
    package = DeterminationPackage.objects.defer("pdf").get(odsp_application=odsp)
    actions.mark_package_mailed(actor=iris, package=package)
    odsp_actions.record_package_returned(actor=iris, package=package, returned_on=today)
    odsp_actions.send_package_to_adjudication(actor=iris, package=package)
    # Another applicant's package waits in the same day's mailing.
    other = odsp_of(send_application(Client(), program="ODSP", identity={"first_name": "Ann"}))
    actions.confirm_odsp_financial_eligibility(actor=iris, odsp_application=other)

    for each in (page, checker):
        each.set_viewport_size(PHONE)
        desk.sign_in(each, iris.email, language="en-ca")
    page.goto(desk.url(f"/en-ca/ontario/odsp/{odsp.uuid}/"))
    main = page.locator("main")
    page.get_by_label("Disability not confirmed", exact=True).check()
    page.get_by_label("Decided on").fill(today.isoformat())
    page.get_by_role("button", name="Record the answer").click()
    expect(main).to_contain_text("The Disability Adjudication Unit's answer was recorded.")
    expect(main).to_contain_text("print the refusal notice and mail it")
    section = page.get_by_role("region", name="Refusal notice to the applicant")
    expect(section).to_contain_text("To mail")
    accessible(page)
    _fits(page)
    notice = RefusalNotice.objects.get(odsp_application=odsp)
    assert notice.grounds == "disability"

    # The day's mailing: the package and the notice, side by side.
    page.goto(desk.url("/en-ca/ontario/odsp/mailing/"))
    expect(main).to_contain_text("1 refusal notice waits to be mailed.")
    notices = page.get_by_role("region", name="Refusal notices to mail")
    expect(notices).to_contain_text("Dina Singh")
    expect(notices).to_contain_text("Disability not confirmed")
    expect(notices).to_contain_text("100 Queen St W")
    expect(page.get_by_role("region", name="Packages to mail")).to_contain_text("Ann Singh")
    accessible(page)
    _fits(page)
    desk.screenshot(page, "on-odsp-mailing-with-notice-360")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Print the packages and notices").click()
    pdf = Path(download_info.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF-")

    page.get_by_role("button", name="Mark these as mailed").click()
    expect(main).to_contain_text("1 package is marked as mailed.")
    expect(main).to_contain_text("1 refusal notice is marked as mailed.")
    expect(main).to_contain_text("No package waiting to be mailed.")
    accessible(page)
    notice.refresh_from_db()
    assert notice.status == "mailed"
    assert bytes(notice.pdf).startswith(b"%PDF-")

    page.goto(desk.url(f"/en-ca/participants/{odsp.participant.uuid}/"))
    expect(main).to_contain_text("disability not confirmed: to print and mail")
    expect(main).to_contain_text("Refusal notice mailed to 100 Queen St W")
    accessible(page)
