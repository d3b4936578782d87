"""What the survey and data-quality pages share: a measure (a labelled, defined column of
protected cells), the rows of a table, and the CSV and XLSX that carry the same cells with their
definitions (``sentier.insights.exports`` neutralises formulas the same way)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from openpyxl import Workbook

from sentier.insights.disclosure import TOTAL, Cell
from sentier.insights.exports import neutralise


def local_day_start(day: dt.date) -> dt.datetime:
    """The first moment of a local day (the period filters compare stored UTC moments with it)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


@dataclass(frozen=True)
class Measure:
    """One column of a table: its id, label, definition, unit (count or rate) and its cells,
    already through the disclosure layer, keyed by the row's group value."""

    id: str
    label: str | Promise
    definition: str | Promise
    unit: str
    key: str
    cells: Sequence[Cell]

    def cell(self, value: str) -> Cell | None:
        for cell in self.cells:
            if cell.group.get(self.key) == value:
                return cell
        return None


@dataclass(frozen=True)
class Shown:
    text: str
    suppressed: bool = False


def shown(cell: Cell | None, unit: str) -> Shown:
    if cell is None or cell.suppressed or cell.value is None:
        return Shown(_("suppressed"), suppressed=True)
    if unit == "rate":
        return Shown(f"{number_format(float(cell.value) * 100, decimal_pos=1)} %")
    return Shown(number_format(cell.value, force_grouping=True))


@dataclass(frozen=True)
class Row:
    head: str
    cells: list[Shown]


def rows(measures: Sequence[Measure], groups: Sequence[tuple[str, str]]) -> list[Row]:
    """One row per group (value, label), one cell per measure."""
    return [Row(label, [shown(m.cell(value), m.unit) for m in measures]) for value, label in groups]


def group_label(value: str, names: dict[str, str]) -> str:
    if value == TOTAL:
        return _("Total")
    return names.get(value, value)


HEADER = ["version", "measure", "label", "definition", "unit", "group", "value", "suppressed"]


def export_rows(version: str, measures: Iterable[Measure]) -> Iterable[list[Any]]:
    for m in measures:
        for cell in m.cells:
            group = ",".join(f"{k}={v}" for k, v in cell.group.items())
            value = None if cell.suppressed or cell.value is None else cell.value
            yield [
                version,
                m.id,
                str(m.label),
                str(m.definition),
                m.unit,
                group,
                float(value) if value is not None and not isinstance(value, int) else value,
                "yes" if cell.suppressed else "no",
            ]


def write_csv(version: str, measures: Sequence[Measure]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for row in export_rows(version, measures):
        writer.writerow([neutralise(value) for value in row])
    return out.getvalue()


def write_xlsx(version: str, threshold: int, measures: Sequence[Measure]) -> bytes:
    """A workbook: "About" (version, threshold, when), "Definitions", then "Cells"."""
    book = Workbook(write_only=True)
    about = book.create_sheet("About")
    about.append(["version", version])
    about.append(["threshold", threshold])
    about.append(["generated_at", timezone.localtime().isoformat(timespec="seconds")])
    definitions = book.create_sheet("Definitions")
    definitions.append(["measure", "label", "definition", "unit"])
    for m in measures:
        definitions.append([neutralise(v) for v in (m.id, str(m.label), str(m.definition), m.unit)])
    cells = book.create_sheet("Cells")
    cells.append(HEADER)
    for row in export_rows(version, measures):
        cells.append([neutralise(value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
