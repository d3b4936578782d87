"""The support-plan worklist and the caseworker's home panel name people: each person named is
in their access log, once per page (issue 13: every page that shows a person's file)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from sentier.audit.models import AccessKind, AccessLog
from sentier.plans.tests.helpers import active_plan

pytestmark = pytest.mark.django_db


def logged(participant: Any, kind: str) -> list[tuple[str, str]]:
    return list(
        AccessLog.objects.filter(participant=participant, kind=kind).values_list(
            "user__email", "kind"
        )
    )


@pytest.fixture
def ending_soon(personas: dict[str, Any], laval_participant: Any) -> Any:
    today = timezone.localdate()
    return active_plan(personas, laval_participant, planned_end_on=today + dt.timedelta(days=7))


def test_the_worklist_logs_the_people_it_names(
    client_for: Any, personas: dict[str, Any], laval_participant: Any, ending_soon: Any
) -> None:
    page = client_for("caseworker_laval").get(reverse("plans:worklist"))
    assert laval_participant.full_name in page.content.decode()
    email = personas["caseworker_laval"].email
    assert logged(laval_participant, AccessKind.SUPPORT_PLAN_WORKLIST) == [
        (email, "support_plan_worklist")
    ]


def test_the_home_panel_logs_the_people_it_names_once(
    client_for: Any, personas: dict[str, Any], laval_participant: Any, ending_soon: Any
) -> None:
    page = client_for("caseworker_laval").get(reverse("core:home"))
    assert laval_participant.full_name in page.content.decode()
    # Named by more than one panel (the plans' reminders, the files assigned lately): one row.
    assert logged(laval_participant, AccessKind.STAFF_HOME) == [
        (personas["caseworker_laval"].email, "staff_home")
    ]


def test_an_empty_worklist_logs_nobody(client_for: Any, laval_participant: Any) -> None:
    before = AccessLog.objects.count()
    assert client_for("caseworker_montreal").get(reverse("plans:worklist")).status_code == 200
    assert AccessLog.objects.count() == before
