"""The pilot registry agrees with the rollout parameters it mirrors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from sentier_rules.pilots import Design, get_pilot, list_pilots

PARAMETERS = Path(__file__).resolve().parents[1] / "parameters"


def _value_on(values: dict[Any, Any], day: dt.date) -> Any:
    dated = sorted((dt.date.fromisoformat(str(d)), v["value"]) for d, v in values.items())
    current = None
    for since, value in dated:
        if since <= day:
            current = value
    return current


def test_support_plan_pilot_treats_the_five_regions_from_april_2026() -> None:
    pilot = get_pilot("support_plan_2026")
    assert pilot.start == dt.date(2026, 4, 1)
    assert pilot.treated == ("02", "08", "11", "13", "15")
    assert pilot.design is Design.DIFFERENCE_IN_DIFFERENCES
    assert pilot.treats("13")
    assert not pilot.treats("06")


def test_support_plan_pilot_mirrors_the_regional_rollout() -> None:
    pilot = get_pilot("support_plan_2026")
    rollout = yaml.safe_load((PARAMETERS / pilot.mirrors).read_text(encoding="utf-8"))
    regions = {code: fields for code, fields in rollout.items() if code.isdigit()}
    the_day_before = pilot.start - dt.timedelta(days=1)
    offered = {code for code, fields in regions.items() if _value_on(fields["values"], pilot.start)}
    assert offered == set(pilot.treated)
    assert not any(_value_on(fields["values"], the_day_before) for fields in regions.values())


def test_fast_track_started_everywhere_on_its_in_force_date() -> None:
    pilot = get_pilot("employment_fast_track_2025")
    assert pilot.everywhere
    assert pilot.treats("any site")
    assert pilot.design is Design.BEFORE_AFTER_COHORTS
    in_force = yaml.safe_load((PARAMETERS / pilot.mirrors).read_text(encoding="utf-8"))
    assert _value_on(in_force["values"], pilot.start) is True
    assert _value_on(in_force["values"], pilot.start - dt.timedelta(days=1)) is False


def test_every_pilot_cites_a_source_and_has_both_labels() -> None:
    for pilot in list_pilots():
        assert pilot.reference
        assert pilot.label_fr
        assert pilot.label_en
