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
        # Reference rows' names (programs, clienteles, difficulties) and the Ministry's name.
        "sentier/reference/names.py",
        "sentier/serviceplans/proper_names.py",
    ],
)
def test_what_a_participant_receives_is_checked(path: str) -> None:
    assert CHECK.participant_facing([(path, None)]), path


def _po(path: Path, *entries: tuple[str, str, str]) -> Path:
    """A catalog with (location, msgid, msgstr) entries in the context ``reference name``."""
    text = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    for location, msgid, msgstr in entries:
        text += (
            f"\n#: {location}\n"
            f'msgctxt "{CHECK.REFERENCE_CONTEXT}"\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n'
        )
    path.write_text(text, encoding="utf-8")
    return path


NAMES_FILE = "sentier/reference/names.py"


def test_a_reference_name_without_a_translation_fails_the_check(tmp_path: Path) -> None:
    fresh = _po(tmp_path / "fresh.po", (NAMES_FILE, "Women", ""), (NAMES_FILE, "Youth", ""))
    committed = _po(
        tmp_path / "committed.po", (NAMES_FILE, "Women", "Mujeres"), (NAMES_FILE, "Youth", "")
    )
    assert CHECK.participant_problems("es", committed, fresh) == [
        "es: untranslated (participant page): 'Youth'"
    ]


def test_a_shipped_reference_name_the_code_does_not_mark_fails_the_check(
    tmp_path: Path,
) -> None:
    fresh = _po(tmp_path / "fresh.po", (NAMES_FILE, "Women", ""))
    assert CHECK.reference_problems(fresh, ["Women"]) == []
    assert CHECK.reference_problems(fresh, ["Women", "Seniors"]) == [
        "reference name not in sentier/reference/names.py: 'Seniors'"
    ]


def test_the_check_reads_every_shipped_reference_name() -> None:
    names = CHECK.reference_msgids()
    assert {"Social Assistance Program", "Justice-involved people", "Excessive debt"} <= names
    assert "Bas-Saint-Laurent" not in names  # regions are proper nouns, the same everywhere
