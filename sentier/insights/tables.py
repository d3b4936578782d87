"""The dashboard's tables: an indicator's protected cells laid out for reading (months down, the
pilot and other regions side by side across), every suppressed cell saying so in words.

A page's tables are built together (:func:`build_tables`): the regions read once, the words
translated once and the numbers formatted with the active language's separators read once, not
once a cell (22 tables, about 1,300 cells). Their rows are drawn in Python (:func:`rows_html`),
character for character what ``insights/_table_rows.html`` gives, while that template is the
file they copy: the loop cost the page about 10 template nodes a cell. The tests in
``sentier/insights/tests/test_dashboard_markup.py`` compare both: **a change to
``_table_rows.html`` must be made in** :func:`_draw_rows` **too** (they fail until it is).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from django.template.loader import get_template
from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext_lazy, pgettext_lazy
from django.utils.translation import gettext as _

from sentier.core.drawn import loads_own_file
from sentier.insights.disclosure import TOTAL, Cell
from sentier.insights.indicators import MEDIAN_STATISTICS, Result
from sentier.reference.selectors import list_current_regions

#: The names of breakdown keys, as column headers.
KEY_LABELS = {
    "area": gettext_lazy("Regions"),
    "region": gettext_lazy("Region"),
    "month": gettext_lazy("Month"),
    "program": gettext_lazy("Program"),
    "channel": gettext_lazy("Channel"),
    "language": gettext_lazy("Language"),
    "age_band": gettext_lazy("Age band"),
    "path": gettext_lazy("Recommended path"),
    "final_path": gettext_lazy("Path chosen"),
    "end_reason": gettext_lazy("Reason"),
    "ended_by": gettext_lazy("Ended by"),
    "initiator": gettext_lazy("Initiator"),
    "service": gettext_lazy("Kind of service"),
    "outcome": gettext_lazy("Outcome"),
    "stage": gettext_lazy("Stage"),
}

VALUE_LABELS = {
    "area": {"pilot": gettext_lazy("Pilot regions"), "other": gettext_lazy("Other regions")},
    "language": {"fr": gettext_lazy("French"), "en": gettext_lazy("English")},
    "stage": {
        "referred": pgettext_lazy("fast-track stage", "Referred"),
        "accepted": pgettext_lazy("fast-track stage", "Accepted"),
        "active": pgettext_lazy("fast-track stage", "Active"),
    },
    "age_band": {"unknown": pgettext_lazy("age band", "Unknown")},
}

STATISTIC_LABELS = {
    "q1": gettext_lazy("First quartile (days)"),
    "median": gettext_lazy("Median (days)"),
    "q3": gettext_lazy("Third quartile (days)"),
}


@dataclass
class Shown:
    """One table cell as read: its text, and whether it was suppressed."""

    text: str
    suppressed: bool = False
    detail: str = ""


@dataclass
class Table:
    result: Result
    columns: list[str]
    rows: list[tuple[str, list[Shown]]] = field(default_factory=list)
    corner: str = ""
    #: The rows as HTML (``insights/_table_rows.html``), set by :func:`build_tables`.
    body: str = ""


class Words:
    """What a page's tables read once in the active language: the regions' names, the words of
    every table, and the separators of its numbers (Django's ``number_format``, the values it
    reads from the language's formats read once)."""

    def __init__(self) -> None:
        self.regions = {region.code: region.name for region in list_current_regions()}
        self.total = _("Total")
        self.all = _("All")
        self.suppressed = Shown(_("suppressed"), suppressed=True)
        language = get_language()
        self._decimal = get_format("DECIMAL_SEPARATOR", language, use_l10n=True)
        self._grouping = get_format("NUMBER_GROUPING", language, use_l10n=True)
        self._thousands = get_format("THOUSAND_SEPARATOR", language, use_l10n=True)
        # Many cells of a page hold the same number, and every table the same months: each is
        # formatted or named once.
        self.labels: dict[tuple[str, str], str] = {}
        self._numbers: dict[tuple[type, Any, int | None, bool], str] = {}

    def number(
        self, value: Any, decimal_pos: int | None = None, force_grouping: bool = False
    ) -> str:
        """``django.utils.formats.number_format(value, decimal_pos, force_grouping=…)``."""
        key = (type(value), value, decimal_pos, force_grouping)
        text = self._numbers.get(key)
        if text is None:
            text = self._numbers[key] = str(
                numberformat.format(
                    value,
                    self._decimal,
                    decimal_pos,
                    self._grouping,
                    self._thousands,
                    force_grouping=force_grouping,
                    use_l10n=True,
                )
            )
        return text


def _value_label(key: str, value: str, words: Words) -> str:
    known = words.labels.get((key, value))
    if known is not None:
        return known
    if value == TOTAL:
        label = words.total
    elif key == "region":
        label = f"{value} {words.regions.get(value, '')}".strip()
    else:
        labels = VALUE_LABELS.get(key, {})
        label = str(labels[value]) if value in labels else value.replace("_", " ")
    words.labels[(key, value)] = label
    return label


def _shown(cell: Cell | None, unit: str, words: Words) -> Shown:
    if cell is None or cell.suppressed or cell.value is None:
        return words.suppressed
    if unit == "rate":
        percent = words.number(float(cell.value) * 100, decimal_pos=1)
        detail = (
            f"{cell.numerator} / {cell.denominator}"
            if cell.numerator is not None and cell.denominator is not None
            else ""
        )
        return Shown(f"{percent} %", detail=detail)
    if unit == "median_days":
        return Shown(words.number(float(cell.value), decimal_pos=1))
    return Shown(words.number(cell.value, force_grouping=True))


def build_tables(results: Sequence[Result]) -> list[Table]:
    """A page's tables, each with its rows drawn (:func:`rows_html`)."""
    words = Words()
    tables = [build_table(result, words) for result in results]
    drawn = _loads_rows_file()
    for table in tables:
        table.body = rows_html(table, drawn=drawn)
    return tables


def build_table(result: Result, words: Words | None = None) -> Table:
    words = words or Words()
    unit = result.definition.unit
    keys = [k for k in _keys(result.cells) if k != "statistic"]
    if unit == "median_days":
        return _median_table(result, keys, words)
    if not keys:
        cell = result.cells[0] if result.cells else None
        return Table(
            result, [str(result.definition.label)], [(words.all, [_shown(cell, unit, words)])]
        )
    if len(keys) == 1:
        return _single_key_table(result, keys[0], words)
    across = _across(keys)
    down = [k for k in keys if k != across]
    across_values = _ordered({c.group[across] for c in result.cells if across in c.group})
    by_row: dict[tuple[str, ...], dict[str, Cell]] = {}
    for cell in result.cells:
        row_key = tuple(cell.group.get(k, "") for k in down)
        by_row.setdefault(row_key, {})[cell.group.get(across, "")] = cell
    table = Table(
        result,
        [_value_label(across, v, words) for v in across_values],
        corner=" · ".join(str(KEY_LABELS.get(k, k)) for k in down) if down else "",
    )
    for row_key in _ordered_rows(list(by_row)):
        head = " · ".join(_value_label(k, v, words) for k, v in zip(down, row_key, strict=True))
        row = by_row[row_key]
        table.rows.append(
            (head or words.all, [_shown(row.get(v), unit, words) for v in across_values])
        )
    return table


def _single_key_table(result: Result, key: str, words: Words) -> Table:
    unit = result.definition.unit
    table = Table(result, [str(result.definition.label)], corner=str(KEY_LABELS.get(key, key)))
    cells = {cell.group.get(key, ""): cell for cell in result.cells}
    for value in _ordered(set(cells)):
        table.rows.append((_value_label(key, value, words), [_shown(cells[value], unit, words)]))
    return table


def _median_table(result: Result, keys: list[str], words: Words) -> Table:
    table = Table(
        result,
        [str(STATISTIC_LABELS[s]) for s in MEDIAN_STATISTICS] + [_("Cases")],
        corner=" · ".join(str(KEY_LABELS.get(k, k)) for k in keys),
    )
    by_row: dict[tuple[str, ...], dict[str, Cell]] = {}
    for cell in result.cells:
        row_key = tuple(cell.group.get(k, "") for k in keys)
        by_row.setdefault(row_key, {})[cell.group["statistic"]] = cell
    for row_key in _ordered_rows(list(by_row)):
        cells = by_row[row_key]
        head = " · ".join(_value_label(k, v, words) for k, v in zip(keys, row_key, strict=True))
        shown = [_shown(cells.get(s), "median_days", words) for s in MEDIAN_STATISTICS]
        median = cells.get("median")
        count = (
            Shown(str(median.denominator))
            if median is not None and not median.suppressed and median.denominator is not None
            else words.suppressed
        )
        table.rows.append((head or words.all, [*shown, count]))
    return table


def _keys(cells: Sequence[Cell]) -> list[str]:
    keys: list[str] = []
    for cell in cells:
        for key in cell.group:
            if key not in keys:
                keys.append(key)
    return keys


def _across(keys: list[str]) -> str:
    """The key whose values go across: pilot vs other first, then stage, then the last key
    that is not the month (months read down)."""
    for preferred in ("area", "stage"):
        if preferred in keys and len(keys) > 1:
            return preferred
    others = [k for k in keys if k != "month"]
    if len(keys) > 1 and others:
        return others[-1]
    return keys[-1]


def _ordered(values: set[str]) -> list[str]:
    order = {"pilot": 0, "other": 1, "referred": 0, "accepted": 1, "active": 2}
    return sorted(values, key=lambda v: (v == TOTAL, order.get(v, 9), v))


def _ordered_rows(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    return sorted(rows, key=lambda row: tuple((v == TOTAL, v) for v in row))


#: The template the rows copy, and the file it must load for :func:`_draw_rows` to stand in.
ROWS_TEMPLATE = "insights/_table_rows.html"
ROWS_FILE = Path(__file__).resolve().parent / "templates" / ROWS_TEMPLATE


def _loads_rows_file() -> bool:
    return loads_own_file(ROWS_TEMPLATE, ROWS_FILE)


def rows_html(table: Table, *, drawn: bool | None = None) -> SafeString:
    """``insights/_table_rows.html`` for the table: drawn in Python while that template is the
    file :func:`_draw_rows` copies, else rendered by it (a project template of that name).
    ``drawn``: whether it is, when the caller has asked already."""
    if _loads_rows_file() if drawn is None else drawn:
        return mark_safe(_draw_rows(table))  # noqa: S308 - every text in it is escaped
    return mark_safe(get_template(ROWS_TEMPLATE).render({"table": table}))  # noqa: S308


def _draw_rows(table: Table) -> str:
    """The rows of ``insights/_table_rows.html``; ``{{ x }}`` of a plain string is
    ``html.escape(x)`` (heads, texts and details are plain strings)."""
    parts: list[str] = []
    for head, cells in table.rows:
        parts.append(f'<tr><th scope="row">{escape(head)}</th>')
        for cell in cells:
            if cell.suppressed:
                parts.append(
                    f'<td class="sentier-number" data-suppressed><em>{escape(cell.text)}</em></td>'
                )
            elif cell.detail:
                parts.append(
                    f'<td class="sentier-number">{escape(cell.text)} '
                    f'<span class="sentier-small">({escape(cell.detail)})</span></td>'
                )
            else:
                parts.append(f'<td class="sentier-number">{escape(cell.text)}</td>')
        parts.append("</tr>")
    return "".join(parts)
