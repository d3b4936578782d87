"""Ontario's roles (issue 21, from 004): the Québec ministry coordinator has no Ontario
counterpart. A coordinator account is, in Ontario, a local office's supervisor: their office's
Ontario Works caseload and its work lists, nothing else (no ODSP queue, no other office, no
directory import, no provincial statistics). The ministry's program analyst reads Ontario's
aggregate statistics only, and no file. In Québec the coordinator keeps every right it had."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from sentier.accounts.models import Role, User
from sentier.ontario.actions import grant_ow_application
from sentier.ontario.demo import submit_ontario_application
from sentier.ontario.models import OWApplication
from sentier.participants.models import Participant
from sentier.participants.selectors import list_participants_for_user

pytestmark = pytest.mark.django_db


def test_a_supervisor_reads_their_own_office_ow_clients_only(ontario: dict[str, Any]) -> None:
    submit_ontario_application(first="Maya", last="Singh", program="OW")
    submit_ontario_application(first="Noor", last="Haddad", program="ODSP")
    submit_ontario_application(first="Ella", last="Brun", program="OW", region="ON23")
    for ow in OWApplication.objects.all():  # the intake unit grants: the local offices' now
        grant_ow_application(actor=ontario["wendy"], ow_application=ow)
    visible = set(list_participants_for_user(ontario["chris"]).values_list("last_name", flat=True))
    assert visible == {"Singh"}


@pytest.mark.parametrize(
    "page",
    ["core:statistics", "network:import", "network:hsds_export", "ontario:odsp_queue"],
)
def test_a_supervisor_cannot_reach_ministry_or_odsp_pages(
    on_client: Callable[[str], Client], page: str
) -> None:
    response = on_client("chris").get(reverse(page))
    assert response.status_code in (403, 404)


def test_a_supervisor_reads_the_office_worklist(on_client: Callable[[str], Client]) -> None:
    assert on_client("chris").get(reverse("ontario:assessment_queue")).status_code == 200


def test_the_program_analyst_reads_ontario_statistics_and_no_file(
    ontario: dict[str, Any],
) -> None:
    submit_ontario_application(first="Maya", last="Singh", program="OW")
    analyst = User.objects.create(email="priya@on.sentier.test", role=Role.ANALYST)
    client = Client()
    client.force_login(analyst)
    assert client.get(reverse("core:statistics")).status_code == 200
    file = Participant.objects.get(last_name="Singh")
    address = reverse("participants:file", kwargs={"participant_uuid": file.uuid})
    assert client.get(address).status_code == 404
    assert not list_participants_for_user(analyst).exists()


def test_quebec_coordinator_keeps_statistics_and_imports(client_for: Any) -> None:
    assert client_for("coordinator").get(reverse("core:statistics")).status_code == 200
    assert client_for("coordinator").get(reverse("network:import")).status_code == 200
