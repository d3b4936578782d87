"""Input columns of a batch: codes as text (or small integers) turned into enum indices.

A million rows are encoded in a few numpy passes (a 64-bit key per string and a binary search over
the handful of known codes), and every unusable value is flagged per row rather than failing the
whole batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from sentier_rules.codes import (
    CHANNEL_CODES,
    INITIATORS,
    JURISDICTION_CODES,
    PROGRAM_CODES,
    PROGRAMS,
    REGION_CODES,
)

Array = npt.NDArray[Any]

#: Columns each measure needs in a batch (others are optional).
BATCH_NEEDED: Final[dict[str, tuple[str, ...]]] = {
    "support_plan": ("region", "program", "claim_booklet"),
    "service_plan": ("region", "program"),
    "paas_action": ("program", "weekly_hours"),
    "employment_fast_track": (
        "jurisdiction",
        "program",
        "application_channel",
        "employment_ready",
        "first_nations_site",
    ),
}
_NONE_TEXTS: Final = ("", "None", "none", "null")


def column_length(columns: dict[str, Array]) -> int:
    """The common length of the columns (they must all have the same)."""
    lengths = {len(np.asarray(values)) for values in columns.values()}
    if len(lengths) > 1:
        raise ValueError(f"columns differ in length: {sorted(lengths)}")
    return lengths.pop() if lengths else 0


def flag(invalid: dict[str, Array], name: str, mask: Array) -> None:
    """Record the rows where column ``name`` holds an unusable value."""
    if mask.any():
        invalid[name] = invalid.get(name, np.zeros(mask.shape, dtype=bool)) | mask


def _texts(values: Array) -> Array:
    # Object columns (e.g. with None) become fixed-width text; None becomes "".
    array = np.asarray(values)
    if array.dtype.kind == "O":
        array = np.array(["" if v is None else str(v) for v in array])
    return array


def _keys(array: Array) -> Array:
    """A 64-bit key per string of a fixed-width unicode column (a polynomial over code points).

    Comparing a million strings once per known code costs a pass per code; one key per row and a
    binary search over the handful of known keys costs a pass per character instead.
    """
    width = array.dtype.itemsize // 4
    key = np.zeros(len(array), dtype=np.uint64)
    if width == 0 or len(array) == 0:
        return key
    chars = np.ascontiguousarray(array).view(np.uint32).reshape(-1, width)
    multiplier = np.uint64(1_000_003)
    for position in range(width):
        key *= multiplier  # wraps modulo 2**64 on purpose
        key += chars[:, position]
    return key


def encode_codes(
    values: Array, codes: Sequence[str], *, offset: int = 0
) -> tuple[Array, Array, Array]:
    """(indices + offset, is-none mask, unknown mask) of a column of codes."""
    array = _texts(values)
    count = len(array)
    if array.dtype.kind in "iu":
        # Small integers: only regions are written this way (1..17, 0 for none).
        numbers = array.astype(np.int64)
        known = (numbers >= 1) & (numbers <= len(codes))
        none = numbers == 0
        index = np.where(known, numbers - 1 + offset, 0).astype(np.int16)
        return index, none, ~known & ~none
    if array.dtype.kind != "U":
        array = array.astype(str)
    width = array.dtype.itemsize // 4
    # Candidates longer than the column cannot occur in it (and would be truncated here).
    table = [text for text in (*codes, *_NONE_TEXTS) if len(text) <= width] or [""]
    candidates = np.array(table, dtype=array.dtype)
    candidate_keys = _keys(candidates)
    order = np.argsort(candidate_keys)
    keys = _keys(array)
    position = np.searchsorted(candidate_keys[order], keys).clip(0, len(table) - 1)
    found = order[position]
    # Keys can collide in theory: confirm every hit with one exact string comparison.
    hit = (candidate_keys[found] == keys) & (candidates[found] == array)
    known_codes = np.array([text in codes for text in table]) & np.array(
        [text not in _NONE_TEXTS for text in table]
    )
    code_index = np.array([codes.index(t) if t in codes else 0 for t in table], dtype=np.int16)
    known = hit & known_codes[found]
    none = (hit & ~known_codes[found]) | (count == 0)
    index = np.where(known, code_index[found] + offset, 0).astype(np.int16)
    return index, none, ~known & ~none


def batch_inputs(
    measure: str, columns: dict[str, Array], count: int, initiated_by: str
) -> tuple[dict[str, Array], dict[str, Array]]:
    """Input arrays for the simulation, and per-field masks of rows whose value is invalid."""
    for name in BATCH_NEEDED[measure]:
        if name not in columns:
            raise ValueError(f"column {name!r} is needed for {measure}")
    invalid: dict[str, Array] = {}
    inputs: dict[str, Array] = {}
    program, none, unknown = encode_codes(columns.get("program", np.full(count, "")), PROGRAM_CODES)
    flag(invalid, "program", none | unknown)
    inputs["program"] = program
    if "jurisdiction" in columns:
        jurisdiction, none, unknown = encode_codes(columns["jurisdiction"], JURISDICTION_CODES)
        flag(invalid, "jurisdiction", none | unknown)
    else:
        table = np.array([JURISDICTION_CODES.index(PROGRAMS[c][2]) for c in PROGRAM_CODES])
        jurisdiction = table[program].astype(np.int16)
    inputs["jurisdiction"] = jurisdiction
    if "region" in columns:
        region, none, unknown = encode_codes(columns["region"], REGION_CODES, offset=1)
        flag(invalid, "region", unknown)
        if measure in ("support_plan", "service_plan"):
            # A Québec file needs its region; an Ontario one has none.
            flag(invalid, "region", none & (jurisdiction == JURISDICTION_CODES.index("QC")))
        inputs["region"] = region
    if "claim_booklet" in columns:
        booklet = _texts(columns["claim_booklet"])
        inputs["claim_booklet"] = np.where(np.isin(booklet, _NONE_TEXTS), "", booklet)
    if "weekly_hours" in columns:
        inputs["weekly_hours"] = np.asarray(columns["weekly_hours"], dtype=np.float64)
    if "application_channel" in columns:
        channel, none, unknown = encode_codes(
            columns["application_channel"], CHANNEL_CODES, offset=1
        )
        flag(invalid, "application_channel", none | unknown)
        inputs["application_channel"] = channel
    for name in ("asylum_seeker", "employment_ready", "first_nations_site"):
        if name in columns:
            inputs[name] = np.asarray(columns[name]).astype(bool)
    inputs["service_plan_initiated_by"] = np.full(
        count, INITIATORS.index(initiated_by), dtype=np.int16
    )
    return inputs, invalid
