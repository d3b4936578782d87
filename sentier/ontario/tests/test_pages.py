"""The Ontario pages: who sees what (same 404 for missing and not yours), bad input never a
500, access-log rows, queries that do not grow with the lists, and nothing in Québec."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from sentier.audit.models import AccessKind, AccessLog
from sentier.ontario import actions
from sentier.ontario.models import CommonAssessment, Deferral, DeterminationPackage
from sentier.ontario.tests.helpers import odsp_of, ow_of, send_application

ClientFor = Callable[[str], Client]


def assessment_with_overdue_review(ontario: dict[str, Any]) -> CommonAssessment:
    application = send_application(Client(), consent=False)
    actions.grant_ow_application(actor=ontario["wendy"], ow_application=ow_of(application))
    assessment = CommonAssessment.objects.get(participant=application.participant)
    actions.put_action_plan_in_place(
        actor=ontario["tara"],
        assessment=assessment,
        goal="Goal",
        activities="Steps",
        at=timezone.now() - dt.timedelta(days=40),
    )
    return assessment


def test_the_worklist_shows_reviews_overdue_and_due(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    assessment_with_overdue_review(ontario)
    send_application(Client())  # an application to grant
    response = on_client("tara").get(reverse("ontario:assessment_queue"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Maya Singh" in page
    # One list at a time: only the person on the applications to grant was seen.
    assert (
        AccessLog.objects.filter(user=ontario["tara"], kind=AccessKind.ONTARIO_WORKLIST).count()
        == 1
    )
    reviews = on_client("tara").get(reverse("ontario:assessment_queue"), {"worklist": "reviews"})
    assert "Maya Singh" in reviews.content.decode()
    assert (
        AccessLog.objects.filter(user=ontario["tara"], kind=AccessKind.ONTARIO_WORKLIST).count()
        == 2
    )
    home = on_client("tara").get(reverse("core:home")).content.decode()
    assert reverse("ontario:assessment_queue") in home


def test_another_area_and_another_unit_get_the_same_404(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    assessment = assessment_with_overdue_review(ontario)
    ow = assessment.ow_application
    assert ow is not None
    for key in ("omar", "iris"):
        client = on_client(key)
        assert client.get(reverse("ontario:assessment", args=[assessment.uuid])).status_code == 404
        assert client.get(reverse("ontario:ow_application", args=[ow.uuid])).status_code == 404
    assert on_client("iris").get(reverse("ontario:assessment_queue")).status_code == 403
    assert on_client("tara").get(reverse("ontario:odsp_queue")).status_code == 403


@pytest.mark.parametrize("bad", ["not-a-uuid", "00000000-0000-0000-0000-000000000000", "%00"])
def test_malformed_or_unknown_keys_are_404(
    ontario: dict[str, Any], on_client: ClientFor, bad: str
) -> None:
    client = on_client("admin")
    for name in ("assessment", "ow_application", "odsp_application", "package_pdf"):
        assert client.get(reverse(f"ontario:{name}", args=[bad])).status_code == 404


def test_every_ontario_page_is_404_in_quebec(
    ontario: dict[str, Any], on_client: ClientFor, settings: Any
) -> None:
    assessment = assessment_with_overdue_review(ontario)
    settings.SENTIER_JURISDICTION = "qc"
    client = on_client("tara")
    assert client.get(reverse("ontario:assessment_queue")).status_code == 404
    assert client.get(reverse("ontario:odsp_queue")).status_code == 404
    assert client.get(reverse("ontario:assessment", args=[assessment.uuid])).status_code == 404
    assert (
        reverse("ontario:assessment_queue") not in client.get(reverse("core:home")).content.decode()
    )


@pytest.mark.parametrize(
    "data",
    [
        {"action": "deferral", "reason": "caregiver", "review_on": "2026-13-45"},
        {"action": "deferral", "reason": "no-such-reason", "review_on": "2099-01-01"},
        {"action": "deferral", "reason": "caregiver", "review_on": "1999-01-01"},
        {"action": "plan", "goal": "", "activities": "x" * 5000},
        {"action": "refer", "need": "Jobs", "categories": ["health"], "channel": "online"},
        {"action": "complete", "summary": "No plan yet"},
    ],
)
def test_bad_input_is_shown_next_to_the_field_and_nothing_changes(
    ontario: dict[str, Any], on_client: ClientFor, data: dict[str, Any]
) -> None:
    application = send_application(Client(), consent=False)
    actions.grant_ow_application(actor=ontario["wendy"], ow_application=ow_of(application))
    assessment = CommonAssessment.objects.get()
    response = on_client("tara").post(reverse("ontario:assessment", args=[assessment.uuid]), data)
    assert response.status_code == 400
    assert "qc-form-error" in response.content.decode() or "error" in response.content.decode()
    assert not Deferral.objects.exists()
    assessment.refresh_from_db()
    assert assessment.status == "to_do"
    assert assessment.referral is None


def test_a_deferral_review_of_an_unknown_deferral_is_404(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    assessment = assessment_with_overdue_review(ontario)
    url = reverse("ontario:assessment", args=[assessment.uuid])
    client = on_client("tara")
    for bad in ("nope", "00000000-0000-0000-0000-000000000000", ""):
        response = client.post(url, {"action": "deferral_review", "deferral": bad})
        assert response.status_code == 404


def test_a_coordinator_reads_the_worklist_but_cannot_post(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    assessment = assessment_with_overdue_review(ontario)
    client = on_client("chris")
    assert client.get(reverse("ontario:assessment_queue")).status_code == 200
    url = reverse("ontario:assessment", args=[assessment.uuid])
    assert client.get(url).status_code == 200
    response = client.post(url, {"action": "plan_review", "notes": "x"})
    assert response.status_code == 403


def test_the_odsp_pages_confirm_download_and_mark_mailed(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    odsp = odsp_of(send_application(Client(), program="ODSP"))
    client = on_client("iris")
    url = reverse("ontario:odsp_application", args=[odsp.uuid])
    bad = client.post(url, {"prescribed_class": "no-such-class"})
    assert bad.status_code == 400
    assert not DeterminationPackage.objects.exists()
    assert client.post(url, {"prescribed_class": ""}).status_code == 302
    package = DeterminationPackage.objects.get()
    queue = client.get(reverse("ontario:odsp_queue")).content.decode()
    assert reverse("ontario:package_pdf", args=[package.uuid]) in queue
    download = client.get(reverse("ontario:package_pdf", args=[package.uuid]))
    assert download["Content-Type"] == "application/pdf"
    assert download.content.startswith(b"%PDF-")
    assert AccessLog.objects.filter(user=ontario["iris"], kind=AccessKind.ODSP_PACKAGE).count() == 1
    # OW staff cannot see it: same 404 as a missing package.
    assert (
        on_client("tara").get(reverse("ontario:package_pdf", args=[package.uuid])).status_code
        == 404
    )
    response = client.post(reverse("ontario:package_mailed", args=[package.uuid]))
    assert response.status_code == 302
    package.refresh_from_db()
    assert package.status == "mailed"


def test_granting_from_the_page(ontario: dict[str, Any], on_client: ClientFor) -> None:
    """The intake unit grants; the case goes to Toronto's local office, whose page says where
    it went."""
    ow = ow_of(send_application(Client()))
    url = reverse("ontario:ow_application", args=[ow.uuid])
    granted = on_client("wendy").post(url, {"action": "grant", "seen": "pending"})
    assert granted.status_code == 302
    page = on_client("tara").get(url).content.decode()
    ow.refresh_from_db()
    assert ow.route == "employment_ontario"
    assert ow.transferred_at is not None
    assert "Employment Ontario" in page or "Emploi Ontario" in page
    # The local offices, Toronto's or another area's: 404 before the transfer, nothing changes.
    other = ow_of(send_application(Client()))
    for who in ("tara", "omar"):
        response = on_client(who).post(
            reverse("ontario:ow_application", args=[other.uuid]), {"action": "grant"}
        )
        assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == "pending"


def test_the_file_page_shows_the_ontario_section(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    assessment = assessment_with_overdue_review(ontario)
    page = (
        on_client("tara")
        .get(reverse("participants:file", args=[assessment.participant.uuid]))
        .content.decode()
    )
    assert reverse("ontario:assessment", args=[assessment.uuid]) in page


def test_the_odsp_queue_queries_do_not_grow_with_its_rows(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    client = on_client("iris")

    def add() -> None:
        queued = odsp_of(send_application(Client(), program="ODSP"))
        actions.confirm_odsp_financial_eligibility(actor=ontario["iris"], odsp_application=queued)
        send_application(Client(), program="ODSP")

    add()
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("ontario:odsp_queue")).status_code == 200
    add()
    add()
    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse("ontario:odsp_queue")).status_code == 200
    assert len(many) == len(few)


def test_quebec_keeps_its_own_frame_and_ontario_gets_the_ods_one(
    ontario: dict[str, Any], settings: Any
) -> None:
    ontario_page = Client().get(reverse("intake:start")).content.decode()
    assert 'class="sentier-ontario"' in ontario_page
    assert "vendor/ontario-ds/styles/css/compiled/ontario-theme.min.css" in ontario_page
    assert "sentier-on-header" in ontario_page
    assert "QUEBEC_blanc.svg" not in ontario_page
    settings.SENTIER_JURISDICTION = "qc"
    quebec_page = Client().get(reverse("intake:start")).content.decode()
    assert "ontario" not in quebec_page.lower()
    assert "QUEBEC_blanc.svg" in quebec_page
    assert "<body data-session-seconds=" in quebec_page


def test_the_person_sees_where_their_application_is(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    client = on_client("applicant")
    application = send_application(client)
    actions.grant_ow_application(actor=ontario["wendy"], ow_application=ow_of(application))
    page = client.get(reverse("participants:my_file")).content.decode()
    assert "Employment Ontario" in page or "Emploi Ontario" in page
    assert 'id="my-ontario-heading"' in page
