"""A file's referrals are read without joining the participant the file page already holds
(``sentier.core.queries.known``), and each is given that very participant."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sentier.core.queries import known
from sentier.participants.models import Participant
from sentier.referrals import selectors
from sentier.referrals.tests.helpers import opex, send, sorif

pytestmark = pytest.mark.django_db


def test_a_files_referrals_carry_the_participant_held(
    personas: dict[str, Any], laval_participant: Participant
) -> None:
    older = send(personas, laval_participant, opex())
    newer = send(personas, laval_participant, sorif())
    held = Participant.objects.select_related("region").get(pk=laval_participant.pk)
    with CaptureQueriesContext(connection) as queries:
        referrals = selectors.list_referrals_for_participant(held)
        shown = [(r.participant.region.code, r.organization.name) for r in referrals]
    assert [r.pk for r in referrals] == [newer.pk, older.pk]
    assert all(r.participant is held for r in referrals)
    assert shown == [(held.region.code, sorif().name), (held.region.code, opex().name)]
    referral_reads = [
        q["sql"] for q in queries.captured_queries if "referrals_referral" in q["sql"]
    ]
    assert referral_reads
    assert all("participants_participant" not in sql for sql in referral_reads)
    assert [r.pk for r in selectors.list_referrals_for_participant(held, limit=1)] == [newer.pk]


def test_a_row_of_another_participant_is_refused(
    personas: dict[str, Any], laval_participant: Participant, montreal_participant: Participant
) -> None:
    referral = send(personas, laval_participant, opex())
    with pytest.raises(ValueError, match="participant"):
        known([referral], participant=montreal_participant)
    assert referral.participant_id == laval_participant.pk
