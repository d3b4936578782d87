"""``evaluate_batch`` agrees with ``decide`` person by person, and handles odd columns."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from sentier_rules import decide, evaluate_batch
from sentier_rules.codes import CHANNEL_CODES, PROGRAM_CODES, PROGRAMS, REGION_CODES

COUNT = 5000
DATES = ("2025-11-09", "2025-11-10", "2026-03-31", "2026-04-01", "2027-01-15")


def random_people(seed: int, count: int = COUNT) -> dict[str, np.ndarray[Any, Any]]:
    rng = np.random.default_rng(seed)
    program = np.array(PROGRAM_CODES)[rng.integers(0, len(PROGRAM_CODES), count)]
    home = np.array([PROGRAMS[code][2] for code in program])
    # One file in ten has a jurisdiction that does not match its program.
    flip = rng.random(count) < 0.1
    jurisdiction = np.where(flip, np.where(home == "QC", "ON", "QC"), home)
    region = np.array(REGION_CODES)[rng.integers(0, 17, count)]
    region = np.where(jurisdiction == "ON", "", region)
    return {
        "jurisdiction": jurisdiction,
        "region": region,
        "program": program,
        "claim_booklet": np.array(["", "ASM-1", "ASM-2", "ASM-5", "ASM-3"])[
            rng.integers(0, 5, count)
        ],
        "weekly_hours": rng.integers(0, 21, count),
        "asylum_seeker": rng.random(count) < 0.2,
        "application_channel": np.array(CHANNEL_CODES)[rng.integers(0, 3, count)],
        "first_nations_site": rng.random(count) < 0.1,
        "employment_ready": rng.random(count) < 0.6,
    }


def requests_for(measure: str, date: str, columns: dict[str, Any], initiated_by: str) -> list[Any]:
    out = []
    for i in range(len(columns["program"])):
        person: dict[str, Any] = {
            "jurisdiction": str(columns["jurisdiction"][i]),
            "region": str(columns["region"][i]) or None,
            "program": str(columns["program"][i]),
            "claim_booklet": str(columns["claim_booklet"][i]) or None,
            "weekly_hours": int(columns["weekly_hours"][i]),
            "asylum_seeker": bool(columns["asylum_seeker"][i]),
            "application_channel": str(columns["application_channel"][i]),
            "first_nations_site": bool(columns["first_nations_site"][i]),
            "employment_ready": bool(columns["employment_ready"][i]),
        }
        request: dict[str, Any] = {"measure": measure, "date": date, "person": person}
        if measure == "service_plan":
            request["initiated_by"] = initiated_by
        out.append(request)
    return out


@pytest.mark.parametrize(
    ("measure", "initiated_by"),
    [
        ("support_plan", "ministry"),
        ("service_plan", "ministry"),
        ("service_plan", "other"),
        ("paas_action", "ministry"),
        ("employment_fast_track", "ministry"),
    ],
)
def test_batch_agrees_with_decide(measure: str, initiated_by: str) -> None:
    # COUNT persons in all, spread over the boundary dates.
    for number, date in enumerate(DATES):
        columns = random_people(seed=number, count=COUNT // len(DATES))
        result = evaluate_batch(measure, date, columns, initiated_by)
        answers = decide(requests_for(measure, date, columns, initiated_by))
        assert all("error" not in answer for answer in answers)
        eligible = np.array([answer["eligible"] for answer in answers])
        main = np.array([answer["reasons"][0]["code"] for answer in answers], dtype=object)
        np.testing.assert_array_equal(result.eligible, eligible)
        np.testing.assert_array_equal(result.reason_codes, main)
        if measure == "paas_action":
            paid = np.array(
                [answer["amounts"].get("monthly_allowance", "0.00") for answer in answers]
            )
            np.testing.assert_array_equal(
                np.where(result.eligible, 17300, 0), result.amounts_cents["monthly_allowance"]
            )
            assert set(paid[eligible]) == {"173.00"}


def test_columns_as_the_app_builds_them() -> None:
    # sentier.decisions builds fixed-width text columns, "" for no booklet, int32 hours.
    columns = {
        "jurisdiction": np.array(["QC", "QC", "ON"], dtype="<U2"),
        "region": np.array(["13", "06", "13"], dtype="<U4"),
        "program": np.array(["PAS", "PAS", "OW"], dtype="<U8"),
        "claim_booklet": np.array(["", "ASM-2", ""], dtype="<U8"),
        "asylum_seeker": np.array([False, False, False]),
        "first_nations_site": np.array([False, False, False]),
        "weekly_hours": np.zeros(3, dtype=np.int32),
        "application_channel": np.full(3, "in_person", dtype="<U9"),
        "employment_ready": np.zeros(3, dtype=bool),
    }
    result = evaluate_batch("support_plan", "2026-05-01", columns)
    assert result.eligible.tolist() == [True, False, False]
    assert result.reason_codes.tolist() == [
        "eligible",
        "claim_booklet_excluded",
        "outside_quebec",
    ]


def test_regions_as_small_integers_and_invalid_rows() -> None:
    columns = {
        "region": np.array([13, 6, 0, 18]),
        "program": np.array(["PAS", "PAS", "PAS", "PAS"]),
        "claim_booklet": np.array(["", "", "", ""]),
    }
    result = evaluate_batch("support_plan", "2026-05-01", columns)
    assert result.eligible.tolist() == [True, False, False, False]
    assert result.reason_codes.tolist() == [
        "eligible",
        "region_not_offered",
        "invalid_region",
        "invalid_region",
    ]


def test_invalid_values_are_flagged_per_row() -> None:
    columns = {
        "program": np.array(["PAS", "XYZ", "PAS", "PAS", None], dtype=object),
        "weekly_hours": np.array([5, 5, 21, -1, 5]),
    }
    result = evaluate_batch("paas_action", "2026-05-01", columns)
    assert result.reason_codes.tolist() == [
        "eligible",
        "invalid_program",
        "invalid_weekly_hours",
        "invalid_weekly_hours",
        "invalid_program",
    ]
    assert result.amounts_cents["monthly_allowance"].tolist() == [17300, 0, 0, 0, 0]


def test_whole_batch_problems_raise() -> None:
    with pytest.raises(ValueError, match="unknown measure"):
        evaluate_batch("housing", "2026-05-01", {"program": np.array(["PAS"])})
    with pytest.raises(ValueError, match="needed"):
        evaluate_batch("support_plan", "2026-05-01", {"program": np.array(["PAS"])})
    with pytest.raises(ValueError, match="length"):
        evaluate_batch(
            "paas_action",
            "2026-05-01",
            {"program": np.array(["PAS"]), "weekly_hours": np.array([1, 2])},
        )


def test_empty_batch() -> None:
    result = evaluate_batch(
        "paas_action",
        "2026-05-01",
        {"program": np.array([], dtype="<U4"), "weekly_hours": np.array([])},
    )
    assert result.eligible.shape == (0,)


def test_a_malformed_date_raises_value_error() -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        evaluate_batch(
            "paas_action",
            "2026-13-01",
            {"program": np.array(["PAS"]), "weekly_hours": np.array([1])},
        )
