"""``python -m sentier_rules decide [FILE]``: output, exit status, and never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sentier_rules.cli import main

ROOT = Path(__file__).resolve().parents[2]
GOOD = {
    "measure": "support_plan",
    "date": "2026-05-01",
    "person": {"region": "13", "program": "PAS", "claim_booklet": None},
}
BAD = {**GOOD, "measure": "housing"}


def run(stdin: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sentier_rules", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def test_stdin_all_decided_exits_0_with_an_indented_array() -> None:
    result = run(json.dumps([GOOD, {**GOOD, "date": "2026-03-31"}]), "decide")
    assert result.returncode == 0
    assert result.stderr == ""
    answers = json.loads(result.stdout)
    assert [a["eligible"] for a in answers] == [True, False]
    assert result.stdout.startswith("[\n  {")
    assert "personnalisé" in result.stdout  # ensure_ascii=False


def test_any_error_exits_1_and_still_decides_the_rest() -> None:
    result = run(json.dumps([GOOD, BAD]), "decide")
    assert result.returncode == 1
    assert result.stderr == ""
    answers = json.loads(result.stdout)
    assert answers[0]["eligible"] is True
    assert answers[1]["error"]["code"] == "unknown_measure"


def test_malformed_json_exits_2_with_a_json_error_and_no_traceback() -> None:
    result = run("{not json", "decide")
    assert result.returncode == 2
    assert result.stderr == ""
    assert json.loads(result.stdout)["error"]["code"] == "malformed_json"


def test_file_argument(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "requests.json"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    assert main(["decide", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["eligible"] is True


def test_a_single_object_is_answered_with_an_array(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps(BAD), encoding="utf-8")
    assert main(["decide", str(path)]) == 1
    assert isinstance(json.loads(capsys.readouterr().out), list)


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["decide", "/nonexistent/requests.json"], "unreadable_input"),
        (["judge"], "usage"),
        ([], "usage"),
    ],
)
def test_unusable_command_lines_exit_2_with_a_json_error(
    argv: list[str], code: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert json.loads(captured.out)["error"]["code"] == code
    assert "Traceback" not in captured.err


def test_non_utf8_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"measure": "é"}'.encode("latin-1"))
    assert main(["decide", str(path)]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "unreadable_input"


def test_json_that_is_not_a_request_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    path_text = json.dumps("just a string")
    result = run(path_text, "decide")
    assert result.returncode == 1
    assert result.stderr == ""
    assert json.loads(result.stdout)[0]["error"]["code"] == "not_an_object"


def test_the_package_imports_no_django() -> None:
    code = (
        "import sys, sentier_rules, sentier_rules.cli;"
        "sentier_rules.decide({'measure': 'paas_action', 'date': '2026-05-01',"
        " 'person': {'program': 'PAS', 'weekly_hours': 1}});"
        "sys.exit(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
