"""The participant file page: who can open it, and one access-log row per showing."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
from django.urls import reverse

from sentier.audit.models import AccessKind, AccessLog

pytestmark = pytest.mark.django_db


def url(participant: Any) -> str:
    return reverse("participants:file", kwargs={"participant_uuid": participant.uuid})


def test_laval_caseworker_sees_laval_file_and_one_access_row(
    client_for: Any, laval_participant: Any, personas: Any
) -> None:
    before = AccessLog.objects.count()
    response = client_for("caseworker_laval").get(url(laval_participant))
    assert response.status_code == 200
    assert laval_participant.file_number in response.content.decode()
    assert AccessLog.objects.count() == before + 1
    row = AccessLog.objects.latest("id")
    assert (row.user, row.participant, row.kind) == (
        personas["caseworker_laval"],
        laval_participant,
        AccessKind.FILE,
    )


@pytest.mark.parametrize("persona", ["caseworker_montreal", "partner_opex", "analyst"])
def test_cannot_open_a_laval_file_gets_404_and_no_access_row(
    client_for: Any, laval_participant: Any, persona: str
) -> None:
    before = AccessLog.objects.count()
    response = client_for(persona).get(url(laval_participant))
    assert response.status_code == 404
    assert AccessLog.objects.count() == before


def test_not_yours_and_does_not_exist_look_the_same(
    client_for: Any, laval_participant: Any
) -> None:
    client = client_for("caseworker_montreal")
    unknown = uuid.uuid4()
    not_yours = client.get(url(laval_participant))
    missing = client.get(reverse("participants:file", kwargs={"participant_uuid": unknown}))
    assert not_yours.status_code == missing.status_code == 404
    # The two pages differ only by the address (in the language toggle) and the CSRF token.
    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    same_1 = token.sub("", not_yours.content.decode().replace(str(laval_participant.uuid), "U"))
    same_2 = token.sub("", missing.content.decode().replace(str(unknown), "U"))
    assert same_1 == same_2


def test_coordinator_of_the_region_and_administrator_can_open(
    client_for: Any, laval_participant: Any
) -> None:
    for persona in ("coordinator", "admin"):
        assert client_for(persona).get(url(laval_participant)).status_code == 200


def test_participant_cannot_open_another_file(client_for: Any, montreal_participant: Any) -> None:
    assert client_for("participant").get(url(montreal_participant)).status_code == 404


def test_anonymous_is_sent_to_sign_in(client: Any, laval_participant: Any) -> None:
    response = client.get(url(laval_participant))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_malformed_uuid_is_a_translated_404(client_for: Any) -> None:
    client = client_for("caseworker_laval")
    response = client.get("/fr-ca/participants/not-a-uuid/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()
    response = client.get("/en-ca/participants/not-a-uuid/")
    assert "Page not found" in response.content.decode()


def test_timeline_shows_events_from_actions(client_for: Any, laval_participant: Any) -> None:
    content = client_for("caseworker_laval").get(url(laval_participant)).content.decode()
    assert "Dossier ouvert" in content
    assert "Personne intervenante assignée" in content


def test_a_file_without_plan_reads_each_thing_once(
    client_for: Any, montreal_participant: Any, django_assert_max_num_queries: Any
) -> None:
    """The file page's panels read the person's contact preference once (it was read three
    times: the panel, the channel shown, the form's choice) and their support plans once (the
    open one else the newest: two empty reads for a file without a plan)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for("caseworker_montreal")
    client.get(url(montreal_participant))  # warm: session, caches
    with CaptureQueriesContext(connection) as queries, django_assert_max_num_queries(24):
        response = client.get(url(montreal_participant))
    assert response.status_code == 200
    sql = [q["sql"] for q in queries.captured_queries]
    assert sum('FROM "correspondence_contactpreference"' in q for q in sql) == 1
    plans = [q for q in sql if 'FROM "plans_supportplan"' in q]
    # The current plan (one read), and the service-plan panel's running support plan.
    assert len(plans) <= 2, plans
