"""Runs the analysts' triage cases in ``tests/yaml/triage.yaml`` through :class:`Triage`.

A case gives questionnaire answers, the facts of the application (defaults below), optional
dated ``parameters`` for that case only (an OpenFisca reform), and the expected path and factor
codes — or the expected input error. See the header of ``yaml/triage.yaml``.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from sentier_rules.reforms import with_parameters
from sentier_rules.triage import Triage, TriageInputError

CASES = Path(__file__).parent / "yaml" / "triage.yaml"
FACTS = (
    "date",
    "jurisdiction",
    "program",
    "region",
    "application_channel",
    "first_nations_site",
    "employment_ontario_consent",
    "claim_booklet",
    "asylum_seeker",
)


def _cases() -> list[Any]:
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    return [
        pytest.param(case, id=f"triage:{number}:{case['name']}")
        for number, case in enumerate(cases, start=1)
    ]


@functools.cache
def _triage(overrides: str) -> Triage:
    if overrides == "null":
        return Triage()
    return Triage(with_parameters(json.loads(overrides)))


def _facts(case: dict[str, Any]) -> dict[str, Any]:
    ontario = case.get("jurisdiction") == "ON"
    facts: dict[str, Any] = {
        "date": "2026-05-01",
        "jurisdiction": "QC",
        "program": "OW" if ontario else "PAS",
        "region": None if ontario else "13",
        "application_channel": "online",
        "first_nations_site": False,
    }
    facts.update({key: case[key] for key in FACTS if key in case})
    return facts


@pytest.mark.parametrize("case", _cases())
def test_triage_case(case: dict[str, Any]) -> None:
    triage = _triage(json.dumps(case.get("parameters"), sort_keys=True, default=str))
    expect = case["expect"]
    if "error" in expect:
        with pytest.raises(TriageInputError) as raised:
            triage.triage(case["answers"], **_facts(case))
        assert raised.value.code == expect["error"]
        assert raised.value.field == expect["error_field"]
        assert raised.value.fr
        assert raised.value.en
        return
    result = triage.triage(case["answers"], **_facts(case))
    codes = [factor["code"] for factor in result["factors"]]
    assert (result["path"], codes) == (expect["path"], expect["factors"]), result["scores"]
    weights = [factor["weight"] for factor in result["factors"]]
    assert weights == sorted(weights, reverse=True), "factors must be strongest first"
    assert all(factor["fr"] and factor["en"] for factor in result["factors"])
    for path, score in expect.get("scores", {}).items():
        assert result["scores"][path] == score, path
    if "employment_ready" in expect:
        assert result["employment_ready"] is expect["employment_ready"]
