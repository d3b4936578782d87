"""The dashboard's tables: an indicator's protected cells laid out for reading (months down, the
pilot and other regions side by side across), every suppressed cell saying so in words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

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


def _value_label(key: str, value: str, regions: dict[str, str]) -> str:
    if value == TOTAL:
        return _("Total")
    if key == "region":
        return f"{value} {regions.get(value, '')}".strip()
    labels = VALUE_LABELS.get(key, {})
    return str(labels[value]) if value in labels else value.replace("_", " ")


def _shown(cell: Cell | None, unit: str) -> Shown:
    if cell is None or cell.suppressed or cell.value is None:
        return Shown(_("suppressed"), suppressed=True)
    if unit == "rate":
        percent = number_format(float(cell.value) * 100, decimal_pos=1)
        detail = (
            f"{cell.numerator} / {cell.denominator}"
            if cell.numerator is not None and cell.denominator is not None
            else ""
        )
        return Shown(f"{percent} %", detail=detail)
    if unit == "median_days":
        return Shown(number_format(float(cell.value), decimal_pos=1))
    return Shown(number_format(cell.value, force_grouping=True))


def build_table(result: Result) -> Table:
    regions = {region.code: region.name for region in list_current_regions()}
    unit = result.definition.unit
    keys = [k for k in _keys(result.cells) if k != "statistic"]
    if unit == "median_days":
        return _median_table(result, keys, regions)
    if not keys:
        cell = result.cells[0] if result.cells else None
        return Table(result, [str(result.definition.label)], [(_("All"), [_shown(cell, unit)])])
    if len(keys) == 1:
        return _single_key_table(result, keys[0], regions)
    across = _across(keys)
    down = [k for k in keys if k != across]
    across_values = _ordered({c.group[across] for c in result.cells if across in c.group})
    by_row: dict[tuple[str, ...], dict[str, Cell]] = {}
    for cell in result.cells:
        row_key = tuple(cell.group.get(k, "") for k in down)
        by_row.setdefault(row_key, {})[cell.group.get(across, "")] = cell
    table = Table(
        result,
        [_value_label(across, v, regions) for v in across_values],
        corner=" · ".join(str(KEY_LABELS.get(k, k)) for k in down) if down else "",
    )
    for row_key in _ordered_rows(list(by_row)):
        head = " · ".join(_value_label(k, v, regions) for k, v in zip(down, row_key, strict=True))
        table.rows.append(
            (head or _("All"), [_shown(by_row[row_key].get(v), unit) for v in across_values])
        )
    return table


def _single_key_table(result: Result, key: str, regions: dict[str, str]) -> Table:
    unit = result.definition.unit
    table = Table(result, [str(result.definition.label)], corner=str(KEY_LABELS.get(key, key)))
    cells = {cell.group.get(key, ""): cell for cell in result.cells}
    for value in _ordered(set(cells)):
        table.rows.append((_value_label(key, value, regions), [_shown(cells[value], unit)]))
    return table


def _median_table(result: Result, keys: list[str], regions: dict[str, str]) -> Table:
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
        head = " · ".join(_value_label(k, v, regions) for k, v in zip(keys, row_key, strict=True))
        shown = [_shown(cells.get(s), "median_days") for s in MEDIAN_STATISTICS]
        median = cells.get("median")
        count = (
            Shown(str(median.denominator))
            if median is not None and not median.suppressed and median.denominator is not None
            else Shown(_("suppressed"), suppressed=True)
        )
        table.rows.append((head or _("All"), [*shown, count]))
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
