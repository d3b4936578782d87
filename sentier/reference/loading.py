"""Load reference data from the committed YAML files, idempotently.

Regions and programs come from ``sentier/reference/data/reference.yaml``; the apps above add
their own data through a registered :class:`Loader` (the network's directory: the clientele
taxonomy, the RSSMO members and their services, see :mod:`sentier.network.directory`). Every
row is found by its natural key (region code, program code, clientele code, organization slug,
location (organization, region, phone)) and written only when a value differs, so a second run
changes nothing and adds no history rows. Used by ``sentier load_reference``, the demo-data
loader and the tests.

Each jurisdiction loads its own data and nothing of the other's: Québec its regions, programs
and the RSSMO directory; Ontario (``SENTIER_JURISDICTION=on``) its programs, service areas and
dated lists (``data/ontario.yaml``) and Employment Ontario.

The files are checked before anything is written: an unknown region or clientele code, a slug
with two names (or a name with two slugs), or one organization published with two different
clienteles stops the load with :class:`ReferenceDataError`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal, Protocol, TypeVar

import yaml
from django.conf import settings
from django.db import models, transaction
from django.utils import translation

from sentier.reference.models import (
    DeferralReason,
    Jurisdiction,
    PrescribedClass,
    Program,
    Region,
)

REFERENCE_FILE = Path(__file__).resolve().parent / "data" / "reference.yaml"
ONTARIO_FILE = Path(__file__).resolve().parent / "data" / "ontario.yaml"

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
    # Ontario configuration only (SENTIER_JURISDICTION=on); a kind a jurisdiction does not load
    # is left out of items().
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
            if getattr(self, f.name).total  # what this jurisdiction loads
        ]


# ---------------------------------------------------------------- reading and checking the files


@dataclasses.dataclass(frozen=True)
class NamedRow:
    """A region, program or clientele: a code and its French and English names."""

    code: str
    name_fr_ca: str
    name_en_ca: str
    jurisdiction: str = Jurisdiction.QUEBEC
    # Programs only: False for the public employment services (no financial assistance).
    assistance: bool = True


def read_yaml(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise ReferenceDataError(f"{path}: expected a mapping at the top level")
    return data


def text_of(row: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> str:
    value = row.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise ReferenceDataError(f"{where}: '{key}' must be a non-empty text")
    return value.strip()


def rows_of(data: Mapping[str, Any], key: str, where: str) -> list[Mapping[str, Any]]:
    rows = data.get(key)
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise ReferenceDataError(f"{where}: '{key}' must be a list of mappings")
    return rows


def named_rows(data: Mapping[str, Any], key: str, where: str) -> list[NamedRow]:
    result: list[NamedRow] = []
    for index, row in enumerate(rows_of(data, key, where)):
        spot = f"{where} {key}[{index}]"
        jurisdiction = str(row.get("jurisdiction", Jurisdiction.QUEBEC))
        if jurisdiction not in Jurisdiction.values:
            raise ReferenceDataError(f"{spot}: unknown jurisdiction {jurisdiction!r}")
        result.append(
            NamedRow(
                code=text_of(row, "code", spot),
                name_fr_ca=text_of(row, "name_fr_ca", spot),
                name_en_ca=text_of(row, "name_en_ca", spot),
                jurisdiction=jurisdiction,
                assistance=row.get("assistance", True) is not False,
            )
        )
    codes = [r.code for r in result]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise ReferenceDataError(f"{where}: duplicate {key} codes {duplicates}")
    return result


def read_reference(path: Path = REFERENCE_FILE) -> tuple[list[NamedRow], list[NamedRow]]:
    """Regions and programs of the reference file (of every jurisdiction)."""
    data = read_yaml(path)
    return named_rows(data, "regions", str(path)), named_rows(data, "programs", str(path))


def program_names() -> list[str]:
    """The programs' English names, which participant pages in other languages translate
    (``sentier.reference.names``)."""
    _regions, programs = read_reference()
    return [program.name_en_ca for program in programs]


def of_jurisdiction(rows: Iterable[NamedRow], jurisdiction: str) -> list[NamedRow]:
    """The rows of one jurisdiction (``Jurisdiction`` value, ``"QC"`` or ``"ON"``)."""
    return [row for row in rows if row.jurisdiction == jurisdiction]


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


def sync_row(
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


def names_of(row: NamedRow) -> dict[str, str]:
    return {"name_fr_ca": row.name_fr_ca, "name_en_ca": row.name_en_ca}


def load_regions(rows: Iterable[NamedRow], counts: Counts) -> dict[str, Region]:
    regions: dict[str, Region] = {}
    for row in rows:
        region, status = sync_row(
            Region, {"code": row.code}, {**names_of(row), "jurisdiction": row.jurisdiction}
        )
        counts.add(status)
        regions[row.code] = region
    return regions


def load_programs(rows: Iterable[NamedRow], counts: Counts) -> None:
    for row in rows:
        _program, status = sync_row(
            Program,
            {"code": row.code},
            {**names_of(row), "jurisdiction": row.jurisdiction, "assistance": row.assistance},
        )
        counts.add(status)


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
    for index, row in enumerate(rows_of(data, key, where)):
        here = f"{where}: {key}[{index}]"
        code = text_of(row, "code", here)
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
                name_fr_ca=text_of(row, "name_fr_ca", here),
                name_en_ca=text_of(row, "name_en_ca", here),
                source=text_of(row, "source", here),
                active_from=start,
                active_until=end,
            )
        )
    return result


def read_ontario(
    path: Path = ONTARIO_FILE,
) -> tuple[list[NamedRow], list[DatedRow], list[DatedRow]]:
    """Ontario service areas (as regions), deferral reasons and prescribed classes."""
    data = read_yaml(path)
    areas: list[NamedRow] = []
    for index, row in enumerate(rows_of(data, "service_areas", str(path))):
        here = f"{path}: service_areas[{index}]"
        if row.get("kind") not in ("cmsm", "dssab"):
            raise ReferenceDataError(f"{here}: 'kind' must be cmsm or dssab")
        areas.append(
            NamedRow(
                code=text_of(row, "code", here),
                name_fr_ca=text_of(row, "name_fr_ca", here),
                name_en_ca=text_of(row, "name_en_ca", here),
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
        _row, status = sync_row(
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


def load_ontario_data(
    report: LoadReport, path: Path = ONTARIO_FILE, reference_file: Path = REFERENCE_FILE
) -> None:
    """Ontario's programs, service areas, deferral reasons, prescribed classes and Employment
    Ontario."""
    _regions, programs = read_reference(reference_file)
    areas, reasons, classes = read_ontario(path)
    load_programs(of_jurisdiction(programs, Jurisdiction.ONTARIO), report.programs)
    load_regions(areas, report.service_areas)
    _load_dated(DeferralReason, reasons, report.deferral_reasons)
    _load_dated(PrescribedClass, classes, report.prescribed_classes)
    for loader in LOADERS:
        loader.load_ontario()


# ---------------------------------------------------------------- the apps' loaders


class Loader(Protocol):
    """What an app loads with the reference data (register it from ``AppConfig.ready``).

    ``read`` checks its files before anything is written (raising :class:`ReferenceDataError`)
    and returns what ``load`` writes, in the reference data's transaction, after the regions.
    ``read``, ``load`` and ``finish`` serve the Québec configuration (the RSSMO directory);
    ``load_ontario`` is what the Ontario configuration loads instead. ``finish`` runs after that
    transaction and returns the counts the command prints last.
    """

    def read(self, *, region_codes: list[str], files: Mapping[str, Path]) -> object: ...
    def load(self, data: object, *, regions: Mapping[str, Region], report: LoadReport) -> None: ...
    def load_ontario(self) -> None: ...
    def finish(self) -> list[tuple[str, Counts]]: ...


LOADERS: list[Loader] = []


def register_loader(loader: Loader) -> None:
    """Load ``loader``'s data with the reference data (``sentier load_reference``)."""
    LOADERS.append(loader)


