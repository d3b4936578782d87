"""PAAS Action monthly money: the allowance over partial months and the organization's payment."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from sentier_rules import (
    allowance_cents,
    occupied_places,
    organization_payment_cents,
    parameter_catalog,
    participation_days,
)

D = dt.date
MAY = D(2026, 5, 1)


def test_a_full_month_pays_173_dollars() -> None:
    got = allowance_cents(MAY, [D(2026, 4, 10), D(2026, 5, 1)], [None, D(2026, 5, 31)])
    assert got.dtype == np.int64
    assert got.tolist() == [17300, 17300]


def test_start_mid_month_is_prorated_by_calendar_day_half_up() -> None:
    # 16 May → 31 May: 16 of 31 days; 173 × 16 / 31 = 89.290… → 89,29 $.
    assert allowance_cents(MAY, [D(2026, 5, 16)], [None]).tolist() == [8929]


def test_end_mid_month_counts_the_last_day() -> None:
    # 1 → 10 May: 10 days; 173 × 10 / 31 = 55.806… → 55,81 $.
    assert participation_days(MAY, [D(2026, 1, 5)], [D(2026, 5, 10)]).tolist() == [10]
    assert allowance_cents(MAY, [D(2026, 1, 5)], [D(2026, 5, 10)]).tolist() == [5581]


def test_one_day_and_no_day() -> None:
    got = allowance_cents(
        MAY,
        [D(2026, 5, 31), D(2026, 6, 1), D(2026, 3, 1)],
        [None, None, D(2026, 4, 30)],
    )
    # 173 / 31 = 5.580… → 5,58 $; June and April placements get nothing in May.
    assert got.tolist() == [558, 0, 0]


def test_february_and_leap_year() -> None:
    starts = [D(2026, 2, 15), D(2028, 2, 15)]
    assert allowance_cents(D(2026, 2, 1), starts[:1], [None]).tolist() == [8650]  # 14/28
    # 2028 is a leap year: 15 of 29 days → 173 × 15 / 29 = 89.482… → 89,48 $.
    assert allowance_cents(D(2028, 2, 1), starts[1:], [None]).tolist() == [8948]
    assert participation_days(D(2028, 2, 1), [D(2028, 1, 1)], [None]).tolist() == [29]


def test_half_a_cent_rounds_up() -> None:
    # A 30-day month: 173 × 15 / 30 = 86.5 exactly → 86,50 $;
    # 173 × 1 / 30 = 5.7666… → 5,77 $.
    got = allowance_cents(D(2026, 6, 1), [D(2026, 6, 16), D(2026, 6, 30)], [None, None])
    assert got.tolist() == [8650, 577]


def test_an_end_before_the_start_is_refused() -> None:
    with pytest.raises(ValueError, match="before its start"):
        allowance_cents(MAY, [D(2026, 5, 10)], [D(2026, 5, 9)])


def test_occupied_places_is_the_busiest_day_of_each_allocation() -> None:
    starts = [D(2026, 4, 1), D(2026, 5, 20), D(2026, 5, 1), D(2026, 5, 1), D(2026, 6, 1)]
    ends = [D(2026, 5, 10), None, None, None, None]
    groups = [0, 0, 1, 1, 2]
    # Allocation 0: one leaves on the 10th, another arrives on the 20th → one place.
    assert occupied_places(MAY, starts, ends, groups, 3).tolist() == [1, 2, 0]


def test_payment_is_for_places_granted_and_occupied() -> None:
    got = organization_payment_cents(MAY, np.array([5, 5, 5]), np.array([3, 5, 8]))
    assert got.tolist() == [60000, 100000, 100000]  # 8 occupied of 5 granted → 5 paid


def test_payment_scalar_and_for_profit() -> None:
    assert int(organization_payment_cents(MAY, 4, 2)) == 40000
    assert int(organization_payment_cents(MAY, 4, 2, non_profit=False)) == 0


def test_the_two_readings_are_documented_parameters() -> None:
    by_path = {entry["path"]: entry for entry in parameter_catalog()}
    assert by_path["paas_action.allowance_partial_month"]["values"] == [
        {
            "start": "2000-01-01",
            "value": "prorated_by_day",
            "fr": "Au prorata des jours de participation",
            "en": "Prorated by day of participation",
        }
    ]
    assert by_path["paas_action.organization_payment_basis"]["values"] == [
        {
            "start": "2000-01-01",
            "value": "occupied_and_granted",
            "fr": "Places occupées, jusqu'au nombre de places octroyées",
            "en": "Places occupied, up to the number of places granted",
        }
    ]
    assert "place occupée" in by_path["paas_action.organization_payment_basis"]["reference"]
