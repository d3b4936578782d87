"""Change history for staff, and the participant's view of who accessed their file."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from sentier.audit.models import AccessLog
from sentier.participants.actions import assign_caseworker

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


def test_who_viewed_my_file_speaks_french_and_names_the_organization(
    client_for: Any, laval_participant: Any, personas: Any
) -> None:
    from django.utils import translation

    from sentier.audit.actions import record_access
    from sentier.audit.models import AccessKind
    from sentier.referrals.tests.helpers import opex, send

    client_for("caseworker_laval").get(
        reverse("participants:file", kwargs={"participant_uuid": laval_participant.uuid})
    )
    send(personas, laval_participant, opex())
    client_for("partner_opex").get(reverse("referrals:inbox"))
    record_access(user=personas["coordinator"], shown=laval_participant, kind=AccessKind.DECISION)
    # A row written before kinds, whose text 0006 could not map: shown as written.
    AccessLog.objects.create(
        user=personas["admin"], participant=laval_participant, what="something old"
    )

    with translation.override("fr-ca"):
        page = client_for("participant").get(reverse("participants:my_access_log"))
    body = page.content.decode()
    assert "Qui a consulté mon dossier" in body
    for french in ("Dossier", "Orientations reçues", "Décision d’admissibilité"):
        assert f">{french}</td>" in body
    assert "Personnel d’un organisme partenaire" in body
    assert f">{opex().name}</td>" in body  # the partner's organization
    assert ">Laval</td>" in body  # the caseworker's office; the coordinator's region
    assert ">something old</td>" in body
    for english in ("own file", ">file<", "Referrals received", "partner organization staff"):
        assert english not in body
    for row in page.context["page"].object_list:
        if row.kind:  # each label through the catalog of the reader's language
            with translation.override("fr-ca"):
                assert f">{row.get_kind_display()}</td>" in body

    with translation.override("en-ca"):
        english_page = client_for("participant").get(reverse("participants:my_access_log"))
    assert ">Referrals received</td>" in english_page.content.decode()


def test_who_viewed_my_file_costs_the_same_with_many_rows(
    client_for: Any, laval_participant: Any, personas: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sentier.audit.actions import record_access
    from sentier.audit.models import AccessKind

    client = client_for("participant")

    def page_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("participants:my_access_log")).status_code == 200
        return len(captured.captured_queries)

    record_access(user=personas["partner_opex"], shown=laval_participant, kind=AccessKind.FILE)
    one = page_queries()
    for _ in range(10):
        for persona in ("partner_opex", "partner_sorif", "caseworker_laval", "coordinator"):
            record_access(user=personas[persona], shown=laval_participant, kind=AccessKind.FILE)
    assert page_queries() == one


def test_rows_written_before_kinds_read_in_french_after_the_migration(
    client_for: Any, laval_participant: Any, personas: Any
) -> None:
    """The labels issue 12 found in English on the French page, as the old code wrote them."""
    import importlib

    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    for text in ("own file", "file", "Support plan (PDF)", "waiting lists"):
        AccessLog.objects.create(
            user=personas["partner_opex"], participant=laval_participant, what=text
        )
    migration = importlib.import_module("sentier.audit.migrations.0006_access_kinds_from_old_text")
    state = MigrationLoader(connection, replace_migrations=False).project_state(
        ("audit", "0006_access_kinds_from_old_text")
    )
    migration.forwards(state.apps, connection.schema_editor())

    body = client_for("participant").get(reverse("participants:my_access_log")).content.decode()
    for french in (
        "Dossier, consulté par la personne elle-même",
        "Dossier",
        "Plan d’accompagnement (PDF)",
        "Listes d’attente",
    ):
        assert f">{french}</td>" in body
    assert "Organisme ou bureau" in body
    assert body.count(f">{personas['partner_opex'].organization.name}</td>") == 4
    for english in ("own file", ">file<", "Support plan (PDF)", "waiting lists"):
        assert english not in body


def test_history_names_fields_and_values_in_words_never_codes(
    client_for: Any, laval_participant: Any, personas: Any
) -> None:
    assign_caseworker(
        actor=personas["caseworker_laval"],
        participant=laval_participant,
        caseworker=personas["caseworker_laval"],
    )
    page = client_for("caseworker_laval").get(history_url(laval_participant)).content.decode()
    changes = page.split('id="changes-heading"', 1)[1].split("</table>", 1)[0]
    assert "caseworker:" not in changes
    assert "assigned_at" not in changes
    assert "Personne intervenante" in changes
    assert str(personas["caseworker_laval"]) in changes
