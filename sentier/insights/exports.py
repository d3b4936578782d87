"""CSV and XLSX of the indicators: the same protected cells as the page, one row per cell, each
row stating the catalogue version and the indicator's definition and version.

Text a spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) is neutralised with a leading apostrophe, in both formats.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from typing import Any

from django.utils import timezone
from openpyxl import Workbook

from sentier.insights.report import Report

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A text that cannot start a formula; numbers and empty values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _group_keys(report: Report) -> list[str]:
    keys: list[str] = []
    for result in report.results:
        for cell in result.cells:
            for key in cell.group:
                if key not in keys:
                    keys.append(key)
    return keys


def header(report: Report) -> list[str]:
    return [
        "catalogue_version",
        "indicator",
        "indicator_version",
        "label",
        "definition",
        "unit",
        *_group_keys(report),
        "value",
        "numerator",
        "denominator",
        "suppressed",
        "note",
    ]


def rows(report: Report) -> Iterator[list[Any]]:
    """Every cell of every indicator, then one row per outcome the files do not hold."""
    keys = _group_keys(report)
    for result in report.results:
        d = result.definition
        for cell in result.cells:
            yield [
                report.catalogue_version,
                d.id,
                d.version,
                str(d.label),
                str(d.definition),
                d.unit,
                *(cell.group.get(key, "") for key in keys),
                None
                if cell.value is None
                else float(cell.value)
                if not isinstance(cell.value, int)
                else cell.value,
                cell.numerator,
                cell.denominator,
                "yes" if cell.suppressed else "no",
                "",
            ]
    for item in report.not_held:
        yield [
            report.catalogue_version,
            item.id,
            "",
            str(item.label),
            "",
            "",
            *("" for _ in keys),
            None,
            None,
            None,
            "",
            str(item.why),
        ]


def _about(report: Report) -> list[list[Any]]:
    regions = ", ".join(sorted(report.scope.regions)) if report.scope.regions else "*"
    return [
        ["catalogue_version", report.catalogue_version],
        ["threshold", report.threshold],
        ["from", report.period.start.isoformat()],
        ["to", report.period.end.isoformat()],
        ["regions", regions],
        ["breakdowns", ",".join(report.by)],
        ["generated_at", timezone.localtime().isoformat(timespec="seconds")],
    ]


def write_csv(report: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header(report))
    for row in rows(report):
        writer.writerow([neutralise(value) for value in row])
    return out.getvalue()


def write_xlsx(report: Report) -> bytes:
    """A workbook: "About" (version, threshold, period, scope), "Definitions", then the cells
    of each indicator on a sheet of its own."""
    book = Workbook(write_only=True)
    about = book.create_sheet("About")
    for line in _about(report):
        about.append([neutralise(value) for value in line])
    about.append([])
    for item in report.not_held:
        about.append([neutralise(str(item.label)), neutralise(str(item.why))])
    definitions = book.create_sheet("Definitions")
    definitions.append(["indicator", "version", "label", "definition", "unit", "source"])
    for result in report.results:
        d = result.definition
        definitions.append(
            [neutralise(v) for v in (d.id, d.version, str(d.label), str(d.definition), d.unit)]
            + [neutralise(d.source)]
        )
    head = header(report)
    for index, result in enumerate(report.results, start=1):
        sheet = book.create_sheet(f"{index:02d} {result.definition.id}"[:31])
        sheet.append(head)
        single = Report(
            catalogue_version=report.catalogue_version,
            threshold=report.threshold,
            period=report.period,
            by=report.by,
            scope=report.scope,
            results=[result],
            not_held=(),
            pilots=[],
        )
        keys = _group_keys(report)
        own = _group_keys(single)
        for row in rows(single):
            # Align this sheet's group columns with the shared header.
            groups = dict(zip(own, row[6 : 6 + len(own)], strict=True))
            line = [*row[:6], *(groups.get(k, "") for k in keys), *row[6 + len(own) :]]
            sheet.append([neutralise(value) for value in line])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def all_values(report: Report) -> Sequence[list[Any]]:
    """Every row the exports write (tests walk them)."""
    return list(rows(report))
