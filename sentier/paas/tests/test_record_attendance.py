"""Weekly attendance: refused figures, corrections as new entries, the week's hours."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from sentier.core.formatting import long_date
from sentier.paas import actions, selectors
from sentier.paas.models import AttendanceEntry
from sentier.paas.tests.placement_helpers import grant, opex, placed, start_date, this_week

pytestmark = pytest.mark.django_db


@pytest.fixture
def placement(personas: Any, laval_participant: Any) -> Any:
    grant(personas, opex(personas), "13")
    return placed(personas, laval_participant, opex(personas))


def record(
    personas: Any,
    placement: Any,
    hours: str,
    week: dt.date | None = None,
    who: str = "partner_opex",
) -> Any:
    return actions.record_attendance(
        actor=personas[who],
        placement=placement,
        week_start=week or start_date(),
        hours=Decimal(hours),
    )


def test_staff_records_a_week(personas: Any, placement: Any) -> None:
    entry = record(personas, placement, "6")
    assert (entry.hours, entry.week_start, entry.recorded_by) == (
        Decimal(6),
        start_date(),
        personas["partner_opex"],
    )
    assert selectors.hours_of_week(placement, start_date()) == Decimal(6)


def test_a_correction_is_a_new_entry_pointing_to_the_previous_one(
    personas: Any, placement: Any
) -> None:
    first = record(personas, placement, "6")
    second = record(personas, placement, "5.5")
    assert second.pk != first.pk
    assert second.corrects == first
    first.refresh_from_db()
    assert first.hours == Decimal(6)  # never edited
    assert selectors.hours_of_week(placement, start_date()) == Decimal("5.5")
    assert record(personas, placement, "5.5") == second  # the same figure again writes nothing
    assert AttendanceEntry.objects.count() == 2


def test_21_hours_are_refused(personas: Any, placement: Any) -> None:
    with translation.override("en-ca"), pytest.raises(ValidationError) as refused:
        record(personas, placement, "21")
    assert refused.value.messages == ["At most 20 hours a week can be recorded (21 given)."]
    assert not AttendanceEntry.objects.exists()


def test_negative_hours_are_refused(personas: Any, placement: Any) -> None:
    with pytest.raises(ValidationError):
        record(personas, placement, "-1")
    assert not AttendanceEntry.objects.exists()


def test_hours_outside_the_placement_dates_are_refused(personas: Any, placement: Any) -> None:
    before = start_date() - dt.timedelta(weeks=1)
    with translation.override("en-ca"), pytest.raises(ValidationError) as refused:
        record(personas, placement, "4", week=before)
    day = long_date(before, "en-ca")
    assert refused.value.messages == [f"The week of {day} is outside the placement's dates."]
    with pytest.raises(ValidationError):
        record(personas, placement, "4", week=this_week() + dt.timedelta(weeks=1))
    assert not AttendanceEntry.objects.exists()


def test_a_refused_correction_keeps_what_was_saved(personas: Any, placement: Any) -> None:
    record(personas, placement, "6")
    with pytest.raises(ValidationError):
        record(personas, placement, "25")
    assert selectors.hours_of_week(placement, start_date()) == Decimal(6)
    assert AttendanceEntry.objects.count() == 1


def test_a_week_starts_on_monday(personas: Any, placement: Any) -> None:
    with pytest.raises(ValidationError):
        record(personas, placement, "4", week=start_date() + dt.timedelta(days=2))
    assert not AttendanceEntry.objects.exists()


@pytest.mark.parametrize("persona", ["partner_sorif", "caseworker_laval", "coordinator"])
def test_only_the_organization_records_attendance(
    personas: Any, placement: Any, persona: str
) -> None:
    with pytest.raises(PermissionDenied):
        record(personas, placement, "4", who=persona)
    assert not AttendanceEntry.objects.exists()


def test_parse_hours_accepts_a_decimal_comma() -> None:
    assert actions.parse_hours("7,5") == Decimal("7.5")
    with pytest.raises(ValidationError):
        actions.parse_hours("sept")
    with pytest.raises(ValidationError):
        actions.parse_hours("7.25")


def test_the_weekly_maximum_is_the_rules_parameter_not_the_database(
    personas: Any, placement: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Limits are data (issue 16): if paas_action.max_weekly_hours said 24 on a date, 22 hours
    are recorded — no database check hard-codes 20 — and 25 are refused, with nothing saved."""
    monkeypatch.setattr(selectors, "max_weekly_hours", lambda on: 24)
    entry = record(personas, placement, "22")
    entry.refresh_from_db()
    assert entry.hours == Decimal(22)
    with translation.override("en-ca"), pytest.raises(ValidationError) as refused:
        record(personas, placement, "25")
    assert refused.value.messages == ["At most 24 hours a week can be recorded (25 given)."]
    assert list(AttendanceEntry.objects.values_list("hours", flat=True)) == [Decimal(22)]


def test_an_hours_plan_step_follows_the_rules_parameter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selectors, "max_weekly_hours", lambda on: 24)
    day = start_date()
    assert actions.check_hours_plan([(day, 24)], day) == []
    assert actions.check_hours_plan([(day, 25)], day) != []
