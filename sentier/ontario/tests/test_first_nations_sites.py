"""First Nations sites delivering ODSP are unaffected by centralized intake (004 Q14): an
applicant served by one lands in that site's own queue on every channel, never the central one;
the site's staff see only their queue."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import translation

from sentier.accounts.models import Role, User
from sentier.intake.actions import start_application
from sentier.intake.models import Channel
from sentier.ontario.models import Unit, UnitMembership
from sentier.ontario.odsp import actions as odsp
from sentier.ontario.odsp.selectors import odsp_for_user
from sentier.ontario.tests.helpers import odsp_of, send_application
from sentier.reference.models import FirstNationsSite, Region


def _site_staff(code: str) -> User:
    site = FirstNationsSite.objects.get(code=code)
    user = User.objects.create(
        email=f"{code}@on.sentier.test",
        role=Role.CASEWORKER,
        region=Region.objects.get(code="ON33"),
        first_name="Fay",
        last_name=code,
    )
    UnitMembership.objects.create(user=user, unit=Unit.FIRST_NATIONS_SITE, first_nations_site=site)
    return user


def test_the_placeholder_sites_are_shipped_and_say_so(ontario: dict[str, Any]) -> None:
    sites = FirstNationsSite.objects.all()
    assert sites.count() >= 2
    assert all(site.placeholder for site in sites)
    assert all("placeholder" in site.name_en_ca for site in sites)  # type: ignore[attr-defined]


@pytest.mark.parametrize("channel", [Channel.ONLINE, Channel.PHONE, Channel.IN_PERSON])
def test_an_applicant_served_by_a_site_lands_in_its_queue_not_the_central_one(
    ontario: dict[str, Any], channel: str
) -> None:
    fay = _site_staff("placeholder-site-a")
    other = _site_staff("placeholder-site-b")
    client = Client()
    draft = None
    if channel != Channel.ONLINE:
        client.force_login(ontario["iris"])
        draft = start_application(channel=channel, entered_by=ontario["iris"])
    application = odsp_of(
        send_application(
            client,
            application=draft,
            program="ODSP",
            first_nations_site=True,
            contact={"first_nations_office": "placeholder-site-a"},
        )
    )
    assert application.first_nations_site is not None
    assert application.first_nations_site.code == "placeholder-site-a"
    assert list(odsp_for_user(fay)) == [application]
    assert not odsp_for_user(ontario["iris"]).exists()
    assert not odsp_for_user(other).exists()


def test_a_site_worker_sees_only_their_queue_and_cannot_decide_elsewhere(
    ontario: dict[str, Any],
) -> None:
    fay = _site_staff("placeholder-site-a")
    central = odsp_of(send_application(Client(), program="ODSP"))
    ours = odsp_of(
        send_application(
            Client(),
            program="ODSP",
            first_nations_site=True,
            contact={"first_nations_office": "placeholder-site-a"},
        )
    )
    client = Client()
    client.force_login(fay)
    assert client.get(reverse("ontario:odsp_application", args=[central.uuid])).status_code == 404
    assert (
        client.get(reverse("participants:file", args=[central.participant.uuid])).status_code == 404
    )
    assert client.get(reverse("ontario:odsp_application", args=[ours.uuid])).status_code == 200
    queue = client.get(reverse("ontario:odsp_queue")).content.decode()
    assert ours.participant.full_name in queue
    with pytest.raises(PermissionDenied):
        odsp.withdraw_odsp_application(actor=fay, odsp_application=central)
    central.refresh_from_db()
    assert central.status == "received"
    # The central unit cannot decide the site's application either.
    with pytest.raises(PermissionDenied):
        odsp.withdraw_odsp_application(actor=ontario["iris"], odsp_application=ours)
    odsp.withdraw_odsp_application(actor=fay, odsp_application=ours)


def test_ticking_the_box_without_naming_the_site_is_a_field_error(
    ontario: dict[str, Any],
) -> None:
    client = Client()
    assert client.post(reverse("intake:start")).status_code == 302
    from sentier.intake.models import Application
    from sentier.ontario.tests.helpers import ON_GOOD, step_url

    application = Application.objects.latest("created_at")
    client.post(step_url(application, "identity"), ON_GOOD["identity"])
    response = client.post(
        step_url(application, "contact"), {**ON_GOOD["contact"], "first_nations_site": "on"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "first_nations_office" in page
    assert "Choose the First Nation" in page or "Choisissez" in page


def test_with_no_site_set_up_the_applicant_is_never_a_silent_central_case(
    ontario: dict[str, Any], on_client: Any
) -> None:
    FirstNationsSite.objects.update(active=False)  # none offered: the question has no list
    application = odsp_of(send_application(Client(), program="ODSP", first_nations_site=True))
    assert application.first_nations_site is None
    assert application.first_nations_without_site
    participant = application.participant
    participant.user = ontario["applicant"]
    participant.save(update_fields=["user"])
    iris = on_client("iris")
    with translation.override("en-ca"):
        queue = iris.get(reverse("ontario:odsp_queue")).content.decode()
        page = iris.get(reverse("ontario:odsp_application", args=[application.uuid]))
        own = on_client("applicant").get(reverse("participants:my_file")).content.decode()
    assert "First Nations: no site set up" in queue
    assert "no First Nations site is set up for them" in page.content.decode()
    assert "the ODSP local office that works with their First Nation" in page.content.decode()
    assert "No First Nations site is set up in this service yet" in own
    # An applicant who did not tick the box reads and shows no such note.
    other = odsp_of(send_application(Client(), program="ODSP"))
    assert not other.first_nations_without_site
    with translation.override("en-ca"):
        page = iris.get(reverse("ontario:odsp_application", args=[other.uuid]))
    assert "no First Nations site is set up" not in page.content.decode()
