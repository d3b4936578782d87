"""Partner staff update their places in the browser (axe-clean), free a place that is offered to
the person waiting, and that person accepts it from "My file" with JavaScript off."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import PASSWORD

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]


@pytest.fixture
def network(demo_personas: dict[str, Any]) -> dict[str, Any]:
    from sentier.network import actions
    from sentier.network.models import Service, ServiceKind
    from sentier.participants.models import Participant

    users = demo_personas
    workshop = Service.objects.get(
        organization__slug="opex-82-via-travail", kind=ServiceKind.TRAINING
    )
    actions.add_to_waiting_list(
        actor=users["caseworker_laval"],
        service=workshop,
        participant=Participant.objects.get(user=users["participant"]),
    )
    return {"users": users, "workshop": workshop}


def test_partner_updates_capacity(
    page: Page,
    url: Url,
    login: Callable[..., None],
    network: dict[str, Any],
    assert_accessible: Callable[..., None],
    screenshot: Callable[..., Path],
) -> None:
    from sentier.network.models import Service

    login(page, "partner.opex@sentier.demo", PASSWORD, language="en-ca")
    page.goto(url("/en-ca/directory/capacity/"))
    assert_accessible(page)
    screenshot(page, "capacity-list-en")
    service = network["workshop"]
    page.goto(url(f"/en-ca/directory/capacity/{service.uuid}/"))
    page.get_by_label("Places available now").fill("99")
    page.get_by_label("Places in all").fill("12")
    page.get_by_label("People on your waiting list").fill("20")
    page.get_by_role("button", name="Save the places").click()

    # Refused next to the field, what was typed kept, nothing changed.
    expect(page.locator(".sentier-error-summary")).to_be_visible()
    expect(page.get_by_label("Places available now")).to_have_value("99")
    assert_accessible(page)
    screenshot(page, "capacity-error-en")
    service.refresh_from_db()
    assert service.capacity_available == 0

    page.get_by_label("Places available now").fill("0")
    page.get_by_role("button", name="Save the places").click()
    expect(page).to_have_url(url("/en-ca/directory/capacity/"))
    expect(page.get_by_text("are up to date")).to_be_visible()
    updated = Service.objects.get(pk=service.pk)
    assert (updated.capacity_available, updated.capacity_maximum, updated.waiting_list_length) == (
        0,
        12,
        20,
    )


def test_a_freed_place_reaches_the_person_who_accepts_without_javascript(
    page: Page,
    js_disabled_page: Page,
    url: Url,
    login: Callable[..., None],
    network: dict[str, Any],
    assert_accessible: Callable[..., None],
    screenshot: Callable[..., Path],
) -> None:
    from sentier.network.models import Offer, OfferStatus

    service = network["workshop"]
    login(page, "partner.opex@sentier.demo", PASSWORD, language="en-ca")
    page.goto(url(f"/en-ca/directory/capacity/{service.uuid}/waiting-list/"))
    expect(page.get_by_role("row", name="Julie Lavoie")).to_be_visible()
    page.get_by_role("button", name="A place is free").click()
    expect(
        page.get_by_role("cell", name="Place offered; the person has not been told yet")
    ).to_be_visible()
    assert_accessible(page)
    screenshot(page, "waiting-list-en")

    person = js_disabled_page
    login(person, "participant@sentier.demo", PASSWORD, language="en-ca")
    person.goto(url("/en-ca/participants/me/"))
    expect(person.get_by_role("heading", name="A place is offered to you")).to_be_visible()
    screenshot(person, "my-file-offer-en")
    person.get_by_role("button", name="Accept the place").click()

    expect(person.get_by_text("You accepted the place.")).to_be_visible()
    assert Offer.objects.get().status == OfferStatus.ACCEPTED


def test_partner_of_another_organization_gets_not_found(
    page: Page, url: Url, login: Callable[..., None], network: dict[str, Any]
) -> None:
    login(page, "partner.sorif@sentier.demo", PASSWORD, language="en-ca")
    response = page.goto(url(f"/en-ca/directory/capacity/{network['workshop'].uuid}/"))

    assert response is not None
    assert response.status == 404


def test_a_coordinator_checks_a_csv_file_without_javascript(
    js_disabled_page: Page,
    page: Page,
    url: Url,
    login: Callable[..., None],
    network: dict[str, Any],
    tmp_path: Path,
    assert_accessible: Callable[..., None],
    screenshot: Callable[..., Path],
) -> None:
    from sentier.network.models import ImportJob
    from sentier.network.tasks import run_service_import

    csv_file = tmp_path / "services.csv"
    csv_file.write_text(
        "organization,service,kind,available,maximum,waiting\n"
        "sorif,Accompagnement vers l’emploi,,2,12,4\n"
        "nobody,Service,training,,,\n"
        "sorif,Ateliers,training,deux,3,0\n",
        encoding="utf-8",
    )
    browser_page = js_disabled_page
    login(browser_page, "coordinator.laval@sentier.demo", PASSWORD, language="en-ca")
    browser_page.goto(url("/en-ca/directory/import/"))
    browser_page.get_by_label("CSV file").set_input_files(str(csv_file))
    browser_page.get_by_role("button", name="Check the file").click()

    expect(browser_page.locator("progress")).to_be_visible()
    screenshot(browser_page, "import-queued-en")
    job = ImportJob.objects.get()
    run_service_import.call(str(job.uuid))  # what the db_worker does
    browser_page.reload()

    expect(browser_page.get_by_role("table", name="Problems, line by line")).to_be_visible()
    expect(browser_page.get_by_role("row", name="3 organization")).to_be_visible()
    screenshot(browser_page, "import-errors-en")
    login(page, "coordinator.laval@sentier.demo", PASSWORD, language="en-ca")
    page.goto(url(f"/en-ca/directory/import/{job.uuid}/"))
    assert_accessible(page)


def test_partner_home_asks_to_update_stale_places(
    page: Page,
    url: Url,
    login: Callable[..., None],
    network: dict[str, Any],
    assert_accessible: Callable[..., None],
    screenshot: Callable[..., Path],
) -> None:
    from sentier.network.models import Service

    Service.objects.filter(organization__slug="sorif", kind="budget").update(
        capacity_updated_at=None
    )
    login(page, "partner.sorif@sentier.demo", PASSWORD, language="en-ca")
    page.goto(url("/en-ca/"))

    panel = page.locator(
        "section", has=page.get_by_role("heading", name="Places and waiting lists")
    )
    expect(panel).to_contain_text("have not been updated recently")
    assert_accessible(page)
    screenshot(page, "partner-home-stale-en")
    panel.get_by_role("link", name="Ateliers budget et finances personnelles").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Update the places of")


def test_caseworker_puts_a_person_on_a_waiting_list_from_the_file(
    page: Page,
    url: Url,
    login: Callable[..., None],
    network: dict[str, Any],
    assert_accessible: Callable[..., None],
    screenshot: Callable[..., Path],
) -> None:
    from sentier.network.models import Service, WaitingListEntry
    from sentier.participants.models import Participant

    julie = Participant.objects.get(user=network["users"]["participant"])
    employability = Service.objects.get(
        organization__slug="opex-82-via-travail", kind="employability"
    )
    login(page, "caseworker.laval@sentier.demo", PASSWORD, language="en-ca")
    page.goto(url(f"/en-ca/participants/{julie.uuid}/"))
    panel = page.locator("#waiting-lists")
    expect(panel).to_contain_text("Ateliers d’informatique de base")
    panel.get_by_label("Service").select_option(str(employability.pk))
    panel.get_by_label("Priority reason").select_option("housing")
    panel.get_by_role("button", name="Put on the waiting list").click()

    expect(page.get_by_text("The person is on the waiting list.")).to_be_visible()
    assert WaitingListEntry.objects.filter(service=employability, participant=julie).exists()
    assert_accessible(page)
    screenshot(page, "file-waiting-lists-en")
