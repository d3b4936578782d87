"""ODSP after the confirmation, in a real browser on a 360 px phone (``SENTIER_JURISDICTION=on``):
the Disability Determination Package is mailed to the address staff checked, comes back, goes to
the Disability Adjudication Unit and its answer is recorded; and an applicant served by a First
Nations site lands in that site's queue, not the central one (004 Q13, Q14). axe-core finds
nothing on every page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

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


def test_a_package_is_mailed_returned_and_sent_to_adjudication(
    desk: OntarioDesk,
) -> None:
    from django.utils import timezone

    from sentier.ontario import actions
    from sentier.ontario.models import DeterminationPackage
    from sentier.ontario.tests.helpers import odsp_of, send_application

    iris = desk.people["odsp_intake"]
    odsp = odsp_of(send_application(Client(), program="ODSP", identity={"first_name": "Rae"}))
    actions.confirm_odsp_financial_eligibility(actor=iris, odsp_application=odsp)
    desk.page.set_viewport_size(PHONE)
    page = desk.open_as("odsp_intake", f"/en-ca/ontario/odsp/{odsp.uuid}/")
    main = page.locator("main")
    expect(main).to_contain_text("Mailing address to check")
    expect(main).to_contain_text("100 Queen St W")
    expect(main).to_contain_text("Toronto ON")
    desk.assert_accessible(page)
    _fits(page)
    desk.screenshot(page, "on-odsp-package-address-360")

    page.get_by_role("button", name="Mark as mailed").click()
    expect(main).to_contain_text("The package is marked as mailed.")
    expect(main).to_contain_text("Return by")
    desk.assert_accessible(page)
    _fits(page)

    page.get_by_label("Received back on").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="The package came back").click()
    expect(main).to_contain_text("The package is recorded as returned.")
    desk.assert_accessible(page)

    page.get_by_role("button", name="Send to the Disability Adjudication Unit").click()
    expect(main).to_contain_text("sent to the Disability Adjudication Unit")
    desk.assert_accessible(page)
    _fits(page)
    desk.screenshot(page, "on-odsp-package-with-dau-360")
    package = DeterminationPackage.objects.defer("pdf").get(odsp_application=odsp)
    assert package.status == "with_dau"

    page.get_by_label("Disability confirmed", exact=True).check()
    page.get_by_label("Decided on").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Record the answer").click()
    expect(main).to_contain_text("The Disability Adjudication Unit's answer was recorded.")
    desk.assert_accessible(page)
    package.refresh_from_db()
    assert package.status == "granted"


def test_an_applicant_served_by_a_first_nations_site_lands_in_its_queue(
    page: Page,
    url: Url,
    login: Callable[..., None],
    make_user: Callable[..., Any],
    ontario_site: dict[str, Any],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
) -> None:
    from sentier.accounts.models import Role
    from sentier.ontario.models import Unit, UnitMembership
    from sentier.ontario.tests.helpers import odsp_of, send_application
    from sentier.reference.models import FirstNationsSite, Region

    site = FirstNationsSite.objects.get(code="placeholder-site-a")
    fay = make_user(
        Role.CASEWORKER,
        "fay.site@on.sentier.test",
        first_name="Fay",
        last_name="Cardinal",
        region=Region.objects.get(code="ON33"),
    )
    UnitMembership.objects.create(user=fay, unit=Unit.FIRST_NATIONS_SITE, first_nations_site=site)
    odsp = odsp_of(
        send_application(
            Client(),
            program="ODSP",
            first_nations_site=True,
            identity={"first_name": "Sky"},
            contact={"first_nations_office": site.code},
        )
    )
    assert odsp.first_nations_site == site

    page.set_viewport_size(PHONE)
    login(page, fay.email, language="en-ca")
    page.goto(url("/en-ca/ontario/odsp/"))
    expect(page.locator("main")).to_contain_text("Sky Singh")
    assert_accessible(page)
    _fits(page)
    screenshot(page, "on-odsp-first-nations-site-queue-360")
    page.get_by_role("link", name="Sky Singh").click()
    expect(page.locator("main")).to_contain_text("Served by the First Nations site")
    assert_accessible(page)
    _fits(page)

    # The central unit's queue does not have it, and its page is a 404 there.
    page.context.clear_cookies()
    login(page, ontario_site["odsp_intake"].email, language="en-ca")
    page.goto(url("/en-ca/ontario/odsp/?stage=all"))
    expect(page.locator("main")).not_to_contain_text("Sky Singh")
    assert_accessible(page)
    response = page.goto(url(f"/en-ca/ontario/odsp/{odsp.uuid}/"))
    assert response is not None
    assert response.status == 404
