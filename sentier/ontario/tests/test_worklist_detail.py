"""Assignment on the detail pages (an OW application, before its decision in the intake unit or
after its transfer at the local office; a common assessment): "Assigned to" shown, "Assign to
me", or a colleague of the same unit or local office chosen in a list; someone outside it is
refused next to the field and nothing changes; readers see who, without the forms."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from sentier.accounts.models import Role, User
from sentier.ontario import actions
from sentier.ontario.demo import submit_ontario_application
from sentier.ontario.models import CommonAssessment, OWApplication, Unit, UnitMembership
from sentier.reference.models import Region

ClientFor = Callable[[str], Client]


def en(name: str, *args: Any) -> str:
    with translation.override("en-ca"):
        return reverse(name, args=args)


def pending() -> OWApplication:
    sent = submit_ontario_application(first="Ann", last="Doe", program="OW")
    return OWApplication.objects.get(application=sent)


def jordan() -> User:
    return User.objects.create(
        email="jordan@on.sentier.test",
        role=Role.CASEWORKER,
        region=Region.objects.get(code="ON33"),
        first_name="Jordan",
        last_name="Lee",
    )


def detail_of(kind: str, ontario: dict[str, Any]) -> tuple[OWApplication | CommonAssessment, str]:
    """``ow``: an application granted and transferred to Toronto; ``assessment``: its common
    assessment."""
    ow = pending()
    actions.grant_ow_application(actor=ontario["wendy"], ow_application=ow)
    ow.refresh_from_db()
    if kind == "ow":
        return ow, en("ontario:ow_application", ow.uuid)
    assessment = CommonAssessment.objects.get(ow_application=ow)
    return assessment, en("ontario:assessment", assessment.uuid)


def test_the_intake_unit_assigns_an_application_to_decide_within_the_unit(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    kofi = User.objects.create(
        email="kofi@on.sentier.test",
        role=Role.CASEWORKER,
        region=Region.objects.get(code="ON33"),
        first_name="Kofi",
        last_name="Asante",
    )
    UnitMembership.objects.create(user=kofi, unit=Unit.OW_INTAKE)
    ow = pending()
    url = en("ontario:ow_application", ow.uuid)
    client = on_client("wendy")
    page = client.get(url).content.decode()
    assert "Assign it to me" in page
    # The list of colleagues: the intake unit only (not Toronto's local office).
    assert "Kofi Asante" in page
    assert "Tara Toronto" not in page
    assert client.post(url, {"action": "assign", "assignee": str(kofi.uuid)}).status_code == 302
    ow.refresh_from_db()
    assert ow.assigned_to == kofi
    refused = client.post(url, {"action": "assign", "assignee": str(ontario["tara"].uuid)})
    assert refused.status_code == 400
    assert "does not decide Ontario Works applications" in refused.content.decode()
    ow.refresh_from_db()
    assert ow.assigned_to == kofi


@pytest.mark.parametrize("kind", ["ow", "assessment"])
def test_assign_to_me_then_to_a_colleague_then_to_nobody(
    ontario: dict[str, Any], on_client: ClientFor, kind: str
) -> None:
    colleague = jordan()
    row, url = detail_of(kind, ontario)
    client = on_client("tara")
    page = client.get(url).content.decode()
    assert "Nobody yet" in page
    assert "Assign it to me" in page
    # The list of colleagues: the area's OW caseworkers only (not the ODSP unit, not Ottawa).
    assert "Jordan Lee" in page
    assert "Iris Intake" not in page
    assert "Omar Ottawa" not in page
    tara = ontario["tara"]
    response = client.post(url, {"action": "assign", "assignee": str(tara.uuid)})
    assert response.status_code == 302
    assert "Assigned to Tara Toronto." in client.get(url).content.decode()
    client.post(url, {"action": "assign", "assignee": str(colleague.uuid)})
    row.refresh_from_db()
    assert row.assigned_to == colleague
    client.post(url, {"action": "assign", "assignee": ""})
    row.refresh_from_db()
    assert row.assigned_to is None
    assert "Nobody is assigned any more." in client.get(url).content.decode()


@pytest.mark.parametrize("kind", ["ow", "assessment"])
@pytest.mark.parametrize("who", ["iris", "omar", "chris", "not-a-uuid", "unknown"])
def test_someone_outside_the_local_office_is_refused_next_to_the_field(
    ontario: dict[str, Any], on_client: ClientFor, kind: str, who: str
) -> None:
    row, url = detail_of(kind, ontario)
    if who in ontario:
        key = str(ontario[who].uuid)
    else:
        key = "00000000-0000-0000-0000-000000000000" if who == "unknown" else who
    response = on_client("tara").post(url, {"action": "assign", "assignee": key})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_assignee_error"' in page or "qc-form-error" in page
    assert (
        "does not work Ontario Works files of this area" in page
        or "Choose a colleague of the local office." in page
    )
    row.refresh_from_db()
    assert row.assigned_to is None


@pytest.mark.parametrize("kind", ["ow", "assessment"])
def test_the_coordinator_hands_out_work_but_does_not_act_on_the_file(
    ontario: dict[str, Any], on_client: ClientFor, kind: str
) -> None:
    row, url = detail_of(kind, ontario)
    client = on_client("chris")
    page = client.get(url).content.decode()
    assert "Assigned to" in page
    assert 'name="assignee"' in page
    assert "Assign it to me" not in page  # a coordinator is not given files
    response = client.post(url, {"action": "assign", "assignee": str(ontario["tara"].uuid)})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.assigned_to == ontario["tara"]
    # Acting on the file itself stays with the local office.
    action = {"action": "plan", "goal": "Goal", "activities": "Steps"}
    refused = client.post(url, action if kind == "ow" else {"action": "complete"})
    assert refused.status_code == 403
    # Another area: the same 404 as a missing row.
    other = on_client("omar").post(url, {"action": "assign", "assignee": ""})
    assert other.status_code == 404


def test_a_refused_application_shows_no_assignment_form(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    ow = pending()
    actions.refuse_ow_application(actor=ontario["wendy"], ow_application=ow, reason="other")
    page = on_client("wendy").get(en("ontario:ow_application", ow.uuid)).content.decode()
    assert 'name="assignee"' not in page
    assert "Refuse the application" not in page
