"""The caseworker's PAAS Action list: each person shown is in their access log, once."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sentier.audit.models import AccessKind, AccessLog
from sentier.paas.tests.placement_helpers import grant, laval_file, opex, placed

pytestmark = pytest.mark.django_db
URL = reverse("paas:placement_list")


def test_the_list_logs_one_row_per_person_shown(
    client_for: Any, personas: Any, laval_participant: Any
) -> None:
    grant(personas, opex(personas), "13", places=6)
    placements = [placed(personas, laval_participant, opex(personas))]
    client = client_for("caseworker_laval")

    def list_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(URL)
        assert response.status_code == 200
        return len(captured.captured_queries)

    one = list_queries()
    placements += [placed(personas, laval_file(personas, name), opex(personas)) for name in "ABC"]
    assert list_queries() == one  # four people cost what one did: one INSERT
    logged = AccessLog.objects.filter(
        user=personas["caseworker_laval"], kind=AccessKind.PAAS_PLACEMENTS
    )
    assert sorted(row.participant_id for row in logged) == sorted(
        [laval_participant.pk] + [p.participant_id for p in placements]
    )


def test_partner_staff_are_refused_and_nothing_is_logged(client_for: Any) -> None:
    assert client_for("partner_opex").get(URL).status_code == 403
    assert not AccessLog.objects.exists()
