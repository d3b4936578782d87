"""Shared pieces of the variables: the person entity, the enums and vectorised look-ups.

Look-ups turn a dated parameter (a list of codes, or one true/false value per region) into a small
table indexed by the enum index of each person, so a million persons cost one numpy take, not a
Python loop per person.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
from openfisca_core.entities import build_entity
from openfisca_core.periods import DateUnit

from sentier_rules._openfisca import Enum
from sentier_rules.codes import (
    CHANNEL_CODES,
    INITIATORS,
    JURISDICTION_CODES,
    PROGRAM_CODES,
    REGION_CODES,
    REGIONS,
)

BoolArray = npt.NDArray[np.bool_]

DAY = DateUnit.DAY

Person: Any = build_entity(
    key="person",
    plural="persons",
    label="Person (recipient or applicant)",
    doc="A recipient of, or applicant for, last-resort assistance.",
    is_person=True,
)

# Enum member names must be identifiers, so regions are r01..r17; index 0 is "no Québec region"
# (an Ontario file), which makes a region's enum index equal to its numeric code.
Region: Any = Enum(
    "Region",
    [("none", "no Québec region")]
    + [(f"r{code}", f"{code} {REGIONS[code][0]}") for code in REGION_CODES],
)
Program: Any = Enum("Program", [(code, code) for code in PROGRAM_CODES])
Jurisdiction: Any = Enum("Jurisdiction", [(code, code) for code in JURISDICTION_CODES])
Channel: Any = Enum("Channel", [("none", "not known")] + [(code, code) for code in CHANNEL_CODES])
Initiator: Any = Enum("Initiator", [(code, code) for code in INITIATORS])

#: Region codes in enum-index order ("" for index 0, no region).
REGION_TABLE_CODES: tuple[str, ...] = ("", *REGION_CODES)


def indices(enum_array: Any) -> npt.NDArray[np.int16]:
    """The plain int16 indices behind an OpenFisca EnumArray."""
    return np.asarray(enum_array, dtype=np.int16)


def codes_in_list(enum_array: Any, codes: tuple[str, ...], allowed: Any) -> BoolArray:
    """True where the person's code (enum index into ``codes``) is in the parameter list."""
    allowed_set = set(allowed or ())
    table = np.fromiter((code in allowed_set for code in codes), dtype=bool, count=len(codes))
    return table[indices(enum_array)]


def region_in_list(region: Any, allowed: Any) -> BoolArray:
    """True where the person's Québec region is in a parameter list of region codes."""
    return codes_in_list(region, REGION_TABLE_CODES, allowed)


def region_flags(region: Any, node: Any) -> BoolArray:
    """Per-region dated booleans (a parameter node with one child per region code), looked up."""
    table = np.array([False] + [bool(node[code]) for code in REGION_CODES], dtype=bool)
    return table[indices(region)]


def asylum_seeker_admitted(person: Any, period: Any, node: Any) -> BoolArray:
    """Asylum seekers are admitted unless excluded, and then only in the pilot regions."""
    asylum_seeker = np.asarray(person("asylum_seeker", period), dtype=bool)
    if not node.excluded:
        return np.ones_like(asylum_seeker)
    in_pilot = region_in_list(person("region", period), node.pilot_regions)
    return ~asylum_seeker | in_pilot


def asylum_seeker_in_pilot(person: Any, period: Any, node: Any) -> BoolArray:
    """An asylum seeker let in by a pilot region (only meaningful when they are excluded)."""
    asylum_seeker = np.asarray(person("asylum_seeker", period), dtype=bool)
    if not node.excluded:
        return np.zeros_like(asylum_seeker)
    return asylum_seeker & region_in_list(person("region", period), node.pilot_regions)
