"""Load the network's directory from ``data/``, idempotently: the clientele taxonomy, the RSSMO
members (organizations and their listings as locations), Employment Ontario, and the seeded
services of the members (``services.yaml``).

:class:`DirectoryLoader` is registered with the reference data (``NetworkConfig.ready``), so
``sentier load_reference`` loads it in the reference data's transaction, after the regions, and
checks its files before anything is written. A service is found by (organization, name); its
descriptive fields are written only when they differ. Its capacity is written only when the
service is created: capacity is live data the organization updates, so a second load never
overwrites what they said.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.utils import timezone

from sentier.network.models import Clientele, Location, Organization, Service, ServiceKind
from sentier.network.search import refreshed_once
from sentier.reference.loading import (
    Counts,
    LoadReport,
    NamedRow,
    ReferenceDataError,
    named_rows,
    names_of,
    read_yaml,
    rows_of,
    save_with_history_if_possible,
    sync_row,
    text_of,
)
from sentier.reference.models import Region

NETWORK_DATA = Path(__file__).resolve().parent / "data"
SERVICES_FILE = NETWORK_DATA / "services.yaml"
CLIENTELES_FILE = NETWORK_DATA / "clienteles.yaml"
RSSMO_FILE = NETWORK_DATA / "rssmo_members.yaml"
#: The Employment Ontario recipient of fast-track referrals (004): one organization in the
#: network, with one service of kind ``employment_ontario``.
EMPLOYMENT_ONTARIO_SLUG = "employment-ontario"
#: The slugs of the Ontario directory's demo organizations (``data/ontario_demo_hsds``) start
#: with this: the directory page says they are demonstration data while one is listed.
ONTARIO_DEMO_SLUG_PREFIX = "demo-on-"
#: Slugs of the Québec demo's fictitious organizations start with this (sentier.network.demo).
QUEBEC_DEMO_SLUG_PREFIX = "demo-qc-"

DESCRIPTIVE = (
    "kind",
    "description",
    "eligibility_description",
    "application_process",
    "fees_description",
    "languages",
)


# ---------------------------------------------------------------- the directory


@dataclasses.dataclass(frozen=True)
class Listing:
    """One published listing of the RSSMO directory: an organization in one region."""

    region: str
    organization: str
    name: str
    phone: str
    city: str
    points_of_service: int | None
    points_of_service_text: str
    clientele_text: str
    clienteles: tuple[str, ...]


def read_clienteles(path: Path = CLIENTELES_FILE) -> list[NamedRow]:
    """The clientele taxonomy."""
    return named_rows(read_yaml(path), "clienteles", str(path))


def clientele_names() -> list[str]:
    """The clienteles' English names, which participant pages in other languages translate
    (``sentier.reference.names``)."""
    return [clientele.name_en_ca for clientele in read_clienteles()]


def read_rssmo_directory(
    path: Path = RSSMO_FILE,
    *,
    region_codes: Iterable[str],
    clientele_codes: Iterable[str],
) -> list[Listing]:
    """Every listing of the RSSMO directory, checked against the known regions and clienteles."""
    known_regions, known_clienteles = set(region_codes), set(clientele_codes)
    listings: list[Listing] = []
    for block_index, block in enumerate(rows_of(read_yaml(path), "regions", str(path))):
        spot = f"{path} regions[{block_index}]"
        region = text_of(block, "region", spot)
        if region not in known_regions:
            raise ReferenceDataError(f"{spot}: unknown region code {region!r}")
        for index, row in enumerate(rows_of(block, "members", spot)):
            where = f"{spot} members[{index}]"
            count = row.get("points_of_service")
            if count is not None and (not isinstance(count, int) or count < 1):
                raise ReferenceDataError(f"{where}: points_of_service must be null or >= 1")
            codes = row.get("clienteles")
            if not (isinstance(codes, list) and codes and all(isinstance(c, str) for c in codes)):
                raise ReferenceDataError(f"{where}: 'clienteles' must be a list of codes")
            unknown = sorted(set(codes) - known_clienteles)
            if unknown:
                raise ReferenceDataError(f"{where}: unknown clientele codes {unknown}")
            listings.append(
                Listing(
                    region=region,
                    organization=text_of(row, "organization", where),
                    name=text_of(row, "name", where),
                    phone=text_of(row, "phone", where),
                    city=text_of(row, "city", where, required=False),
                    points_of_service=count,
                    points_of_service_text=text_of(
                        row, "points_of_service_text", where, required=False
                    ),
                    clientele_text=text_of(row, "clientele_text", where),
                    clienteles=tuple(codes),
                )
            )
    _check_organizations(listings, str(path))
    return listings


def _check_organizations(listings: list[Listing], where: str) -> None:
    """Same name ⇔ same slug, and one organization publishes one clientele everywhere."""
    by_slug: dict[str, Listing] = {}
    slug_by_name: dict[str, str] = {}
    seen_keys: set[tuple[str, str, str]] = set()
    for listing in listings:
        first = by_slug.setdefault(listing.organization, listing)
        if first.name != listing.name:
            raise ReferenceDataError(
                f"{where}: '{listing.organization}' is named both {first.name!r} "
                f"and {listing.name!r}"
            )
        if (first.clientele_text, sorted(first.clienteles)) != (
            listing.clientele_text,
            sorted(listing.clienteles),
        ):
            raise ReferenceDataError(
                f"{where}: '{listing.organization}' has different clienteles in two regions"
            )
        other = slug_by_name.setdefault(listing.name, listing.organization)
        if other != listing.organization:
            raise ReferenceDataError(
                f"{where}: {listing.name!r} has two identifiers, '{other}' and "
                f"'{listing.organization}'"
            )
        key = (listing.organization, listing.region, listing.phone)
        if key in seen_keys:
            raise ReferenceDataError(f"{where}: listing {key} appears twice")
        seen_keys.add(key)


def load_clienteles(rows: Iterable[NamedRow], counts: Counts) -> dict[str, Clientele]:
    clienteles: dict[str, Clientele] = {}
    for row in rows:
        clientele, status = sync_row(Clientele, {"code": row.code}, names_of(row))
        counts.add(status)
        clienteles[row.code] = clientele
    return clienteles


def load_rssmo_directory(
    listings: Iterable[Listing],
    *,
    regions: Mapping[str, Region],
    clienteles: Mapping[str, Clientele],
    report: LoadReport,
) -> None:
    """RSSMO members as organizations (non-profit, ``rssmo_member``), listings as locations."""
    organizations: dict[str, Organization] = {}
    for listing in listings:
        organization = organizations.get(listing.organization)
        if organization is None:
            organization, status = sync_row(
                Organization,
                {"slug": listing.organization},
                {
                    "name": listing.name,
                    "clientele_text": listing.clientele_text,
                    "rssmo_member": True,
                    "non_profit": True,
                },
            )
            wanted = {clienteles[code] for code in listing.clienteles}
            if set(organization.clienteles.all()) != wanted:
                organization.clienteles.set(wanted)
                status = "updated" if status == "unchanged" else status
            report.organizations.add(status)
            organizations[listing.organization] = organization
        _location, status = sync_row(
            Location,
            {
                "organization": organization,
                "region": regions[listing.region],
                "phone": listing.phone,
            },
            {
                "city": listing.city,
                "points_of_service": listing.points_of_service,
                "points_of_service_text": listing.points_of_service_text,
            },
        )
        report.locations.add(status)


def load_employment_ontario() -> Organization:
    """The Employment Ontario recipient of fast-track referrals (one organization, one service)."""
    organization, _status = sync_row(
        Organization,
        {"slug": EMPLOYMENT_ONTARIO_SLUG},
        {"name": "Emploi Ontario / Employment Ontario", "non_profit": False},
    )
    if not Service.objects.filter(
        organization=organization, kind=ServiceKind.EMPLOYMENT_ONTARIO
    ).exists():
        Service.objects.create(
            organization=organization,
            kind=ServiceKind.EMPLOYMENT_ONTARIO,
            name="Emploi Ontario / Employment Ontario",
        )
    return organization


@dataclasses.dataclass(frozen=True)
class Directory:
    """The directory's files, read and checked."""

    clienteles: list[NamedRow]
    listings: list[Listing]


class DirectoryLoader:
    """The network's part of ``sentier load_reference`` (a ``reference.loading.Loader``)."""

    def read(self, *, region_codes: list[str], files: Mapping[str, Path]) -> Directory:
        clienteles = read_clienteles(files.get("clienteles_file", CLIENTELES_FILE))
        listings = read_rssmo_directory(
            files.get("rssmo_file", RSSMO_FILE),
            region_codes=region_codes,
            clientele_codes=[c.code for c in clienteles],
        )
        return Directory(clienteles=clienteles, listings=listings)

    def load(self, data: object, *, regions: Mapping[str, Region], report: LoadReport) -> None:
        assert isinstance(data, Directory)
        with refreshed_once():
            clienteles = load_clienteles(data.clienteles, report.clienteles)
            load_rssmo_directory(
                data.listings, regions=regions, clienteles=clienteles, report=report
            )

    def load_ontario(self) -> None:
        with refreshed_once():
            load_employment_ontario()

    def finish(self) -> list[tuple[str, Counts]]:
        with refreshed_once():
            return [("services", load_services())]


# ---------------------------------------------------------------- the seeded services


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
