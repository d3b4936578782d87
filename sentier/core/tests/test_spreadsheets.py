"""CSV cells never run as formulas: text a spreadsheet would run gets an apostrophe before it,
amounts and phone numbers stay as they are, and reading back gives exactly what was written."""

from __future__ import annotations

import pytest

from sentier.core.spreadsheets import read_cell, safe_cell, safe_row


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (
            '=HYPERLINK("https://evil.example","Julie")',
            '\'=HYPERLINK("https://evil.example","Julie")',
        ),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("-A1", "'-A1"),
        ("'=already", "''=already"),  # an apostrophe someone typed survives the round trip
        # Left as they are: plain text, amounts, phone numbers, what a spreadsheet reads as text.
        ("Julie Lavoie", "Julie Lavoie"),
        ("-12,50", "-12,50"),
        ("-1234.56", "-1234.56"),
        ("+1 514 555-0100", "+1 514 555-0100"),
        ("+1 (514) 555-0100", "+1 (514) 555-0100"),
        ("O'Neil", "O'Neil"),
        ("'Tis", "'Tis"),
        ("", ""),
    ],
)
def test_cells_that_would_run_are_written_as_text(value: str, written: str) -> None:
    assert safe_cell(value) == written
    assert read_cell(written) == value


@pytest.mark.parametrize("value", [None, 0, -5, 3.5, True])
def test_values_that_are_not_text_are_left_alone(value: object) -> None:
    assert safe_cell(value) is value


def test_a_row_is_made_safe_cell_by_cell() -> None:
    assert safe_row(["=1", "Julie", -5, "-5"]) == ["'=1", "Julie", -5, "-5"]
