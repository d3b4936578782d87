"""The service-plan list and the home panels name people: each person named is in their access
log (issue 13). Partner staff see plans by date, not by name: nothing is logged for them."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from sentier.audit.models import AccessKind, AccessLog

pytestmark = pytest.mark.django_db


def logged(participant: Any, kind: str) -> list[str]:
    return list(
        AccessLog.objects.filter(participant=participant, kind=kind).values_list(
            "user__email", flat=True
        )
    )


@pytest.mark.parametrize("who", ["caseworker_laval", "coordinator"])
def test_the_list_logs_the_people_it_names(
    client_for: Any, personas: dict[str, Any], laval_participant: Any, laval_request: Any, who: str
) -> None:
    page = client_for(who).get(reverse("serviceplans:list"))
    assert laval_participant.full_name in page.content.decode()
    assert logged(laval_participant, AccessKind.SERVICE_PLANS) == [personas[who].email]


def test_the_coordinator_home_logs_the_queue(
    client_for: Any, personas: dict[str, Any], laval_participant: Any, laval_request: Any
) -> None:
    page = client_for("coordinator").get(reverse("core:home"))
    assert laval_participant.full_name in page.content.decode()
    assert logged(laval_participant, AccessKind.STAFF_HOME) == [personas["coordinator"].email]


def test_partner_staff_see_no_name_and_nothing_is_logged(
    client_for: Any, laval_participant: Any, active_plan: Any
) -> None:
    before = AccessLog.objects.filter(kind=AccessKind.SERVICE_PLANS).count()
    page = client_for("partner_opex").get(reverse("serviceplans:list"))
    assert page.status_code == 200
    assert laval_participant.full_name not in page.content.decode()
    assert AccessLog.objects.filter(kind=AccessKind.SERVICE_PLANS).count() == before
