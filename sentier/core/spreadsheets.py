"""Cells of CSV files people open in a spreadsheet: text never runs as a formula.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or a carriage
return) as a formula: a name typed as ``=HYPERLINK(…)`` in the anonymous application would run on
the desk of whoever opens the export. Every CSV export writes its cells through
:func:`safe_cell`, which puts an apostrophe before such text, so the spreadsheet shows it as text;
:func:`read_cell` takes the apostrophe off where Sentier reads its own exports back (the two are
exact inverses). Text made only of digits, spaces and ``+ - ( ) . , /`` (an amount such as
``-12,50``, a phone number such as ``+1 514 555-0100``) names no function and no cell, so it is
left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"
_HARMLESS = re.compile(r"[+-][\d ().,/+-]*")


def _needs_escape(text: str) -> bool:
    # Text already starting with the escape is escaped again when what follows would be, so
    # that read_cell can always tell the escape from an apostrophe someone typed.
    rest = text.lstrip(ESCAPE)
    return rest.startswith(FORMULA_STARTS) and not _HARMLESS.fullmatch(rest)


def safe_cell(value: Any) -> Any:
    """``value`` as a spreadsheet will show and never run; anything but text is left as is."""
    if isinstance(value, str) and _needs_escape(value):
        return ESCAPE + value
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    """:func:`safe_cell` on every cell of a row."""
    return [safe_cell(value) for value in values]


def read_cell(value: str) -> str:
    """The text :func:`safe_cell` was given, from what it wrote."""
    if value.startswith(ESCAPE) and _needs_escape(value[1:]):
        return value[1:]
    return value
