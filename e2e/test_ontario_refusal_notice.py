"""Issue 15: an Ontario Works intake worker refuses a phone application on a 360 px screen. The
applicant has no e-mail: the page tells the worker to phone them and to print and mail the
refusal notice; the worker downloads the notice (a PDF in the applicant's language, French
here), marks it as mailed, and the file's timeline says what was sent and where. axe-core finds
nothing on each page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client
from playwright.sync_api import expect

from e2e.conftest import OntarioDesk

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]


def test_an_intake_worker_refuses_a_phone_application_and_prints_the_notice(
    desk: OntarioDesk,
) -> None:
    from sentier.intake.actions import start_application
    from sentier.intake.models import Channel
    from sentier.ontario.models import RefusalNotice
    from sentier.ontario.tests.helpers import ow_of, send_application

    wendy = desk.people["ow_intake"]
    staff = Client()
    staff.force_login(wendy)
    ow = ow_of(
        send_application(
            staff,
            application=start_application(channel=Channel.PHONE, entered_by=wendy),
            ready=False,
            identity={"first_name": "Léa", "preferred_language": "fr-ca"},
            contact={"email": "", "phone": "416 555-0199"},
        )
    )

    desk.page.set_viewport_size({"width": 360, "height": 740})
    page = desk.open_as("ow_intake", f"/en-ca/ontario/ow/{ow.uuid}/")
    expect(page.locator("h1")).to_contain_text("Léa Singh")

    # Refusing without a reason: a field error, nothing refused.
    refuse = page.locator("form").filter(has=page.locator("input[value='refuse']"))
    refuse.get_by_role("button", name="Refuse the application").click()
    expect(page.locator("main")).to_contain_text("Choose the reason for the refusal.")
    assert not RefusalNotice.objects.exists()
    desk.assert_accessible(page)

    refuse = page.locator("form").filter(has=page.locator("input[value='refuse']"))
    refuse.get_by_label("Reason for the refusal").select_option("not_resident")
    refuse.get_by_role("button", name="Refuse the application").click()
    main = page.locator("main")
    expect(main).to_contain_text("The application was refused.")
    expect(main).to_contain_text("print the refusal notice and mail it")
    expect(main).to_contain_text("phone them at 416 555-0199")
    section = page.get_by_role("region", name="Refusal notice to the applicant")
    expect(section).to_contain_text("Français")
    expect(section).to_contain_text("100 Queen St W")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    desk.assert_accessible(page)
    desk.screenshot(page, "on-ow-refusal-notice-en-360")

    # The notice to print: a PDF, in French.
    with page.expect_download() as download_info:
        section.get_by_role("link", name="Download the refusal notice to print (PDF)").click()
    pdf = Path(download_info.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF-")
    notice = RefusalNotice.objects.get(ow_application=ow)
    assert notice.language == "fr-ca"

    section.get_by_role("button", name="Mark the notice as mailed").click()
    expect(main).to_contain_text("The refusal notice is marked as mailed.")
    expect(page.get_by_role("region", name="Refusal notice to the applicant")).to_contain_text(
        "Mailed"
    )
    desk.assert_accessible(page)
    notice.refresh_from_db()
    assert notice.status == "mailed"

    # The file's timeline: issued, then mailed to the address.
    page.goto(desk.url(f"/en-ca/participants/{ow.participant.uuid}/"))
    expect(page.locator("main")).to_contain_text("Refusal notice mailed to 100 Queen St W")
    expect(page.locator("main")).to_contain_text("to phone as well")
    desk.assert_accessible(page)
