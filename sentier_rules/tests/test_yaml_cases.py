"""Runs the analysts' YAML cases in ``tests/yaml/`` through :func:`Engine.decide`.

A case is a request as the app sends it, an ``expect`` block, and optional dated ``parameters``
that apply to that case only (an OpenFisca reform). See ``yaml/support_plan.yaml`` for the format.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from sentier_rules.engine import Engine
from sentier_rules.reforms import with_parameters

CASES_DIR = Path(__file__).parent / "yaml"
REQUEST_KEYS = ("measure", "date", "person", "initiated_by")


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        if path.stem == "triage":
            continue  # questionnaire answers, not decide requests: run by test_triage_yaml.py
        for number, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")), start=1):
            params.append(pytest.param(case, id=f"{path.stem}:{number}:{case['name']}"))
    return params


@functools.cache
def _engine(overrides: str) -> Engine:
    if overrides == "null":
        return Engine()
    return Engine(with_parameters(json.loads(overrides)))


@pytest.mark.parametrize("case", _cases())
def test_case(case: dict[str, Any]) -> None:
    request = {key: case[key] for key in REQUEST_KEYS if key in case}
    engine = _engine(json.dumps(case.get("parameters"), sort_keys=True, default=str))
    [answer] = engine.decide(request)
    expect = case["expect"]
    if "error" in expect:
        assert "error" in answer, answer
        assert answer["error"]["code"] == expect["error"]
        return
    assert "error" not in answer, answer.get("error")
    codes = [reason["code"] for reason in answer["reasons"]]
    assert answer["eligible"] is expect["eligible"], codes
    if "reason" in expect:
        assert codes[0] == expect["reason"]
    if "reasons" in expect:
        assert codes == expect["reasons"]
    if "amounts" in expect:
        assert answer["amounts"] == expect["amounts"]