def finish_loading(jurisdiction: str | None = None) -> list[tuple[str, Counts]]:
    """What the loaders write after the Québec reference data (the RSSMO members' services);
    nothing in the Ontario configuration."""
    if (jurisdiction or settings.SENTIER_JURISDICTION).lower() == "on":
        return []
    return [row for loader in LOADERS for row in loader.finish()]


def load_reference_data(
    *,
    reference_file: Path = REFERENCE_FILE,
    jurisdiction: str | None = None,
    **files: Path,
) -> LoadReport:
    """Load the reference data of one jurisdiction, and only of it; safe to run again.

    Québec (the default): its 17 regions, its programs and what the apps registered (the
    network's clienteles and RSSMO directory); ``files`` replace a loader's files
    (``rssmo_file=...``). Ontario (``SENTIER_JURISDICTION=on``, or ``jurisdiction="on"``): its
    programs, service areas, deferral reasons, prescribed classes and Employment Ontario. Neither
    installation lists a row of the other (issue 21: no Québec region or organization in an
    Ontario database, nor the converse).
    """
    jurisdiction = (jurisdiction or settings.SENTIER_JURISDICTION).lower()
    report = LoadReport()
    if jurisdiction == "on":
        read_reference(reference_file)  # checked all the same
        with (
            translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE),
            transaction.atomic(),
        ):
            load_ontario_data(report, reference_file=reference_file)
        return report
    region_rows, program_rows = read_reference(reference_file)
    region_rows = of_jurisdiction(region_rows, Jurisdiction.QUEBEC)
    program_rows = of_jurisdiction(program_rows, Jurisdiction.QUEBEC)
    region_codes = [r.code for r in region_rows]
    read = [(loader, loader.read(region_codes=region_codes, files=files)) for loader in LOADERS]
    # The untranslated ``name`` column takes the active language's value on save: write in the
    # default language so that it always holds the French name.
    with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE), transaction.atomic():
        regions = load_regions(region_rows, report.regions)
        load_programs(program_rows, report.programs)
        for loader, data in read:
            loader.load(data, regions=regions, report=report)
    return report
