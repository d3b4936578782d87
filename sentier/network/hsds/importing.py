"""Import an HSDS 3.1 tabular datapackage into the directory, after validating it (``dry_run``
checks and counts without writing)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from sentier.network.actions import update_capacity
from sentier.network.hsds.common import LOCATION_FLAGS, PROVINCE_URI, REGION_URI, stable_id
from sentier.network.hsds.validation import Problem, validate_datapackage
from sentier.network.models import (
    Clientele,
    Location,
    Organization,
    Service,
    ServiceKind,
    ServiceStatus,
)
from sentier.reference.models import Region

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


@dataclasses.dataclass
class _Package:
    """The imported tables, indexed the ways the import reads them, and the reference rows."""

    tables: Mapping[str, list[dict[str, Any]]]
    terms: dict[str, Mapping[str, Any]]
    attributes: dict[str, list[Mapping[str, Any]]]
    identifiers: dict[str, list[Mapping[str, Any]]]
    phones: dict[str, dict[str, list[Mapping[str, Any]]]]
    regions: dict[str, Region]
    clienteles: dict[str, Clientele]

    @classmethod
    def of(cls, tables: Mapping[str, list[dict[str, Any]]]) -> _Package:
        return cls(
            tables=tables,
            terms={str(row["id"]): row for row in tables.get("taxonomy_term", [])},
            attributes=_by(tables.get("attribute", []), "link_id"),
            identifiers=_by(tables.get("organization_identifier", []), "organization_id"),
            phones={
                link: _by(tables.get("phone", []), link)
                for link in ("organization_id", "location_id", "service_id")
            },
            regions={r.code: r for r in Region.objects.all()},
            clienteles={c.code: c for c in Clientele.objects.all()},
        )

    def codes(self, link: str, taxonomy: str) -> list[tuple[str, str]]:
        """(term code, value) of the attributes of ``link`` in ``taxonomy``."""
        found = []
        for row in self.attributes.get(link, []):
            term = self.terms.get(str(row["taxonomy_term_id"]))
            if term is not None and term.get("taxonomy_id") == stable_id("taxonomy", taxonomy):
                found.append((str(term.get("code", "")), str(row.get("value", ""))))
        return found

    def phone(self, link: str, key: str) -> str:
        return str((self.phones[link].get(key) or [{}])[0].get("number", ""))[:40]


def _apply(tables: Mapping[str, list[dict[str, Any]]], result: ImportResult) -> None:
    package = _Package.of(tables)
    organizations = _apply_organizations(package, result)
    locations = _apply_locations(package, organizations, result)
    _apply_services(package, organizations, locations, result)


def _organization_for(package: _Package, oid: str, row: Mapping[str, Any]) -> Organization:
    """A new organization for ``oid`` (found by its slug first), its slug made unique."""
    slugs = [
        str(i["identifier"])
        for i in package.identifiers.get(oid, [])
        if i.get("identifier_type") == "sentier-slug"
    ]
    found = Organization.objects.filter(slug=slugs[0]).first() if slugs else None
    if found is not None:
        return found
    org = Organization(uuid=uuid.UUID(oid))
    slug = slugs[0] if slugs else slugify(str(row["name"]))[:100] or "organization"
    base, n = slug, 2
    while Organization.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    org.slug = slug
    return org


def _apply_organizations(package: _Package, result: ImportResult) -> dict[str, Organization]:
    organizations: dict[str, Organization] = {str(o.uuid): o for o in Organization.objects.all()}
    for row in package.tables.get("organization", []):
        oid = str(row["id"])
        org = organizations.get(oid) or _organization_for(package, oid, row)
        values = {
            "name": str(row["name"])[:200],
            "description": str(row.get("description", "")),
            "email": str(row.get("email", "")),
            "website": str(row.get("website", "")),
            "non_profit": row.get("tax_status", "non-profit") != "for-profit",
            "tax_id": str(row.get("tax_id", ""))[:40],
            "legal_status": str(row.get("legal_status", ""))[:120],
            "phone": package.phone("organization_id", oid),
            "rssmo_member": any(code == "rssmo_member" for code, _v in package.codes(oid, "facts")),
        }
        if values["description"] in (org.clientele_text, org.name) and not org.description:
            values["description"] = ""
        _save_changed(org, values, result, "organization")
        wanted = {
            package.clienteles[c]
            for c, _v in package.codes(oid, "clienteles")
            if c in package.clienteles
        }
        if "attribute" in package.tables and set(org.clienteles.all()) != wanted:
            org.clienteles.set(wanted)
        organizations[oid] = org
    return organizations


def _apply_locations(
    package: _Package, organizations: Mapping[str, Organization], result: ImportResult
) -> dict[str, Location]:
    locations: dict[str, Location] = {str(loc.uuid): loc for loc in Location.objects.all()}
    for row in package.tables.get("location", []):
        lid = str(row["id"])
        org = organizations.get(str(row.get("organization_id", "")))
        region = package.regions.get(str(row.get("external_identifier", "")))
        if org is None or region is None:
            continue
        phone = package.phone("location_id", lid)
        location = (
            locations.get(lid)
            or Location.objects.filter(organization=org, region=region, phone=phone).first()
            or Location(uuid=uuid.UUID(lid))
        )
        facts = package.codes(lid, "facts")
        points = [v for c, v in facts if c == "points_of_service"]
        flags = {code for code, value in facts if value == "true"}
        values = {
            "organization": org,
            "region": region,
            "phone": phone,
            "city": str(row.get("name", ""))[:120],
            "points_of_service_text": str(row.get("description", ""))[:200],
            "points_of_service": int(points[0]) if points and points[0].isdigit() else None,
            **{flag: flag in flags for flag in LOCATION_FLAGS},
        }
        _save_changed(location, values, result, "location")
        locations[lid] = location
    return locations


def _service_values(
    package: _Package,
    row: Mapping[str, Any],
    service: Service,
    org: Organization,
    areas: list[Mapping[str, Any]],
    languages: list[Mapping[str, Any]],
) -> dict[str, Any]:
    sid = str(row["id"])
    kinds = [c for c, _v in package.codes(sid, "kinds") if c in ServiceKind.values]
    wait = re.fullmatch(r"P(\d+)D", str(row.get("wait_time", "")))
    return {
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
        "province_wide": any(a.get("uri") == PROVINCE_URI for a in areas),
        "phone": package.phone("service_id", sid),
        "languages": [str(r.get("code", "")) for r in languages if r.get("code")],
    }


def _link_service(
    package: _Package,
    sid: str,
    service: Service,
    areas: list[Mapping[str, Any]],
    at_locations: list[Mapping[str, Any]],
    locations: Mapping[str, Location],
) -> None:
    """The service's regions, clienteles and locations, set only when they differ."""
    regions = package.regions
    wanted_regions = {
        regions[str(a.get("uri", ""))[len(REGION_URI) :]]
        for a in areas
        if str(a.get("uri", ""))[len(REGION_URI) :] in regions
    }
    if set(service.regions.all()) != wanted_regions:
        service.regions.set(wanted_regions)
    wanted_clienteles = {
        package.clienteles[c]
        for c, _v in package.codes(sid, "clienteles")
        if c in package.clienteles
    }
    if set(service.clienteles.all()) != wanted_clienteles:
        service.clienteles.set(wanted_clienteles)
    wanted_locations = {
        locations[str(a["location_id"])]
        for a in at_locations
        if str(a.get("location_id")) in locations
    }
    if set(service.locations.all()) != wanted_locations:
        service.locations.set(wanted_locations)


def _apply_capacity(
    package: _Package,
    sid: str,
    service: Service,
    capacity: Mapping[str, Any] | None,
    units: Mapping[str, Mapping[str, Any]],
    result: ImportResult,
) -> None:
    """The published capacity and waiting list, through ``update_capacity`` when it changed."""
    waiting = [v for c, v in package.codes(sid, "facts") if c == "waiting_list_length"]
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


def _apply_services(
    package: _Package,
    organizations: Mapping[str, Organization],
    locations: Mapping[str, Location],
    result: ImportResult,
) -> None:
    tables = package.tables
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
        values = _service_values(
            package, row, service, org, areas.get(sid, []), languages.get(sid, [])
        )
        _save_changed(service, values, result, "service")
        services[sid] = service
        _link_service(
            package, sid, service, areas.get(sid, []), at_locations.get(sid, []), locations
        )
        _apply_capacity(package, sid, service, capacities.get(sid), units, result)


def _parse_time(value: str) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed)
