"""The catalog check (``scripts/check_catalogs.py``) names real files, choices and forms: a list
entry that matches nothing would silently leave participant strings unchecked in es/ar/ht."""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _check() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "check_catalogs", ROOT / "scripts/check_catalogs.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CHECK = _check()


@pytest.mark.parametrize("pattern", CHECK.PARTICIPANT_FACING)
def test_every_participant_facing_pattern_names_a_file(pattern: str) -> None:
    assert list(ROOT.glob(pattern)), pattern


@pytest.mark.parametrize("path", [*CHECK.PARTICIPANT_CHOICES, *CHECK.PARTICIPANT_FORMS])
def test_every_choice_and_form_exists(path: str) -> None:
    module, _colon, name = path.partition(":")
    assert hasattr(importlib.import_module(module), name), path


@pytest.mark.parametrize(
    "path",
    [
        # Letters, e-mails and the support-plan PDF a participant receives (issue 19).
        "sentier/correspondence/templates/correspondence/letter_pdf.html",
        "sentier/correspondence/templates/correspondence/email.txt",
        "sentier/correspondence/texts.py",
        "sentier/intake/templates/intake/email/confirmation.txt",
        "sentier/plans/templates/plans/pdf.html",
        # The rules' reasons on the result page.
        "sentier/decisions/reason_texts.py",
    ],
)
def test_what_a_participant_receives_is_checked(path: str) -> None:
    assert CHECK.participant_facing([(path, None)]), path
