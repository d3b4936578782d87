"""The directory as an Open Referral HSDS 3.1 tabular datapackage: export, validate, import.

A datapackage is a folder (or a zip of it) holding ``datapackage.json`` and one CSV per HSDS
table. Each row is validated against the table's HSDS 3.1 JSON schema (vendored in
``schema/``, see its README): its scalar properties, with the table's ``required`` and
``tabular_required`` fields (in the tabular form, links are ``*_id`` columns).

How Sentier's rows map to HSDS:

- ``Organization`` → ``organization`` (uuid as id; non-profit → ``tax_status``), its slug an
  ``organization_identifier`` (type ``sentier-slug``), its phone a ``phone`` row;
- ``Location`` → ``location`` (physical; the region code as ``external_identifier`` of type
  ``sentier-region``; the city as name; points of service as published in ``description``);
- ``Service`` → ``service``; its regions → ``service_area`` (``uri`` ``urn:sentier:region:13``,
  or ``urn:sentier:province:QC`` when it serves all of Québec);
  its languages → ``language``; its points of service → ``service_at_location``;
- kind, target clienteles, RSSMO membership, waiting-list length and the number of points of
  service → ``attribute`` rows linking to ``taxonomy_term`` rows of Sentier's taxonomies;
- capacity → ``service_capacity`` with its ``unit``; the estimated wait → ``service.wait_time``
  as an ISO 8601 duration (``P42D``).

Ids that Sentier does not store (terms, phones, attributes…) are UUID 5 of a stable key, so an
export of the same data always gives the same files.

Text that a spreadsheet would run as a formula is written with an apostrophe before it and read
back without it (:mod:`sentier.core.spreadsheets`): the CSVs are opened by people too.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import re
import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator, FormatChecker  # type: ignore[import-untyped]

from sentier.core.spreadsheets import read_cell, safe_cell
from sentier.network.models import (
    Clientele,
    Location,
    Organization,
    Service,
    ServiceKind,
    ServiceStatus,
)
from sentier.reference.models import Region

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
HSDS_VERSION = "3.1"
NAMESPACE = uuid.UUID("6f0c6b1e-2f6b-5d0a-9a53-5e6e74696572")
REGION_URI = "urn:sentier:region:"
PROVINCE_URI = "urn:sentier:province:QC"

# The tables Sentier writes, in loading order, with the columns it fills.
TABLES: dict[str, tuple[str, ...]] = {
    "organization": (
        "id",
        "name",
        "description",
        "email",
        "website",
        "tax_status",
        "tax_id",
        "legal_status",
    ),
    "organization_identifier": (
        "id",
        "organization_id",
        "identifier_scheme",
        "identifier_type",
        "identifier",
    ),
    "location": (
        "id",
        "location_type",
        "organization_id",
        "name",
        "description",
        "external_identifier",
        "external_identifier_type",
    ),
    "service": (
        "id",
        "organization_id",
        "name",
        "description",
        "url",
        "email",
        "status",
        "application_process",
        "fees_description",
        "wait_time",
        "eligibility_description",
    ),
    "phone": ("id", "location_id", "service_id", "organization_id", "number"),
    "service_area": ("id", "service_id", "name", "uri"),
    "service_at_location": ("id", "service_id", "location_id"),
    "language": ("id", "service_id", "name", "code"),
    "taxonomy": ("id", "name", "description", "version"),
    "taxonomy_term": ("id", "code", "name", "description", "taxonomy_id", "language"),
    "attribute": ("id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"),
    "unit": ("id", "name", "scheme", "identifier"),
    "service_capacity": (
        "id",
        "service_id",
        "unit_id",
        "available",
        "maximum",
        "description",
        "updated",
    ),
}

TAXONOMIES = {
    "kinds": ("sentier-service-kinds", "Kinds of service in Sentier"),
    "clienteles": ("sentier-clienteles", "Target clienteles of the RSSMO directory"),
    "facts": ("sentier-facts", "Facts Sentier records about organizations and services"),
}
FACTS = {
    "rssmo_member": "Member of the RSSMO",
    "waiting_list_length": "People on the waiting list",
    "points_of_service": "Number of points of service (as published)",
}
LANGUAGE_NAMES = {"fr": "French", "en": "English", "es": "Spanish", "ar": "Arabic"}


def stable_id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(str(p) for p in parts)))


def term_id(taxonomy: str, code: str) -> str:
    return stable_id("term", taxonomy, code)


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


# ---------------------------------------------------------------------------------------------
# Export


def _rows_for_export() -> dict[str, list[dict[str, Any]]]:
    tables: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    add = {table: tables[table].append for table in TABLES}

    for key, (name, description) in TAXONOMIES.items():
        add["taxonomy"](
            {"id": stable_id("taxonomy", key), "name": name, "description": description}
        )
    for kind, label in ServiceKind.choices:
        add["taxonomy_term"](
            {
                "id": term_id("kinds", kind),
                "code": kind,
                "name": str(label),
                "description": str(label),
                "taxonomy_id": stable_id("taxonomy", "kinds"),
                "language": "en",
            }
        )
    clienteles = list(Clientele.objects.order_by("code"))
    for clientele in clienteles:
        french = str(getattr(clientele, "name_fr_ca", "") or clientele.name)
        add["taxonomy_term"](
            {
                "id": term_id("clienteles", clientele.code),
                "code": clientele.code,
                "name": french,
                "description": french,
                "taxonomy_id": stable_id("taxonomy", "clienteles"),
                "language": "fr",
            }
        )
    for code, fact in FACTS.items():
        add["taxonomy_term"](
            {
                "id": term_id("facts", code),
                "code": code,
                "name": fact,
                "description": fact,
                "taxonomy_id": stable_id("taxonomy", "facts"),
                "language": "en",
            }
        )

    def attribute(entity: str, link: str, taxonomy: str, code: str, value: str = "") -> None:
        add["attribute"](
            {
                "id": stable_id("attribute", entity, link, taxonomy, code),
                "link_id": link,
                "taxonomy_term_id": term_id(taxonomy, code),
                "link_type": taxonomy,
                "link_entity": entity,
                "value": value,
            }
        )

    organizations = Organization.objects.order_by("uuid").prefetch_related("clienteles")
    for org in organizations:
        oid = str(org.uuid)
        add["organization"](
            {
                "id": oid,
                "name": org.name,
                "description": org.description or org.clientele_text or org.name,
                "email": org.email,
                "website": org.website,
                "tax_status": "non-profit" if org.non_profit else "for-profit",
                "tax_id": org.tax_id,
                "legal_status": org.legal_status,
            }
        )
        add["organization_identifier"](
            {
                "id": stable_id("identifier", oid),
                "organization_id": oid,
                "identifier_scheme": "sentier",
                "identifier_type": "sentier-slug",
                "identifier": org.slug,
            }
        )
        if org.phone:
            add["phone"](
                {
                    "id": stable_id("phone", "organization", oid),
                    "organization_id": oid,
                    "number": org.phone,
                }
            )
        if org.rssmo_member:
            attribute("organization", oid, "facts", "rssmo_member", "true")
        for clientele in sorted(org.clienteles.all(), key=lambda c: c.code):
            attribute("organization", oid, "clienteles", clientele.code)

    for location in Location.objects.select_related("organization", "region").order_by("uuid"):
        lid = str(location.uuid)
        add["location"](
            {
                "id": lid,
                "location_type": "physical",
                "organization_id": str(location.organization.uuid),
                "name": location.city,
                "description": location.points_of_service_text,
                "external_identifier": location.region.code,
                "external_identifier_type": "sentier-region",
            }
        )
        if location.phone:
            add["phone"](
                {
                    "id": stable_id("phone", "location", lid),
                    "location_id": lid,
                    "number": location.phone,
                }
            )
        if location.points_of_service is not None:
            attribute(
                "location", lid, "facts", "points_of_service", str(location.points_of_service)
            )

    unit_ids: dict[str, str] = {}
    services = (
        Service.objects.select_related("organization")
        .prefetch_related("regions", "clienteles", "locations")
        .order_by("uuid")
    )
    for service in services:
        sid = str(service.uuid)
        add["service"](
            {
                "id": sid,
                "organization_id": str(service.organization.uuid),
                "name": service.name,
                "description": service.description,
                "url": service.url,
                "email": service.email,
                "status": service.status,
                "application_process": service.application_process,
                "fees_description": service.fees_description,
                "wait_time": (
                    f"P{service.estimated_wait_days}D"
                    if service.estimated_wait_days is not None
                    else ""
                ),
                "eligibility_description": service.eligibility_description,
            }
        )
        if service.phone:
            add["phone"](
                {
                    "id": stable_id("phone", "service", sid),
                    "service_id": sid,
                    "number": service.phone,
                }
            )
        if service.province_wide:
            add["service_area"](
                {
                    "id": stable_id("area", sid, "QC"),
                    "service_id": sid,
                    "name": "Québec",
                    "uri": PROVINCE_URI,
                }
            )
        for region in sorted(service.regions.all(), key=lambda r: r.code):
            add["service_area"](
                {
                    "id": stable_id("area", sid, region.code),
                    "service_id": sid,
                    "name": str(getattr(region, "name_fr_ca", "") or region.name),
                    "uri": f"{REGION_URI}{region.code}",
                }
            )
        for location in sorted(service.locations.all(), key=lambda loc: str(loc.uuid)):
            add["service_at_location"](
                {
                    "id": stable_id("sal", sid, location.uuid),
                    "service_id": sid,
                    "location_id": str(location.uuid),
                }
            )
        for code in service.languages:
            add["language"](
                {
                    "id": stable_id("language", sid, code),
                    "service_id": sid,
                    "name": LANGUAGE_NAMES.get(code, code),
                    "code": code,
                }
            )
        attribute("service", sid, "kinds", service.kind)
        for clientele in sorted(service.clienteles.all(), key=lambda c: c.code):
            attribute("service", sid, "clienteles", clientele.code)
        attribute("service", sid, "facts", "waiting_list_length", str(service.waiting_list_length))
        if service.capacity_available is not None and service.capacity_updated_at is not None:
            unit = service.capacity_unit or "places"
            if unit not in unit_ids:
                unit_ids[unit] = stable_id("unit", unit)
                add["unit"](
                    {"id": unit_ids[unit], "name": unit, "scheme": "sentier", "identifier": unit}
                )
            add["service_capacity"](
                {
                    "id": stable_id("capacity", sid),
                    "service_id": sid,
                    "unit_id": unit_ids[unit],
                    "available": service.capacity_available,
                    "maximum": (
                        "" if service.capacity_maximum is None else service.capacity_maximum
                    ),
                    "description": "",
                    "updated": service.capacity_updated_at.astimezone(dt.UTC).isoformat(),
                }
            )
    return tables


def export_datapackage(folder: Path) -> dict[str, int]:
    """Write ``datapackage.json`` and one CSV per table into ``folder``; row counts per table."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = _rows_for_export()
    resources = []
    for table, columns in TABLES.items():
        with (folder / f"{table}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            for row in tables[table]:
                writer.writerow({column: safe_cell(row.get(column, "")) for column in columns})
        properties = table_schema(table)["properties"]
        resources.append(
            {
                "name": table,
                "path": f"{table}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [
                        {
                            "name": column,
                            "type": properties[column].get("type", "string"),
                            **(
                                {"format": properties[column]["format"]}
                                if properties[column].get("format") in ("uuid", "uri", "email")
                                else {}
                            ),
                        }
                        for column in columns
                    ],
                    "primaryKey": "id",
                },
            }
        )
    descriptor = {
        "name": "sentier-directory",
        "title": "Sentier — partner directory",
        "profile": "tabular-data-package",
        "hsds_version": HSDS_VERSION,
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": resources,
    }
    (folder / "datapackage.json").write_text(
        json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return {table: len(rows) for table, rows in tables.items()}


# ---------------------------------------------------------------------------------------------
# Import


@dataclasses.dataclass
class ImportResult:
    problems: list[Problem]
    created: dict[str, int] = dataclasses.field(default_factory=lambda: defaultdict(int))
    updated: dict[str, int] = dataclasses.field(default_factory=lambda: defaultdict(int))
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


class _DryRun(Exception):
    """Raised at the end of a dry run to roll everything back."""


def import_datapackage(folder: Path, *, dry_run: bool = False) -> ImportResult:
    """Validate the package; if it has no problem, write it (a dry run writes then rolls back,
    so its counts are exactly what a real import would do). Nothing is written on a problem."""
    tables, problems = validate_datapackage(folder)
    result = ImportResult(problems=problems, dry_run=dry_run)
    if problems:
        return result
    try:
        with transaction.atomic():
            _apply(tables, result)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return result


def _by(rows: Iterable[Mapping[str, Any]], key: str) -> dict[str, list[Mapping[str, Any]]]:
    grouped: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        if row.get(key):
            grouped[str(row[key])].append(row)
    return grouped


def _save_changed(
    instance: Any, values: Mapping[str, Any], result: ImportResult, table: str
) -> None:
    if instance.pk is None:
        for field, value in values.items():
            setattr(instance, field, value)
        instance.save()
        result.created[table] += 1
        return
    changed = [field for field, value in values.items() if getattr(instance, field) != value]
    if changed:
        for field in changed:
            setattr(instance, field, values[field])
        instance.save()
        result.updated[table] += 1


def _apply(tables: Mapping[str, list[dict[str, Any]]], result: ImportResult) -> None:
    from sentier.network.actions import update_capacity

    terms = {str(row["id"]): row for row in tables.get("taxonomy_term", [])}
    attributes = _by(tables.get("attribute", []), "link_id")
    identifiers = _by(tables.get("organization_identifier", []), "organization_id")
    phones_org = _by(tables.get("phone", []), "organization_id")
    phones_loc = _by(tables.get("phone", []), "location_id")
    phones_svc = _by(tables.get("phone", []), "service_id")
    regions = {r.code: r for r in Region.objects.all()}
    clienteles = {c.code: c for c in Clientele.objects.all()}

    def codes(link: str, taxonomy: str) -> list[tuple[str, str]]:
        found = []
        for row in attributes.get(link, []):
            term = terms.get(str(row["taxonomy_term_id"]))
            if term is not None and term.get("taxonomy_id") == stable_id("taxonomy", taxonomy):
                found.append((str(term.get("code", "")), str(row.get("value", ""))))
        return found

    organizations: dict[str, Organization] = {str(o.uuid): o for o in Organization.objects.all()}
    for row in tables.get("organization", []):
        oid = str(row["id"])
        org = organizations.get(oid)
        slugs = [
            str(i["identifier"])
            for i in identifiers.get(oid, [])
            if i.get("identifier_type") == "sentier-slug"
        ]
        if org is None and slugs:
            org = Organization.objects.filter(slug=slugs[0]).first()
        if org is None:
            org = Organization(uuid=uuid.UUID(oid))
            slug = slugs[0] if slugs else slugify(str(row["name"]))[:100] or "organization"
            base, n = slug, 2
            while Organization.objects.filter(slug=slug).exists():
                slug, n = f"{base}-{n}", n + 1
            org.slug = slug
        values = {
            "name": str(row["name"])[:200],
            "description": str(row.get("description", "")),
            "email": str(row.get("email", "")),
            "website": str(row.get("website", "")),
            "non_profit": row.get("tax_status", "non-profit") != "for-profit",
            "tax_id": str(row.get("tax_id", ""))[:40],
            "legal_status": str(row.get("legal_status", ""))[:120],
            "phone": str((phones_org.get(oid) or [{}])[0].get("number", ""))[:40],
            "rssmo_member": any(code == "rssmo_member" for code, _v in codes(oid, "facts")),
        }
        if values["description"] in (org.clientele_text, org.name) and not org.description:
            values["description"] = ""
        _save_changed(org, values, result, "organization")
        wanted = {clienteles[c] for c, _v in codes(oid, "clienteles") if c in clienteles}
        if "attribute" in tables and set(org.clienteles.all()) != wanted:
            org.clienteles.set(wanted)
        organizations[oid] = org

    locations: dict[str, Location] = {str(loc.uuid): loc for loc in Location.objects.all()}
    for row in tables.get("location", []):
        lid = str(row["id"])
        org = organizations.get(str(row.get("organization_id", "")))
        region = regions.get(str(row.get("external_identifier", "")))
        if org is None or region is None:
            continue
        phone = str((phones_loc.get(lid) or [{}])[0].get("number", ""))[:40]
        location = (
            locations.get(lid)
            or Location.objects.filter(organization=org, region=region, phone=phone).first()
            or Location(uuid=uuid.UUID(lid))
        )
        points = [v for c, v in codes(lid, "facts") if c == "points_of_service"]
        values = {
            "organization": org,
            "region": region,
            "phone": phone,
            "city": str(row.get("name", ""))[:120],
            "points_of_service_text": str(row.get("description", ""))[:200],
            "points_of_service": int(points[0]) if points and points[0].isdigit() else None,
        }
        _save_changed(location, values, result, "location")
        locations[lid] = location

    areas = _by(tables.get("service_area", []), "service_id")
    services: dict[str, Service] = {str(s.uuid): s for s in Service.objects.all()}
    at_locations = _by(tables.get("service_at_location", []), "service_id")
    languages = _by(tables.get("language", []), "service_id")
    capacities = {str(r["service_id"]): r for r in tables.get("service_capacity", [])}
    units = {str(r["id"]): r for r in tables.get("unit", [])}
    for row in tables.get("service", []):
        sid = str(row["id"])
        org = organizations.get(str(row.get("organization_id", "")))
        if org is None:
            continue
        service = (
            services.get(sid)
            or Service.objects.filter(organization=org, name=str(row["name"])[:200]).first()
            or Service(uuid=uuid.UUID(sid))
        )
        kinds = [c for c, _v in codes(sid, "kinds") if c in ServiceKind.values]
        wait = re.fullmatch(r"P(\d+)D", str(row.get("wait_time", "")))
        values = {
            "organization": org,
            "name": str(row["name"])[:200],
            "kind": kinds[0] if kinds else (service.kind or ServiceKind.OTHER),
            "description": str(row.get("description", "")),
            "url": str(row.get("url", "")),
            "email": str(row.get("email", "")),
            "status": str(row.get("status", ServiceStatus.ACTIVE)),
            "application_process": str(row.get("application_process", "")),
            "fees_description": str(row.get("fees_description", ""))[:300],
            "eligibility_description": str(row.get("eligibility_description", "")),
            "estimated_wait_days": int(wait.group(1)) if wait else None,
            "province_wide": any(a.get("uri") == PROVINCE_URI for a in areas.get(sid, [])),
            "phone": str((phones_svc.get(sid) or [{}])[0].get("number", ""))[:40],
            "languages": [str(r.get("code", "")) for r in languages.get(sid, []) if r.get("code")],
        }
        _save_changed(service, values, result, "service")
        services[sid] = service
        wanted_regions = {
            regions[str(a.get("uri", ""))[len(REGION_URI) :]]
            for a in areas.get(sid, [])
            if str(a.get("uri", ""))[len(REGION_URI) :] in regions
        }
        if set(service.regions.all()) != wanted_regions:
            service.regions.set(wanted_regions)
        wanted_clienteles = {clienteles[c] for c, _v in codes(sid, "clienteles") if c in clienteles}
        if set(service.clienteles.all()) != wanted_clienteles:
            service.clienteles.set(wanted_clienteles)
        wanted_locations = {
            locations[str(a["location_id"])]
            for a in at_locations.get(sid, [])
            if str(a.get("location_id")) in locations
        }
        if set(service.locations.all()) != wanted_locations:
            service.locations.set(wanted_locations)
        waiting = [v for c, v in codes(sid, "facts") if c == "waiting_list_length"]
        capacity = capacities.get(sid)
        new = (
            None if capacity is None else capacity.get("available"),
            None if capacity is None else capacity.get("maximum"),
            int(waiting[0]) if waiting and waiting[0].isdigit() else service.waiting_list_length,
            None if capacity is None else _parse_time(str(capacity["updated"])),
        )
        old = (
            service.capacity_available,
            service.capacity_maximum,
            service.waiting_list_length,
            service.capacity_updated_at,
        )
        if capacity is not None and new != old:
            unit = units.get(str(capacity.get("unit_id", "")), {}).get("name") or None
            update_capacity(
                actor_label=_("HSDS import"),
                service=service,
                available=new[0],
                maximum=new[1],
                waiting=new[2],
                unit=unit,
                at=new[3],
                estimated_wait_days=service.estimated_wait_days,
            )
            result.updated["service_capacity"] += 1
        elif capacity is None and new[2] != old[2]:
            Service.objects.filter(pk=service.pk).update(waiting_list_length=new[2])
            result.updated["service_capacity"] += 1


def _parse_time(value: str) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed)
