"""The sender's pages: "Referrals sent" (overdue first, filters), the detail, cancelling."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from sentier.audit.models import AccessKind, AccessLog
from sentier.referrals.models import Referral, ReferralStatus
from sentier.referrals.tests.helpers import opex, send, sorif

pytestmark = pytest.mark.django_db


def en(name: str, *args: Any) -> str:
    with translation.override("en-ca"):
        return reverse(name, args=args)


def test_overdue_referrals_come_first(
    client_for: Any,
    personas: dict[str, Any],
    laval_participant: Any,
    django_assert_max_num_queries: Any,
) -> None:
    late = send(personas, laval_participant, opex(), at=timezone.now() - dt.timedelta(days=12))
    recent = send(personas, laval_participant, sorif())
    client = client_for("caseworker_laval")
    with django_assert_max_num_queries(20):
        page = client.get(en("referrals:sent")).content.decode()
    assert page.index(str(late.uuid)) < page.index(str(recent.uuid))
    assert "late answer" in page


def test_the_status_filter_and_bad_values(
    client_for: Any, personas: dict[str, Any], laval_participant: Any
) -> None:
    send(personas, laval_participant, opex())
    client = client_for("caseworker_laval")
    assert "OPEX" in client.get(en("referrals:sent") + "?status=requested").content.decode()
    assert "OPEX" not in client.get(en("referrals:sent") + "?status=completed").content.decode()
    assert client.get(en("referrals:sent") + "?status=%00").status_code == 400


def test_the_montreal_caseworker_sees_none_and_gets_404_on_the_detail(
    client_for: Any, personas: dict[str, Any], laval_participant: Any
) -> None:
    referral = send(personas, laval_participant, opex())
    client = client_for("caseworker_montreal")
    assert "OPEX" not in client.get(en("referrals:sent")).content.decode()
    assert client.get(en("referrals:detail", referral.uuid)).status_code == 404
    assert client.post(en("referrals:cancel", referral.uuid), {"reason": "x"}).status_code == 404
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.REQUESTED


def test_the_detail_shows_the_log_and_is_access_logged(
    client_for: Any, personas: dict[str, Any], laval_participant: Any
) -> None:
    referral = send(personas, laval_participant, opex())
    page = client_for("caseworker_laval").get(en("referrals:detail", referral.uuid))
    assert page.status_code == 200
    assert "Sent, awaiting answer" in page.content.decode()
    assert (
        AccessLog.objects.filter(participant=laval_participant, kind=AccessKind.REFERRAL).count()
        == 1
    )


def test_cancelling_needs_a_reason(
    client_for: Any, personas: dict[str, Any], laval_participant: Any
) -> None:
    referral: Referral = send(personas, laval_participant, opex())
    client = client_for("caseworker_laval")
    assert client.post(en("referrals:cancel", referral.uuid), {"reason": " "}).status_code == 400
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.REQUESTED
    response = client.post(en("referrals:cancel", referral.uuid), {"reason": "Trouvé ailleurs"})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.CANCELLED
    assert referral.status_reason == "Trouvé ailleurs"


def test_the_file_panel_shows_status_and_log(
    client_for: Any, personas: dict[str, Any], laval_participant: Any
) -> None:
    send(personas, laval_participant, opex())
    page = client_for("caseworker_laval").get(en("participants:file", laval_participant.uuid))
    body = page.content.decode()
    assert "Send a referral" in body
    assert "Sent, awaiting answer" in body


def test_the_participant_sees_their_referrals_in_plain_words(
    client_for: Any, personas: dict[str, Any], laval_participant: Any
) -> None:
    send(personas, laval_participant, opex())
    page = client_for("participant").get(en("referrals:mine")).content.decode()
    assert "waiting for the organization" in page
    assert client_for("caseworker_laval").get(en("referrals:mine")).status_code == 404
    my_file = client_for("participant").get(en("participants:my_file")).content.decode()
    assert "My referrals" in my_file


def test_the_list_logs_one_row_per_person_shown(
    client_for: Any, personas: dict[str, Any], laval_participant: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sentier.paas.tests.placement_helpers import laval_file

    client = client_for("caseworker_laval")

    def list_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(en("referrals:sent")).status_code == 200
        return len(captured.captured_queries)

    send(personas, laval_participant, opex())
    one = list_queries()
    other = laval_file(personas)
    send(personas, laval_participant, sorif())  # the same person twice on the page: one row
    send(personas, other, opex())
    assert list_queries() == one  # more rows cost no more queries: one INSERT
    logged = AccessLog.objects.filter(
        user=personas["caseworker_laval"], kind=AccessKind.REFERRALS_SENT
    ).order_by("id")
    assert sorted(row.participant_id for row in logged) == sorted(
        [laval_participant.pk, laval_participant.pk, other.pk]
    )
