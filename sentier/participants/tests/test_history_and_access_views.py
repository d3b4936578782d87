"""Change history for staff, and the participant's view of who accessed their file."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from sentier.audit.models import AccessLog

pytestmark = pytest.mark.django_db


def history_url(participant: Any) -> str:
    return reverse("participants:history", kwargs={"participant_uuid": participant.uuid})


def test_caseworker_sees_history_with_changes(client_for: Any, laval_participant: Any) -> None:
    client = client_for("caseworker_laval")
    response = client.get(history_url(laval_participant))
    assert response.status_code == 200
    assert "Dossier créé" in response.content.decode()


@pytest.mark.parametrize(
    ("persona", "status"), [("caseworker_montreal", 404), ("analyst", 404), ("participant", 403)]
)
def test_history_refused(
    client_for: Any, laval_participant: Any, persona: str, status: int
) -> None:
    before = AccessLog.objects.count()
    assert client_for(persona).get(history_url(laval_participant)).status_code == status
    assert AccessLog.objects.count() == before


def test_participant_sees_who_viewed_their_file(
    client_for: Any, laval_participant: Any, personas: Any
) -> None:
    client_for("caseworker_laval").get(
        reverse("participants:file", kwargs={"participant_uuid": laval_participant.uuid})
    )
    response = client_for("participant").get(reverse("participants:my_access_log"))
    assert response.status_code == 200
    assert "Sophie Tremblay" in response.content.decode()


def test_participant_own_file_is_logged(client_for: Any, laval_participant: Any) -> None:
    before = AccessLog.objects.count()
    response = client_for("participant").get(reverse("participants:my_file"))
    assert response.status_code == 200
    assert AccessLog.objects.count() == before + 1


def test_staff_without_a_file_get_404_on_my_file(client_for: Any) -> None:
    assert client_for("analyst").get(reverse("participants:my_file")).status_code == 404
