"""Load the seeded services of the RSSMO members (``data/services.yaml``), idempotently.

Called by ``sentier load_reference`` after the organizations are loaded. A service is found by
(organization, name); its descriptive fields are written only when they differ. Its capacity is
written only when the service is created: capacity is live data the organization updates, so a
second load never overwrites what they said.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.utils import timezone

from sentier.network.models import Clientele, Organization, Service, ServiceKind
from sentier.reference.loading import Counts, ReferenceDataError, save_with_history_if_possible
from sentier.reference.models import Region

SERVICES_FILE = Path(__file__).resolve().parent / "data" / "services.yaml"

DESCRIPTIVE = (
    "kind",
    "description",
    "eligibility_description",
    "application_process",
    "fees_description",
    "languages",
)


def read_services(path: Path = SERVICES_FILE) -> list[Mapping[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    rows = data.get("services") if isinstance(data, dict) else None
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise ReferenceDataError(f"{path}: 'services' must be a list of mappings")
    for index, row in enumerate(rows):
        where = f"{path} services[{index}]"
        for key in ("organization", "name", "kind"):
            if not isinstance(row.get(key), str) or not row[key].strip():
                raise ReferenceDataError(f"{where}: '{key}' must be a non-empty text")
        if row["kind"] not in ServiceKind.values:
            raise ReferenceDataError(f"{where}: unknown kind {row['kind']!r}")
    return rows


@transaction.atomic
def load_services(
    path: Path = SERVICES_FILE, *, now: dt.datetime | None = None, counts: Counts | None = None
) -> Counts:
    """Create or update the seeded services; returns what was done."""
    now = now or timezone.now()
    counts = counts or Counts()
    rows = read_services(path)
    organizations = {o.slug: o for o in Organization.objects.all()}
    regions = {r.code: r for r in Region.objects.all()}
    clienteles = {c.code: c for c in Clientele.objects.all()}
    existing = {(s.organization_id, s.name): s for s in Service.objects.all()}
    for index, row in enumerate(rows):
        where = f"{path} services[{index}]"
        organization = organizations.get(row["organization"])
        if organization is None:
            raise ReferenceDataError(f"{where}: unknown organization {row['organization']!r}")
        unknown = sorted(set(row.get("regions", [])) - regions.keys())
        unknown += sorted(set(row.get("clienteles", [])) - clienteles.keys())
        if unknown:
            raise ReferenceDataError(f"{where}: unknown region or clientele codes {unknown}")
        values = {
            field: row.get(field, "" if field != "languages" else []) for field in DESCRIPTIVE
        }
        service = existing.get((organization.pk, row["name"]))
        if service is None:
            service = Service(organization=organization, name=row["name"], **values)
            _first_capacity(service, row.get("capacity") or {}, now)
            save_with_history_if_possible(service)
            status = "created"
        else:
            changed = [f for f, value in values.items() if getattr(service, f) != value]
            for field in changed:
                setattr(service, field, values[field])
            if changed:
                save_with_history_if_possible(service)
            status = "updated" if changed else "unchanged"
        wanted_regions = {regions[code] for code in row.get("regions", [])}
        wanted_clienteles = {clienteles[code] for code in row.get("clienteles", [])}
        if status == "created" or set(service.regions.all()) != wanted_regions:
            service.regions.set(wanted_regions)
            status = "updated" if status == "unchanged" else status
        if status == "created" or set(service.clienteles.all()) != wanted_clienteles:
            service.clienteles.set(wanted_clienteles)
            status = "updated" if status == "unchanged" else status
        wanted_locations = set(organization.locations.filter(region__in=wanted_regions))
        if status == "created" or set(service.locations.all()) != wanted_locations:
            service.locations.set(wanted_locations)
            status = "updated" if status == "unchanged" else status
        counts.add(status)  # type: ignore[arg-type]
    return counts


def _first_capacity(service: Service, capacity: Mapping[str, Any], now: dt.datetime) -> None:
    service.capacity_available = capacity.get("available")
    service.capacity_maximum = capacity.get("maximum")
    service.waiting_list_length = capacity.get("waiting") or 0
    service.estimated_wait_days = capacity.get("estimated_wait_days")
    service.capacity_unit = capacity.get("unit") or "places"
    days = capacity.get("updated_days_ago")
    service.capacity_updated_at = None if days is None else now - dt.timedelta(days=days)
