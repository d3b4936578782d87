"""Load reference data from the committed YAML files, idempotently.

Regions and programs come from ``sentier/reference/data/reference.yaml``; the clientele taxonomy
and the RSSMO member directory from ``sentier/network/data/``. Every row is found by its natural
key (region code, program code, clientele code, organization slug, location (organization,
region, phone)) and written only when a value differs, so a second run changes nothing and adds
no history rows. Used by ``sentier load_reference``, the demo-data loader and the tests.

The files are checked before anything is written: an unknown region or clientele code, a slug
with two names (or a name with two slugs), or one organization published with two different
clienteles stops the load with :class:`ReferenceDataError`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from django.conf import settings
from django.db import models, transaction
from django.utils import translation

from sentier.network.models import Clientele, Location, Organization, Service, ServiceKind
from sentier.reference.models import (
    DeferralReason,
    Jurisdiction,
    PrescribedClass,
    Program,
    Region,
)

REFERENCE_FILE = Path(__file__).resolve().parent / "data" / "reference.yaml"
ONTARIO_FILE = Path(__file__).resolve().parent / "data" / "ontario.yaml"
#: The Employment Ontario recipient of fast-track referrals (004): one organization in the
#: network, with one service of kind ``employment_ontario``.
EMPLOYMENT_ONTARIO_SLUG = "employment-ontario"
NETWORK_DATA = Path(__file__).resolve().parent.parent / "network" / "data"
CLIENTELES_FILE = NETWORK_DATA / "clienteles.yaml"
RSSMO_FILE = NETWORK_DATA / "rssmo_members.yaml"

Status = Literal["created", "updated", "unchanged"]
ModelT = TypeVar("ModelT", bound=models.Model)


class ReferenceDataError(ValueError):
    """A data file is malformed or inconsistent; nothing was written."""


@dataclasses.dataclass
class Counts:
    """What one load did to one kind of row."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged

    def add(self, status: Status) -> None:
        setattr(self, status, getattr(self, status) + 1)


@dataclasses.dataclass
class LoadReport:
    """Counts per kind of row, in loading order."""

    regions: Counts = dataclasses.field(default_factory=Counts)
    programs: Counts = dataclasses.field(default_factory=Counts)
    clienteles: Counts = dataclasses.field(default_factory=Counts)
    organizations: Counts = dataclasses.field(default_factory=Counts)
    locations: Counts = dataclasses.field(default_factory=Counts)
    # Ontario configuration only (SENTIER_JURISDICTION=on); left out of items() when not loaded.
    service_areas: Counts = dataclasses.field(default_factory=Counts)
    deferral_reasons: Counts = dataclasses.field(default_factory=Counts)
    prescribed_classes: Counts = dataclasses.field(default_factory=Counts)

    @property
    def changed(self) -> bool:
        return any(counts.created or counts.updated for _kind, counts in self.items())

    def items(self) -> list[tuple[str, Counts]]:
        return [
            (f.name, getattr(self, f.name))
            for f in dataclasses.fields(self)
            if f.name not in ONTARIO_KINDS or getattr(self, f.name).total
        ]


ONTARIO_KINDS = frozenset({"service_areas", "deferral_reasons", "prescribed_classes"})


# ---------------------------------------------------------------- reading and checking the files


@dataclasses.dataclass(frozen=True)
class NamedRow:
    """A region, program or clientele: a code and its French and English names."""

    code: str
    name_fr_ca: str
    name_en_ca: str
    jurisdiction: str = Jurisdiction.QUEBEC


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


