"""``sentier decide``: the rules' command line through the project command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
GOOD: dict[str, Any] = {
    "measure": "paas_action",
    "date": "2026-05-01",
    "person": {"jurisdiction": "QC", "region": "06", "program": "POE", "weekly_hours": 20},
}


def run(body: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", "decide"],
        input=body,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_decides_from_standard_input() -> None:
    result = run(json.dumps(GOOD))
    assert result.returncode == 0, result.stderr
    (answer,) = json.loads(result.stdout)
    assert answer["eligible"] is True
    assert answer["amounts"]["monthly_allowance"] == "173.00"


def test_an_item_error_exits_1_without_traceback() -> None:
    bad = dict(GOOD, person=dict(GOOD["person"], weekly_hours=21))
    result = run(json.dumps([GOOD, bad]))
    assert result.returncode == 1
    answers = json.loads(result.stdout)
    assert "error" in answers[1]
    assert "eligible" in answers[0]
    assert "Traceback" not in result.stderr


def test_malformed_json_is_refused_without_traceback() -> None:
    result = run("{not json")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
