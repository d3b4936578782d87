"""One placement's attendance page: record a week, correct it with a note; others get 404."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from sentier.paas import actions, selectors
from sentier.paas.models import AttendanceEntry
from sentier.paas.tests.placement_helpers import grant, opex, placed, start_date

pytestmark = pytest.mark.django_db


@pytest.fixture
def placement(personas: Any, laval_participant: Any) -> Any:
    grant(personas, opex(personas), "13")
    return placed(personas, laval_participant, opex(personas))


def url(placement: Any) -> str:
    with translation.override("en-ca"):
        return reverse("paas:placement_attendance", kwargs={"placement_uuid": placement.uuid})


def test_staff_correct_a_week_with_a_note(client_for: Any, personas: Any, placement: Any) -> None:
    first = actions.record_attendance(
        actor=personas["partner_opex"],
        placement=placement,
        week_start=start_date(),
        hours=Decimal(6),
    )
    response = client_for("partner_opex").post(
        url(placement),
        {"week_start": start_date().isoformat(), "hours": "4", "note": "Absente mercredi"},
    )
    assert response.status_code == 302
    latest = AttendanceEntry.objects.latest("id")
    assert (latest.hours, latest.corrects, latest.note) == (Decimal(4), first, "Absente mercredi")
    assert selectors.hours_of_week(placement, start_date()) == Decimal(4)


def test_21_hours_are_refused_next_to_the_field(client_for: Any, placement: Any) -> None:
    response = client_for("partner_opex").post(
        url(placement), {"week_start": start_date().isoformat(), "hours": "21"}
    )
    assert response.status_code == 400
    assert "At most 20 hours a week can be recorded (21 given)." in response.content.decode()
    assert not AttendanceEntry.objects.exists()


@pytest.mark.parametrize("persona", ["partner_sorif", "caseworker_montreal", "caseworker_laval"])
def test_others_get_404_and_nothing_changes(
    client_for: Any, personas: Any, placement: Any, persona: str
) -> None:
    actions.record_attendance(
        actor=personas["partner_opex"],
        placement=placement,
        week_start=start_date(),
        hours=Decimal(6),
    )
    client = client_for(persona)
    assert client.get(url(placement)).status_code == 404
    response = client.post(url(placement), {"week_start": start_date().isoformat(), "hours": "1"})
    assert response.status_code == 404
    assert AttendanceEntry.objects.count() == 1
    assert selectors.hours_of_week(placement, start_date()) == Decimal(6)


@pytest.mark.parametrize("week", ["9999-12-31", "0001-01-01", "0001-01-03"])
def test_a_week_outside_the_placement_is_a_field_error(
    client_for: Any, placement: Any, week: str
) -> None:
    response = client_for("partner_opex").post(url(placement), {"week_start": week, "hours": "4"})
    assert response.status_code == 400
    assert "Enter a date on or" in response.content.decode()
    assert not AttendanceEntry.objects.exists()


def test_the_week_before_the_placement_started_is_a_field_error(
    client_for: Any, placement: Any
) -> None:
    before = start_date() - dt.timedelta(days=1)  # the Sunday before its first Monday
    response = client_for("partner_opex").post(
        url(placement), {"week_start": before.isoformat(), "hours": "4"}
    )
    assert response.status_code == 400
    assert not AttendanceEntry.objects.exists()


def test_one_save_writes_one_row_for_the_person(
    client_for: Any, personas: Any, placement: Any
) -> None:
    from sentier.audit.models import AccessKind, AccessLog

    response = client_for("partner_opex").post(
        url(placement), {"week_start": start_date().isoformat(), "hours": "4"}, follow=True
    )
    assert response.status_code == 200
    assert [(row.participant_id, row.kind) for row in AccessLog.objects.all()] == [
        (placement.participant_id, AccessKind.PAAS_ATTENDANCE)
    ]
