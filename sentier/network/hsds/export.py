"""Export the directory as an HSDS 3.1 tabular datapackage (the same data always gives the same
files)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

from sentier.core.spreadsheets import safe_cell
from sentier.network.hsds.common import (
    FACTS,
    HSDS_VERSION,
    LANGUAGE_NAMES,
    LOCATION_FLAGS,
    PROVINCE_URI,
    REGION_URI,
    TABLES,
    TAXONOMIES,
    stable_id,
    term_id,
)
from sentier.network.hsds.validation import table_schema
from sentier.network.models import (
    Clientele,
    Location,
    Organization,
    Service,
    ServiceKind,
)

# ---------------------------------------------------------------------------------------------
# Export


class _Tables:
    """The export's rows, table by table, in the order they are added."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
        self.unit_ids: dict[str, str] = {}

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.rows[table].append(row)

    def attribute(self, entity: str, link: str, taxonomy: str, code: str, value: str = "") -> None:
        self.add(
            "attribute",
            {
                "id": stable_id("attribute", entity, link, taxonomy, code),
                "link_id": link,
                "taxonomy_term_id": term_id(taxonomy, code),
                "link_type": taxonomy,
                "link_entity": entity,
                "value": value,
            },
        )

    def unit_id(self, unit: str) -> str:
        """The id of a capacity unit, its ``unit`` row added the first time."""
        if unit not in self.unit_ids:
            self.unit_ids[unit] = stable_id("unit", unit)
            self.add(
                "unit",
                {"id": self.unit_ids[unit], "name": unit, "scheme": "sentier", "identifier": unit},
            )
        return self.unit_ids[unit]


def _add_taxonomies(out: _Tables) -> None:
    """Sentier's taxonomies and their terms: service kinds, clienteles, facts."""
    for key, (name, description) in TAXONOMIES.items():
        out.add(
            "taxonomy", {"id": stable_id("taxonomy", key), "name": name, "description": description}
        )
    for kind, label in ServiceKind.choices:
        out.add(
            "taxonomy_term",
            {
                "id": term_id("kinds", kind),
                "code": kind,
                "name": str(label),
                "description": str(label),
                "taxonomy_id": stable_id("taxonomy", "kinds"),
                "language": "en",
            },
        )
    for clientele in Clientele.objects.order_by("code"):
        french = str(getattr(clientele, "name_fr_ca", "") or clientele.name)
        out.add(
            "taxonomy_term",
            {
                "id": term_id("clienteles", clientele.code),
                "code": clientele.code,
                "name": french,
                "description": french,
                "taxonomy_id": stable_id("taxonomy", "clienteles"),
                "language": "fr",
            },
        )
    for code, fact in FACTS.items():
        out.add(
            "taxonomy_term",
            {
                "id": term_id("facts", code),
                "code": code,
                "name": fact,
                "description": fact,
                "taxonomy_id": stable_id("taxonomy", "facts"),
                "language": "en",
            },
        )


def _add_organizations(out: _Tables) -> None:
    """Organizations, their slug as an identifier, their phone, membership and clienteles."""
    for org in Organization.objects.order_by("uuid").prefetch_related("clienteles"):
        oid = str(org.uuid)
        out.add(
            "organization",
            {
                "id": oid,
                "name": org.name,
                "description": org.description or org.clientele_text or org.name,
                "email": org.email,
                "website": org.website,
                "tax_status": "non-profit" if org.non_profit else "for-profit",
                "tax_id": org.tax_id,
                "legal_status": org.legal_status,
            },
        )
        out.add(
            "organization_identifier",
            {
                "id": stable_id("identifier", oid),
                "organization_id": oid,
                "identifier_scheme": "sentier",
                "identifier_type": "sentier-slug",
                "identifier": org.slug,
            },
        )
        if org.phone:
            out.add(
                "phone",
                {
                    "id": stable_id("phone", "organization", oid),
                    "organization_id": oid,
                    "number": org.phone,
                },
            )
        if org.rssmo_member:
            out.attribute("organization", oid, "facts", "rssmo_member", "true")
        for clientele in sorted(org.clienteles.all(), key=lambda c: c.code):
            out.attribute("organization", oid, "clienteles", clientele.code)


