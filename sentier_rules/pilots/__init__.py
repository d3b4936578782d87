"""The pilot registry: which measure was tried where, from when, and how it is compared.

Read from ``pilots.yaml`` beside this module (dated, sourced parameters, like ``parameters/``).
No Django: a policy analyst can load it on its own::

    >>> from sentier_rules.pilots import list_pilots
    >>> [p.id for p in list_pilots()]
    ['support_plan_2026', 'employment_fast_track_2025']
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

REGISTRY = Path(__file__).resolve().parent / "pilots.yaml"

#: Every treated region: the pilot started everywhere at once (no untreated comparison group).
ALL = "all"


class Design(StrEnum):
    DIFFERENCE_IN_DIFFERENCES = "difference_in_differences"
    BEFORE_AFTER_COHORTS = "before_after_cohorts"


@dataclass(frozen=True)
class Pilot:
    id: str
    measure: str
    jurisdiction: str
    start: dt.date
    #: Region codes, or ``("all",)`` when every region (site) started at once.
    treated: tuple[str, ...]
    design: Design
    outcomes: tuple[str, ...]
    mirrors: str
    label_fr: str
    label_en: str
    reference: str

    @property
    def everywhere(self) -> bool:
        return self.treated == (ALL,)

    def label(self, language: str) -> str:
        return self.label_fr if language.startswith("fr") else self.label_en

    def treats(self, region_code: str) -> bool:
        return self.everywhere or region_code in self.treated


def _pilot(pilot_id: str, raw: dict[str, Any]) -> Pilot:
    treated = raw["treated"]
    start = raw["start"]
    if not isinstance(start, dt.date):
        start = dt.date.fromisoformat(str(start))
    return Pilot(
        id=pilot_id,
        measure=str(raw["measure"]),
        jurisdiction=str(raw["jurisdiction"]),
        start=start,
        treated=(ALL,) if treated == ALL else tuple(str(code) for code in treated),
        design=Design(raw["design"]),
        outcomes=tuple(str(outcome) for outcome in raw["outcomes"]),
        mirrors=str(raw.get("mirrors", "")),
        label_fr=str(raw["label_fr"]),
        label_en=str(raw["label_en"]),
        reference=" ".join(str(raw["reference"]).split()),
    )


@functools.cache
def list_pilots() -> tuple[Pilot, ...]:
    """Every pilot of the registry, in the file's order."""
    raw: dict[str, dict[str, Any]] = yaml.safe_load(REGISTRY.read_text(encoding="utf-8"))
    return tuple(_pilot(pilot_id, fields) for pilot_id, fields in raw.items())


def get_pilot(pilot_id: str) -> Pilot:
    """The pilot named ``pilot_id``; ``KeyError`` if the registry has none."""
    for pilot in list_pilots():
        if pilot.id == pilot_id:
            return pilot
    raise KeyError(pilot_id)
