"""The Python drawing of a template is used only while the app's own file is the one loaded."""

from __future__ import annotations

from pathlib import Path

import sentier.participants
from sentier.core.drawn import loads_own_file

NAME = "participants/_caseload_rows.html"
OWN = Path(sentier.participants.__file__).resolve().parent / "templates" / NAME


def test_the_apps_own_file_is_recognised() -> None:
    assert loads_own_file(NAME, OWN)


def test_another_file_of_that_name_is_not(tmp_path: Path) -> None:
    assert not loads_own_file(NAME, tmp_path / NAME)