def _add_locations(out: _Tables) -> None:
    """Locations (physical, their region as an external identifier), phones, points of service."""
    for location in Location.objects.select_related("organization", "region").order_by("uuid"):
        lid = str(location.uuid)
        out.add(
            "location",
            {
                "id": lid,
                "location_type": "physical",
                "organization_id": str(location.organization.uuid),
                "name": location.city,
                "description": location.points_of_service_text,
                "external_identifier": location.region.code,
                "external_identifier_type": "sentier-region",
            },
        )
        if location.phone:
            out.add(
                "phone",
                {
                    "id": stable_id("phone", "location", lid),
                    "location_id": lid,
                    "number": location.phone,
                },
            )
        if location.points_of_service is not None:
            out.attribute(
                "location", lid, "facts", "points_of_service", str(location.points_of_service)
            )
        for flag in LOCATION_FLAGS:
            if getattr(location, flag):
                out.attribute("location", lid, "facts", flag, "true")


def _service_row(service: Service) -> dict[str, Any]:
    return {
        "id": str(service.uuid),
        "organization_id": str(service.organization.uuid),
        "name": service.name,
        "description": service.description,
        "url": service.url,
        "email": service.email,
        "status": service.status,
        "application_process": service.application_process,
        "fees_description": service.fees_description,
        "wait_time": (
            f"P{service.estimated_wait_days}D" if service.estimated_wait_days is not None else ""
        ),
        "eligibility_description": service.eligibility_description,
    }


def _add_service_places(out: _Tables, service: Service, sid: str) -> None:
    """Where a service is offered: its areas (the province or regions) and its locations."""
    if service.province_wide:
        out.add(
            "service_area",
            {
                "id": stable_id("area", sid, "QC"),
                "service_id": sid,
                "name": "Québec",
                "uri": PROVINCE_URI,
            },
        )
    for region in sorted(service.regions.all(), key=lambda r: r.code):
        out.add(
            "service_area",
            {
                "id": stable_id("area", sid, region.code),
                "service_id": sid,
                "name": str(getattr(region, "name_fr_ca", "") or region.name),
                "uri": f"{REGION_URI}{region.code}",
            },
        )
    for location in sorted(service.locations.all(), key=lambda loc: str(loc.uuid)):
        out.add(
            "service_at_location",
            {
                "id": stable_id("sal", sid, location.uuid),
                "service_id": sid,
                "location_id": str(location.uuid),
            },
        )


def _add_service_capacity(out: _Tables, service: Service, sid: str) -> None:
    """The capacity last published, with its unit (none before the first update)."""
    if service.capacity_available is None or service.capacity_updated_at is None:
        return
    unit_id = out.unit_id(service.capacity_unit or "places")
    out.add(
        "service_capacity",
        {
            "id": stable_id("capacity", sid),
            "service_id": sid,
            "unit_id": unit_id,
            "available": service.capacity_available,
            "maximum": "" if service.capacity_maximum is None else service.capacity_maximum,
            "description": "",
            "updated": service.capacity_updated_at.astimezone(dt.UTC).isoformat(),
        },
    )


def _add_services(out: _Tables) -> None:
    """Services with their phone, areas, locations, languages, attributes and capacity."""
    services = (
        Service.objects.select_related("organization")
        .prefetch_related("regions", "clienteles", "locations")
        .order_by("uuid")
    )
    for service in services:
        sid = str(service.uuid)
        out.add("service", _service_row(service))
        if service.phone:
            out.add(
                "phone",
                {
                    "id": stable_id("phone", "service", sid),
                    "service_id": sid,
                    "number": service.phone,
                },
            )
        _add_service_places(out, service, sid)
        for code in service.languages:
            out.add(
                "language",
                {
                    "id": stable_id("language", sid, code),
                    "service_id": sid,
                    "name": LANGUAGE_NAMES.get(code, code),
                    "code": code,
                },
            )
        out.attribute("service", sid, "kinds", service.kind)
        for clientele in sorted(service.clienteles.all(), key=lambda c: c.code):
            out.attribute("service", sid, "clienteles", clientele.code)
        out.attribute(
            "service", sid, "facts", "waiting_list_length", str(service.waiting_list_length)
        )
        _add_service_capacity(out, service, sid)


def _rows_for_export() -> dict[str, list[dict[str, Any]]]:
    out = _Tables()
    _add_taxonomies(out)
    _add_organizations(out)
    _add_locations(out)
    _add_services(out)
    return out.rows


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
