"""Changes are checked before anything runs: unknown paths, values of the wrong type and
malformed dates are refused with a message naming the field."""

from __future__ import annotations

import datetime as dt

import pytest

from sentier.simulations.changes import Change, ChangeError, parse_change, parse_set_option


def test_a_region_joining_is_read_as_a_dated_true() -> None:
    change = parse_set_option("support_plan.regions.06@2027-01-01=true")

    assert change == Change("support_plan.regions.06", dt.date(2027, 1, 1), True)
    assert change.as_json() == {
        "path": "support_plan.regions.06",
        "from": "2027-01-01",
        "value": True,
    }


def test_an_amount_is_a_decimal_string_in_json() -> None:
    change = parse_set_option("paas_action.monthly_allowance@2027-01-01=200")

    assert change.value == 200
    assert change.as_json()["value"] == "200.00"
    assert Change.from_json(change.as_json()) == change


def test_a_program_list_takes_known_codes() -> None:
    change = parse_change("support_plan.programs", "2027-01-01", "PAS, PRB, PSS, POE")

    assert change.value == ["PAS", "PRB", "PSS", "POE"]


@pytest.mark.parametrize(
    ("option", "field"),
    [
        ("support_plan.regions.99@2027-01-01=true", "path"),
        ("support_plan.nothing@2027-01-01=true", "path"),
        ("triage.thresholds.support_plan@2027-01-01=3", "path"),
        ("employment_fast_track.in_force@2027-01-01=true", "path"),
        ("support_plan.regions@2027-01-01=true", "path"),
        ("support_plan.regions.06@2027-13-01=true", "start"),
        ("support_plan.regions.06@01/01/2027=true", "start"),
        ("support_plan.regions.06@2150-01-01=true", "start"),
        ("support_plan.regions.06@2027-01-01=maybe", "value"),
        ("paas_action.monthly_allowance@2027-01-01=deux cents", "value"),
        ("paas_action.monthly_allowance@2027-01-01=-5", "value"),
        ("paas_action.monthly_allowance@2027-01-01=200.005", "value"),
        ("paas_action.monthly_allowance@2027-01-01=nan", "value"),
        ("support_plan.programs@2027-01-01=PAS, XYZ", "value"),
        ("paas_action.allowance_partial_month@2027-01-01=weekly", "value"),
        ("no change at all", "path"),
    ],
)
def test_bad_changes_are_refused_with_the_field_at_fault(option: str, field: str) -> None:
    with pytest.raises(ChangeError) as refused:
        parse_set_option(option)

    assert refused.value.field == field
    assert refused.value.message
