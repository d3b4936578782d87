"""The difference-in-differences estimate on simulated panels with a known effect."""

from __future__ import annotations

import datetime as dt

import numpy as np

from sentier.insights.pilots import EventPoint, PanelRow, estimate_effect, event_study
from sentier_rules.pilots import get_pilot

REGIONS = [f"{n:02d}" for n in range(1, 18)]


def _months(first: dt.date, count: int) -> list[dt.date]:
    return [
        dt.date(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, 1)
        for i in range(count)
    ]


def simulated_panel(
    effect: float, *, seed: int, before: int = 12, after: int = 6
) -> list[PanelRow]:
    """17 regions, ``before`` months before 2026-04 and ``after`` from it; each region-month
    draws its events from a rate per 1,000 made of a region level, a shared month trend and,
    in the five pilot regions after the start, ``effect``."""
    rng = np.random.default_rng(seed)
    pilot = get_pilot("support_plan_2026")
    months = _months(dt.date(2026, 4, 1) - dt.timedelta(days=31 * before - 15), before + after)
    levels = {region: rng.uniform(60, 140) for region in REGIONS}
    shocks = {month: rng.normal(0, 8) for month in months}
    rows = []
    for region in REGIONS:
        for month in months:
            rate = levels[region] + shocks[month] + 0.5 * months.index(month)
            if pilot.treats(region) and month >= pilot.start:
                rate += effect
            applications = int(rng.integers(300, 600))
            plans = int(rng.binomial(applications, min(max(rate, 0), 1000) / 1000))
            rows.append(PanelRow(region, month, plans, applications))
    return rows


def test_the_interval_covers_a_known_effect() -> None:
    pilot = get_pilot("support_plan_2026")
    estimate = estimate_effect(pilot, "support_plans", simulated_panel(40.0, seed=7), draws=199)
    assert estimate.enough_data, estimate.reason
    assert estimate.interval is not None
    assert estimate.value is not None
    low, high = estimate.interval
    assert low < 40.0 < high
    assert low < estimate.value < high
    assert low > 0  # a 40-per-1,000 effect is told apart from none
    assert estimate.mde is not None
    assert 0 < estimate.mde < 40.0
    assert estimate.regions_treated == 5
    assert estimate.regions_compared == 12
    assert (estimate.months_before, estimate.months_after) == (12, 6)


def test_a_null_effect_has_an_interval_around_zero() -> None:
    pilot = get_pilot("support_plan_2026")
    estimate = estimate_effect(pilot, "support_plans", simulated_panel(0.0, seed=11), draws=199)
    assert estimate.enough_data
    assert estimate.interval is not None
    low, high = estimate.interval
    assert low < 0.0 < high
    assert estimate.p_value is not None
    assert estimate.p_value > 0.05


def test_the_same_seed_gives_the_same_estimate() -> None:
    pilot = get_pilot("support_plan_2026")
    panel = simulated_panel(25.0, seed=3)
    first = estimate_effect(pilot, "support_plans", panel, draws=199, seed=5)
    again = estimate_effect(pilot, "support_plans", list(reversed(panel)), draws=199, seed=5)
    assert first == again


def test_too_few_months_after_the_start_gives_no_number() -> None:
    pilot = get_pilot("support_plan_2026")
    estimate = estimate_effect(pilot, "support_plans", simulated_panel(40.0, seed=7, after=1))
    assert not estimate.enough_data
    assert estimate.reason == "months_after"
    assert estimate.value is None
    assert estimate.interval is None
    assert estimate.mde is None


def test_small_region_months_are_left_out_until_too_few_regions_remain() -> None:
    pilot = get_pilot("support_plan_2026")
    thin = {"02", "08", "11", "15"}  # four of the five pilot regions: under 10 applications
    panel = [
        PanelRow(r.region, r.month, min(r.numerator, 3), 9) if r.region in thin else r
        for r in simulated_panel(40.0, seed=7)
    ]
    estimate = estimate_effect(pilot, "support_plans", panel, threshold=10)
    assert not estimate.enough_data
    assert estimate.reason == "regions"
    assert estimate.regions_treated == 1


def test_event_study_is_flat_before_the_start_and_shows_the_jump_after() -> None:
    pilot = get_pilot("support_plan_2026")
    points = {p.months: p for p in event_study(pilot, simulated_panel(40.0, seed=7))}
    assert sorted(points) == list(range(-6, 6))
    assert points[-1] == EventPoint(-1, 0.0, 0.0, 0.0)
    before = [points[k].estimate for k in range(-6, -1)]
    after = [points[k].estimate for k in range(6)]
    # Flat before the start (the month before it is the base, so its own noise shifts them all
    # alike), and a jump of about the effect after it.
    assert max(before) - min(before) < 20
    assert 25 < sum(after) / len(after) - sum(before) / len(before) < 55
    assert all(points[k].low < points[k].estimate < points[k].high for k in points if k != -1)


def test_event_study_of_a_thin_panel_is_empty() -> None:
    pilot = get_pilot("support_plan_2026")
    assert event_study(pilot, simulated_panel(40.0, seed=7)[:5]) == []


def test_fast_track_is_compared_before_and_after_within_each_site() -> None:
    """Every Ontario site started on 2025-11-10: cohorts granted from December 2025 against
    those granted before November (November itself, half before, half after, is left out)."""
    pilot = get_pilot("employment_fast_track_2025")
    rng = np.random.default_rng(5)
    months = _months(dt.date(2025, 3, 1), 14)  # March 2025 to April 2026
    rows = []
    for site in range(1, 48):
        level = rng.uniform(100, 300)
        for month in months:
            rate = level + (60.0 if month >= dt.date(2025, 12, 1) else 0.0)
            if month == dt.date(2025, 11, 1):
                rate += 500.0  # a mixed month: were it used, the estimate would be far off
            grants = int(rng.integers(80, 200))
            rows.append(
                PanelRow(f"ON{site:02d}", month, int(rng.binomial(grants, rate / 1000)), grants)
            )
    estimate = estimate_effect(pilot, "eo_referrals_per_1000_grants", rows, draws=199)
    assert estimate.enough_data, estimate.reason
    assert estimate.interval is not None
    assert estimate.interval[0] < 60.0 < estimate.interval[1]
    assert (estimate.months_before, estimate.months_after) == (8, 5)
    assert estimate.regions_treated == 47
    assert estimate.regions_compared == 0
    assert "before/after" in estimate.method
