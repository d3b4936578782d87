"""The versioned, bilingual indicator catalogue, read from ``catalogue.yaml`` (indicators as code).

Each :class:`Definition` says what one figure counts: its population, numerator, denominator, the
event that dates it, its source, its unit and the breakdowns it allows. A changed definition is a
new version of the indicator; ``current()`` gives the latest version of each, ``definition(id,
version)`` any version a report was made with. The ``fingerprint`` of each version is a short hash
of its wording: the tests check it, so a definition cannot change silently under its version.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from django.utils.translation import get_language

from sentier.reference.selectors import current_jurisdiction

CATALOGUE_FILE = Path(__file__).with_name("catalogue.yaml")

#: The breakdowns every indicator may allow, in the order tables list them.
COMMON_BREAKDOWNS = ("area", "region", "month", "program", "channel", "language", "age_band")


@dataclass(frozen=True)
class Text:
    fr: str
    en: str

    def __str__(self) -> str:
        return self.en if (get_language() or "fr").startswith("en") else self.fr

    def as_dict(self) -> dict[str, str]:
        return {"fr": self.fr, "en": self.en}


@dataclass(frozen=True)
class Definition:
    id: str
    version: int
    jurisdictions: tuple[str, ...]
    unit: str
    shape: str
    compute: str
    breakdowns: tuple[str, ...]
    label: Text
    population: Text
    numerator: Text
    denominator: Text
    dated_by: Text
    source: str
    fingerprint: str
    superseded_on: str | None = None

    @property
    def definition(self) -> Text:
        """The whole definition in one sentence per language, shown beside every figure."""
        fr = (
            f"{self.population.fr} Numérateur : {self.numerator.fr} "
            f"Dénominateur : {self.denominator.fr} Daté par : {self.dated_by.fr} "
            f"Source : {self.source}. Version {self.version}."
        )
        en = (
            f"{self.population.en} Numerator: {self.numerator.en} "
            f"Denominator: {self.denominator.en} Dated by: {self.dated_by.en} "
            f"Source: {self.source}. Version {self.version}."
        )
        return Text(fr, en)

    def computed_fingerprint(self) -> str:
        return fingerprint_of(self)


@dataclass(frozen=True)
class NotHeld:
    id: str
    label: Text
    why: Text


def _text(raw: dict[str, str]) -> Text:
    return Text(fr=str(raw["fr"]), en=str(raw["en"]))


def fingerprint_of(definition: Definition) -> str:
    """A short hash of what a version says (not its fingerprint nor when it was superseded)."""
    wording: dict[str, Any] = {
        "id": definition.id,
        "version": definition.version,
        "unit": definition.unit,
        "shape": definition.shape,
        "compute": definition.compute,
        "breakdowns": list(definition.breakdowns),
        "texts": [
            t.as_dict()
            for t in (
                definition.label,
                definition.population,
                definition.numerator,
                definition.denominator,
                definition.dated_by,
            )
        ],
        "source": definition.source,
    }
    encoded = json.dumps(wording, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(encoded).hexdigest()[:12]


@cache
def _load() -> tuple[str, tuple[Definition, ...], tuple[NotHeld, ...]]:
    raw = yaml.safe_load(CATALOGUE_FILE.read_text(encoding="utf-8"))
    definitions = tuple(
        Definition(
            id=str(item["id"]),
            version=int(item["version"]),
            # Quoted in the file: YAML 1.1 reads a bare ON as true.
            jurisdictions=tuple(str(code) for code in item["jurisdictions"]),
            unit=str(item["unit"]),
            shape=str(item["shape"]),
            compute=str(item["compute"]),
            breakdowns=tuple(item["breakdowns"]),
            label=_text(item["label"]),
            population=_text(item["population"]),
            numerator=_text(item["numerator"]),
            denominator=_text(item["denominator"]),
            dated_by=_text(item["dated_by"]),
            source=str(item["source"]),
            fingerprint=str(item["fingerprint"]),
            superseded_on=item.get("superseded_on"),
        )
        for item in raw["indicators"]
    )
    not_held = tuple(
        NotHeld(id=str(item["id"]), label=_text(item["label"]), why=_text(item["why"]))
        for item in raw.get("not_held", [])
    )
    return str(raw["catalogue_version"]), definitions, not_held


def catalogue_version() -> str:
    return _load()[0]


def all_definitions() -> tuple[Definition, ...]:
    """Every version of every indicator, superseded ones included."""
    return _load()[1]


def current() -> list[Definition]:
    """The latest version of each indicator of this jurisdiction, in catalogue order."""
    here = current_jurisdiction()
    latest: dict[str, Definition] = {}
    for item in all_definitions():
        if here not in item.jurisdictions:
            continue
        if item.id not in latest or item.version > latest[item.id].version:
            latest[item.id] = item
    return list(latest.values())


def definition(indicator_id: str, version: int | None = None) -> Definition:
    """One indicator: its latest version of this jurisdiction, or the version asked for."""
    if version is None:
        for item in current():
            if item.id == indicator_id:
                return item
    else:
        for item in all_definitions():
            if item.id == indicator_id and item.version == version:
                return item
    raise KeyError(indicator_id)


def not_held() -> tuple[NotHeld, ...]:
    """The outcomes and breakdowns the issue asks for that the files do not hold."""
    return _load()[2]


def known_breakdowns() -> set[str]:
    """Every breakdown some current indicator allows (the command line checks ``--by``)."""
    return {key for item in current() for key in item.breakdowns}