def _read_yaml(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise ReferenceDataError(f"{path}: expected a mapping at the top level")
    return data


def _text(row: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> str:
    value = row.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise ReferenceDataError(f"{where}: '{key}' must be a non-empty text")
    return value.strip()


def _rows(data: Mapping[str, Any], key: str, where: str) -> list[Mapping[str, Any]]:
    rows = data.get(key)
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise ReferenceDataError(f"{where}: '{key}' must be a list of mappings")
    return rows


def _named_rows(data: Mapping[str, Any], key: str, where: str) -> list[NamedRow]:
    result: list[NamedRow] = []
    for index, row in enumerate(_rows(data, key, where)):
        spot = f"{where} {key}[{index}]"
        jurisdiction = str(row.get("jurisdiction", Jurisdiction.QUEBEC))
        if jurisdiction not in Jurisdiction.values:
            raise ReferenceDataError(f"{spot}: unknown jurisdiction {jurisdiction!r}")
        result.append(
            NamedRow(
                code=_text(row, "code", spot),
                name_fr_ca=_text(row, "name_fr_ca", spot),
                name_en_ca=_text(row, "name_en_ca", spot),
                jurisdiction=jurisdiction,
            )
        )
    codes = [r.code for r in result]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise ReferenceDataError(f"{where}: duplicate {key} codes {duplicates}")
    return result


def read_reference(path: Path = REFERENCE_FILE) -> tuple[list[NamedRow], list[NamedRow]]:
    """Regions and programs of the reference file."""
    data = _read_yaml(path)
    return _named_rows(data, "regions", str(path)), _named_rows(data, "programs", str(path))


def read_clienteles(path: Path = CLIENTELES_FILE) -> list[NamedRow]:
    """The clientele taxonomy."""
    return _named_rows(_read_yaml(path), "clienteles", str(path))


def read_rssmo_directory(
    path: Path = RSSMO_FILE,
    *,
    region_codes: Iterable[str],
    clientele_codes: Iterable[str],
) -> list[Listing]:
    """Every listing of the RSSMO directory, checked against the known regions and clienteles."""
    known_regions, known_clienteles = set(region_codes), set(clientele_codes)
    listings: list[Listing] = []
    for block_index, block in enumerate(_rows(_read_yaml(path), "regions", str(path))):
        spot = f"{path} regions[{block_index}]"
        region = _text(block, "region", spot)
        if region not in known_regions:
            raise ReferenceDataError(f"{spot}: unknown region code {region!r}")
        for index, row in enumerate(_rows(block, "members", spot)):
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
                    organization=_text(row, "organization", where),
                    name=_text(row, "name", where),
                    phone=_text(row, "phone", where),
                    city=_text(row, "city", where, required=False),
                    points_of_service=count,
                    points_of_service_text=_text(
                        row, "points_of_service_text", where, required=False
                    ),
                    clientele_text=_text(row, "clientele_text", where),
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


# ---------------------------------------------------------------- writing


def history_can_record(model: type[models.Model]) -> bool:
    """Whether the model's simple-history table has a column for each of the model's fields.

    simple-history builds a history model before modeltranslation adds ``name_fr_ca`` and
    ``name_en_ca``; unless the history model is registered for translation too (as
    ``HistoricalClientele`` is), writing a history row fails. Such rows are then saved without
    history (as the e2e fixtures create them), until the history model gets the columns.
    """
    history = getattr(model, "history", None)
    if history is None:
        return False
    recorded = {field.attname for field in history.model._meta.concrete_fields}
    return all(field.attname in recorded for field in model._meta.concrete_fields)


def _save(instance: models.Model, *, with_history: bool) -> None:
    if not with_history:
        # simple-history's documented switch: no history row for this save.
        setattr(instance, "skip_history_when_saving", True)  # noqa: B010
    try:
        instance.save()
    finally:
        if not with_history:
            delattr(instance, "skip_history_when_saving")


def save_with_history_if_possible(instance: models.Model) -> None:
    """Save a reference row, with a history row unless its history table cannot take one."""
    _save(instance, with_history=history_can_record(type(instance)))


def delete_with_history_if_possible(instance: models.Model) -> None:
    """Delete a reference row, recording the deletion unless its history table cannot."""
    if not history_can_record(type(instance)):
        setattr(instance, "skip_history_when_saving", True)  # noqa: B010
    instance.delete()


def _sync(
    model: type[ModelT], lookup: Mapping[str, Any], values: Mapping[str, Any]
) -> tuple[ModelT, Status]:
    """Find the row by its natural key; create it, or save it only if a value differs."""
    with_history = history_can_record(model)
    found = model._default_manager.filter(**lookup).first()
    if found is None:
        created = model(**lookup, **values)
        _save(created, with_history=with_history)
        return created, "created"
    changed = [field for field, value in values.items() if getattr(found, field) != value]
    if not changed:
        return found, "unchanged"
    for field in changed:
        setattr(found, field, values[field])
    _save(found, with_history=with_history)
    return found, "updated"


def _names(row: NamedRow) -> dict[str, str]:
    return {"name_fr_ca": row.name_fr_ca, "name_en_ca": row.name_en_ca}


def load_regions(rows: Iterable[NamedRow], counts: Counts) -> dict[str, Region]:
    regions: dict[str, Region] = {}
    for row in rows:
        region, status = _sync(
            Region, {"code": row.code}, {**_names(row), "jurisdiction": row.jurisdiction}
        )
        counts.add(status)
        regions[row.code] = region
    return regions


def load_programs(rows: Iterable[NamedRow], counts: Counts) -> None:
    for row in rows:
        _program, status = _sync(
            Program, {"code": row.code}, {**_names(row), "jurisdiction": row.jurisdiction}
        )
        counts.add(status)


def load_clienteles(rows: Iterable[NamedRow], counts: Counts) -> dict[str, Clientele]:
    clienteles: dict[str, Clientele] = {}
    for row in rows:
        clientele, status = _sync(Clientele, {"code": row.code}, _names(row))
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
            organization, status = _sync(
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
        _location, status = _sync(
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


@dataclasses.dataclass(frozen=True)
class DatedRow:
    """A deferral reason or a prescribed class: code, names, source and dates."""

    code: str
    name_fr_ca: str
    name_en_ca: str
    source: str
    active_from: dt.date
    active_until: dt.date | None


def _date(row: Mapping[str, Any], key: str, where: str, *, required: bool) -> dt.date | None:
    value = row.get(key)
    if value is None and not required:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ReferenceDataError(f"{where}: '{key}' must be a date (YYYY-MM-DD)") from None


def _dated_rows(data: Mapping[str, Any], key: str, where: str) -> list[DatedRow]:
    result: list[DatedRow] = []
    seen: set[str] = set()
    for index, row in enumerate(_rows(data, key, where)):
        here = f"{where}: {key}[{index}]"
        code = _text(row, "code", here)
        if code in seen:
            raise ReferenceDataError(f"{here}: code {code!r} appears twice")
        seen.add(code)
        start = _date(row, "active_from", here, required=True)
        assert start is not None
        end = _date(row, "active_until", here, required=False)
        if end is not None and end < start:
            raise ReferenceDataError(f"{here}: 'active_until' is before 'active_from'")
        result.append(
            DatedRow(
                code=code,
                name_fr_ca=_text(row, "name_fr_ca", here),
                name_en_ca=_text(row, "name_en_ca", here),
                source=_text(row, "source", here),
                active_from=start,
                active_until=end,
            )
        )
    return result


def read_ontario(
    path: Path = ONTARIO_FILE,
) -> tuple[list[NamedRow], list[DatedRow], list[DatedRow]]:
    """Ontario service areas (as regions), deferral reasons and prescribed classes."""
    data = _read_yaml(path)
    areas: list[NamedRow] = []
    for index, row in enumerate(_rows(data, "service_areas", str(path))):
        here = f"{path}: service_areas[{index}]"
        if row.get("kind") not in ("cmsm", "dssab"):
            raise ReferenceDataError(f"{here}: 'kind' must be cmsm or dssab")
        areas.append(
            NamedRow(
                code=_text(row, "code", here),
                name_fr_ca=_text(row, "name_fr_ca", here),
                name_en_ca=_text(row, "name_en_ca", here),
                jurisdiction=Jurisdiction.ONTARIO,
            )
        )
    if len({area.code for area in areas}) != len(areas):
        raise ReferenceDataError(f"{path}: a service area code appears twice")
    return (
        areas,
        _dated_rows(data, "deferral_reasons", str(path)),
        _dated_rows(data, "prescribed_classes", str(path)),
    )


def _load_dated(
    model: type[DeferralReason] | type[PrescribedClass], rows: Iterable[DatedRow], counts: Counts
) -> None:
    for row in rows:
        _row, status = _sync(
            model,
            {"code": row.code},
            {
                "name_fr_ca": row.name_fr_ca,
                "name_en_ca": row.name_en_ca,
                "source": row.source,
                "active_from": row.active_from,
                "active_until": row.active_until,
            },
        )
        counts.add(status)


def load_employment_ontario() -> Organization:
    """The Employment Ontario recipient of fast-track referrals (one organization, one service)."""
    organization, _status = _sync(
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


def load_ontario_data(report: LoadReport, path: Path = ONTARIO_FILE) -> None:
    """Ontario service areas, deferral reasons, prescribed classes and Employment Ontario."""
    areas, reasons, classes = read_ontario(path)
    load_regions(areas, report.service_areas)
    _load_dated(DeferralReason, reasons, report.deferral_reasons)
    _load_dated(PrescribedClass, classes, report.prescribed_classes)
    load_employment_ontario()


def load_reference_data(
    *,
    reference_file: Path = REFERENCE_FILE,
    clienteles_file: Path = CLIENTELES_FILE,
    rssmo_file: Path = RSSMO_FILE,
    jurisdiction: str | None = None,
) -> LoadReport:
    """Load regions, programs, clienteles and the RSSMO directory; safe to run again.

    In the Ontario configuration (``SENTIER_JURISDICTION=on``, or ``jurisdiction="on"``), also
    the Ontario service areas, deferral reasons, prescribed classes and Employment Ontario; a
    Québec installation never lists them.
    """
    jurisdiction = (jurisdiction or settings.SENTIER_JURISDICTION).lower()
    region_rows, program_rows = read_reference(reference_file)
    clientele_rows = read_clienteles(clienteles_file)
    listings = read_rssmo_directory(
        rssmo_file,
        region_codes=[r.code for r in region_rows],
        clientele_codes=[c.code for c in clientele_rows],
    )
    report = LoadReport()
    # The untranslated ``name`` column takes the active language's value on save: write in the
    # default language so that it always holds the French name.
    with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE), transaction.atomic():
        regions = load_regions(region_rows, report.regions)
        load_programs(program_rows, report.programs)
        clienteles = load_clienteles(clientele_rows, report.clienteles)
        load_rssmo_directory(listings, regions=regions, clienteles=clienteles, report=report)
        if jurisdiction == "on":
            load_ontario_data(report)
    return report
