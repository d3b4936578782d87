"""A local office supervisor's "caseload per caseworker" counts Ontario work (the rows assigned
to each caseworker: Ontario Works applications, common assessments, ODSP applications), through
the ``sentier.participants.caseload`` registry; Québec's count is left as it was."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client

from sentier.accounts.models import User
from sentier.ontario.models import CommonAssessment, ODSPApplication, OWApplication
from sentier.participants import caseload
from sentier.site.demo import load_ontario_demo


def _caseload_rows(client: Client) -> dict[str, str]:
    page = client.get("/en-ca/").content.decode()
    table = page.split("Caseload per caseworker", 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr><td>([^<]*)</td><td>[^<]*</td><td>(\d+)</td></tr>", table)
    return dict(rows)


def _expected(user: User) -> int:
    clients = set()
    for model in (OWApplication, CommonAssessment, ODSPApplication):
        clients |= set(
            model.objects.filter(assigned_to=user).values_list("participant_id", flat=True)
        )
    return len(clients)


def test_the_supervisor_sees_each_caseworkers_ontario_files(ontario: dict[str, Any]) -> None:
    load_ontario_demo()
    supervisor = User.objects.get(email="coordinator.toronto@sentier.demo")
    client = Client()
    client.force_login(supervisor)

    rows = _caseload_rows(client)

    tara = User.objects.get(email="caseworker.toronto@sentier.demo")
    jordan = User.objects.get(email="caseworker2.toronto@sentier.demo")
    for person in (tara, jordan):
        assert _expected(person) > 0, "the demo assigns work to both Toronto caseworkers"
        assert rows[str(person)] == str(_expected(person))
    assert sum(int(n) for n in rows.values()) > 0


def test_a_client_assigned_on_two_rows_counts_once(ontario: dict[str, Any]) -> None:
    load_ontario_demo()
    assessment = CommonAssessment.objects.filter(assigned_to__isnull=False).first()
    assert assessment is not None
    OWApplication.objects.filter(participant=assessment.participant).update(
        assigned_to=assessment.assigned_to
    )
    worker = assessment.assigned_to
    assert worker is not None
    assert caseload.files_per_caseworker([worker.pk])[worker.pk] == _expected(worker)


def test_in_quebec_the_ontario_rows_are_not_counted(ontario: dict[str, Any], settings: Any) -> None:
    load_ontario_demo()
    tara = User.objects.get(email="caseworker.toronto@sentier.demo")
    settings.SENTIER_JURISDICTION = "qc"
    assert caseload.files_per_caseworker([tara.pk]) == {tara.pk: 0}
