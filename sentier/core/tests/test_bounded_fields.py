"""Bounded date and date-time fields: a field error outside the bounds, never an overflow."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django import forms
from django.utils import timezone, translation

from sentier.core.forms import (
    BoundedDateField,
    BoundedDateTimeField,
    days_from_today,
    not_before,
    within_years,
    years_from_today,
)


class WhenForm(forms.Form):
    day = BoundedDateField(required=False, **within_years(1, 2))
    at = BoundedDateTimeField(required=False, **within_years(1, 2))


def errors(data: dict[str, str]) -> dict[str, Any]:
    with translation.override("en-ca"):
        form = WhenForm(data)
        form.is_valid()
        return {name: list(messages) for name, messages in form.errors.items()}


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "0001-01-03"])
def test_a_far_date_is_a_field_error(value: str) -> None:
    assert list(errors({"day": value})) == ["day"]


@pytest.mark.parametrize("value", ["9999-12-31T23:59", "9999-12-31 23:59", "0001-01-01T00:00"])
def test_a_far_date_and_time_is_a_field_error_not_an_overflow(value: str) -> None:
    # 23:59 on 31 December 9999 in Toronto is already the year 10000 in UTC.
    assert list(errors({"at": value})) == ["at"]


def test_the_message_names_the_bound() -> None:
    latest = years_from_today(2)()
    found = errors({"day": "9999-12-31"})["day"]
    with translation.override("en-ca"):
        from sentier.core.formatting import long_date

        assert found == [f"Enter a date on or before {long_date(latest, 'en-ca')}."]


def test_dates_within_the_bounds_pass() -> None:
    today = timezone.localdate()
    assert errors({"day": today.isoformat(), "at": f"{today}T23:59"}) == {}


def test_not_before_narrows_every_bounded_field_with_its_message() -> None:
    form = WhenForm({"day": timezone.localdate().isoformat(), "at": ""})
    not_before(form, timezone.localdate() + dt.timedelta(days=1), "Not before the plan.")
    assert not form.is_valid()
    assert form.errors["day"] == ["Not before the plan."]


def test_not_before_never_widens() -> None:
    form = WhenForm({"day": (timezone.localdate() - dt.timedelta(days=800)).isoformat()})
    not_before(form, dt.date(2000, 1, 1))
    assert not form.is_valid()


def test_bounds_follow_the_local_date() -> None:
    assert days_from_today(0)() == timezone.localdate()


def test_29_february_gives_28_february_years_later(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(timezone, "localdate", lambda *args: dt.date(2028, 2, 29))
    assert years_from_today(1)() == dt.date(2029, 2, 28)
    assert years_from_today(-120)() == dt.date(1908, 2, 28)
