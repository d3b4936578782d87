"""record_access: one row per person shown, per request, in one INSERT, naming where the viewer
works."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import RequestFactory

from sentier.audit.actions import record_access
from sentier.audit.models import AccessChannel, AccessKind, AccessLog
from sentier.participants.models import Participant
from sentier.site.demo import load_demo

pytestmark = pytest.mark.django_db


def test_a_list_writes_one_row_per_person_in_one_insert(
    personas: Any, django_assert_num_queries: Any
) -> None:
    load_demo(30)
    people = list(Participant.objects.all()[:30])
    request = RequestFactory().get("/fr-ca/participants/?page=2")
    with django_assert_num_queries(1):  # the INSERT; the office is on the user row
        rows = record_access(
            user=personas["caseworker_laval"],
            shown=people + people[:3],  # a person listed twice is one row
            kind=AccessKind.CASELOAD,
            request=request,
        )
    assert len(rows) == 30
    written = AccessLog.objects.filter(user=personas["caseworker_laval"])
    assert sorted(row.participant_id for row in written) == sorted(p.pk for p in people)
    assert {(row.kind, row.what, row.path, row.affiliation) for row in written} == {
        (AccessKind.CASELOAD, "", "/fr-ca/participants/?page=2", "Laval")
    }


def test_one_request_logs_each_person_once_whatever_shows_them(
    personas: Any, laval_participant: Any, montreal_participant: Any
) -> None:
    request = RequestFactory().get("/fr-ca/participants/x/")
    user = personas["admin"]
    record_access(user=user, shown=laval_participant, kind=AccessKind.FILE, request=request)
    again = record_access(
        user=user, shown=laval_participant, kind=AccessKind.WAITING_LISTS, request=request
    )
    both = record_access(
        user=user,
        shown=[laval_participant.pk, montreal_participant.pk],
        kind=AccessKind.SERVICE_PLAN,
        request=request,
    )
    assert again == []
    assert [row.participant_id for row in both] == [montreal_participant.pk]
    rows = AccessLog.objects.filter(user=user).order_by("id")
    assert [(row.participant_id, row.kind) for row in rows] == [
        (laval_participant.pk, AccessKind.FILE),
        (montreal_participant.pk, AccessKind.SERVICE_PLAN),
    ]


def test_the_next_request_logs_again(personas: Any, laval_participant: Any) -> None:
    for _ in range(2):
        request = RequestFactory().get("/fr-ca/participants/x/")
        record_access(
            user=personas["admin"], shown=laval_participant, kind=AccessKind.FILE, request=request
        )
    assert AccessLog.objects.filter(participant=laval_participant).count() == 2


def test_partner_staff_are_logged_under_their_organization(
    personas: Any, laval_participant: Any
) -> None:
    (row,) = record_access(
        user=personas["partner_opex"], shown=laval_participant, kind=AccessKind.PAAS_ATTENDANCE
    )
    assert row.affiliation == personas["partner_opex"].organization.name


def test_a_visitor_is_logged_under_the_organization_given(laval_participant: Any) -> None:
    (row,) = record_access(
        user=None,
        visitor="Logiciel OPEX",
        affiliation="OPEX’82",
        shown=laval_participant,
        kind=AccessKind.REFERRAL_RECEIVED,
        channel=AccessChannel.API,
    )
    assert (row.visitor, row.affiliation, row.channel) == ("Logiciel OPEX", "OPEX’82", "api")


def test_nobody_and_nothing_shown_write_nothing(laval_participant: Any) -> None:
    with pytest.raises(ValueError, match="names someone"):
        record_access(user=None, shown=laval_participant, kind=AccessKind.FILE)
    assert record_access(user=None, visitor="x", shown=[], kind=AccessKind.FILE) == []
    assert not AccessLog.objects.exists()
