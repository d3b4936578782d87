"""Validate an HSDS 3.1 tabular datapackage: each row against its table's JSON schema, then
the links between tables."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import re
import uuid
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator, FormatChecker  # type: ignore[import-untyped]

from sentier.core.spreadsheets import read_cell
from sentier.network.hsds.common import SCHEMA_DIR, TABLES
from sentier.network.models import (
    Location,
    Organization,
)

# ---------------------------------------------------------------------------------------------
# Schemas and validation


@cache
def table_schema(table: str) -> dict[str, Any]:
    """The HSDS 3.1 JSON schema of one table, as vendored."""
    with (SCHEMA_DIR / f"{table}.json").open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


def _scalar(prop: Mapping[str, Any]) -> bool:
    return "$ref" not in prop and prop.get("type") not in ("array", "object", None)


@cache
def row_validator(table: str) -> Draft202012Validator:
    """Validates one tabular row: the table's scalar properties, required + tabular_required."""
    schema = table_schema(table)
    properties = {k: v for k, v in schema["properties"].items() if _scalar(v)}
    required = [k for k in schema.get("required", []) if k in properties]
    required += [k for k in schema.get("tabular_required", []) if k in properties]
    row_schema = {
        "type": "object",
        "properties": {
            name: {
                key: value
                for key, value in prop.items()
                if key in ("type", "format", "enum", "minimum", "maximum", "pattern")
            }
            for name, prop in properties.items()
        },
        "required": sorted(set(required)),
        "additionalProperties": False,
    }
    return Draft202012Validator(row_schema, format_checker=_format_checker())


@cache
def _format_checker() -> FormatChecker:
    checker = FormatChecker(formats=())

    def is_uuid(value: object) -> bool:
        return not isinstance(value, str) or bool(uuid.UUID(value))

    def is_datetime(value: object) -> bool:
        if not isinstance(value, str):
            return True
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        return parsed.tzinfo is not None

    def is_email(value: object) -> bool:
        return not isinstance(value, str) or "@" in value

    def is_uri(value: object) -> bool:
        return not isinstance(value, str) or bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$", value))

    checker.checks("uuid", raises=ValueError)(is_uuid)
    checker.checks("date-time", raises=ValueError)(is_datetime)
    checker.checks("email")(is_email)
    checker.checks("uri")(is_uri)
    return checker


@dataclasses.dataclass
class Problem:
    """One validation problem: table, row (1 = first data row), column, translated message."""

    table: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("%(table)s, row %(row)s, column %(column)s: %(message)s") % {
            "table": self.table,
            "row": self.row,
            "column": self.column or "—",
            "message": self.message,
        }


def _typed(table: str, row: Mapping[str, str]) -> dict[str, Any]:
    """A CSV row with empty cells left out and numbers as numbers (when they parse)."""
    properties = table_schema(table)["properties"]
    typed: dict[str, Any] = {}
    for column, value in row.items():
        if value is None or value == "":
            continue
        kind = properties.get(column, {}).get("type")
        if kind in ("number", "integer"):
            try:
                number = float(value)
                typed[column] = int(number) if number.is_integer() else number
            except ValueError:
                typed[column] = value
        else:
            typed[column] = value
    return typed


def _message(error: Any) -> tuple[str, str]:
    """A validation error as (column, translated message)."""
    column = str(error.path[0]) if error.path else ""
    if error.validator == "required":
        missing = re.findall(r"'([^']+)'", error.message)
        column = missing[0] if missing else column
        return column, _("This column is required.")
    if error.validator == "additionalProperties":
        extra = re.findall(r"'([^']+)'", error.message)
        return (extra[0] if extra else column), _("This column is not part of the table.")
    if error.validator == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value)
        return column, _("Not an allowed value (allowed: %(values)s).") % {"values": allowed}
    if error.validator == "format":
        return column, _("Not a valid %(format)s.") % {"format": error.validator_value}
    if error.validator == "type":
        return column, _("Expected a %(type)s.") % {"type": error.validator_value}
    return column, error.message


def read_table(folder: Path, table: str) -> list[dict[str, str]] | None:
    path = folder / f"{table}.csv"
    if not path.exists():
        return None
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [
            {
                column: read_cell(value) if isinstance(value, str) else value
                for column, value in row.items()
            }
            for row in csv.DictReader(handle)
        ]


def validate_datapackage(folder: Path) -> tuple[dict[str, list[dict[str, Any]]], list[Problem]]:
    """Every table of the package as typed rows, and every problem found (schema and links)."""
    problems: list[Problem] = []
    descriptor = folder / "datapackage.json"
    if not descriptor.exists():
        problems.append(Problem("datapackage", 0, "", _("datapackage.json is missing.")))
    else:
        try:
            json.loads(descriptor.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            problems.append(Problem("datapackage", 0, "", _("datapackage.json is not JSON.")))
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in TABLES:
        try:
            raw = read_table(folder, table)
        except (UnicodeDecodeError, csv.Error):
            problems.append(Problem(table, 0, "", _("The file is not UTF-8 CSV.")))
            continue
        if raw is None:
            continue
        validator = row_validator(table)
        typed_rows = []
        for number, row in enumerate(raw, start=1):
            typed = _typed(table, row)
            for error in sorted(validator.iter_errors(typed), key=lambda e: list(e.path)):
                column, message = _message(error)
                problems.append(Problem(table, number, column, message))
            typed_rows.append(typed)
        tables[table] = typed_rows
    problems += _check_links(tables)
    return tables, problems


def _check_links(tables: Mapping[str, list[dict[str, Any]]]) -> list[Problem]:
    """``*_id`` columns point at rows of the package (or, for organizations, of Sentier)."""
    problems = []
    ids = {table: {row.get("id") for row in rows} for table, rows in tables.items()}
    known_orgs = ids.get("organization", set()) | {
        str(u) for u in Organization.objects.values_list("uuid", flat=True)
    }
    links = {
        "organization_id": known_orgs,
        "service_id": ids.get("service", set()),
        "location_id": ids.get("location", set())
        | {str(u) for u in Location.objects.values_list("uuid", flat=True)},
        "taxonomy_id": ids.get("taxonomy", set()),
        "taxonomy_term_id": ids.get("taxonomy_term", set()),
        "unit_id": ids.get("unit", set()),
    }
    for number, row in enumerate(tables.get("service_capacity", []), start=1):
        available, maximum = row.get("available"), row.get("maximum")
        if isinstance(available, int | float) and available < 0:
            problems.append(
                Problem("service_capacity", number, "available", _("Cannot be negative."))
            )
        if (
            isinstance(available, int | float)
            and isinstance(maximum, int | float)
            and available > maximum
        ):
            problems.append(
                Problem(
                    "service_capacity",
                    number,
                    "available",
                    _("More places available than places in all."),
                )
            )
        for column in ("available", "maximum"):
            value = row.get(column)
            if isinstance(value, float):
                problems.append(
                    Problem("service_capacity", number, column, _("Expected a whole number."))
                )
    for table, rows in tables.items():
        for number, row in enumerate(rows, start=1):
            for column, targets in links.items():
                value = row.get(column)
                if value and column in TABLES[table] and value not in targets:
                    problems.append(
                        Problem(table, number, column, _("Points at a row that does not exist."))
                    )
    return problems
