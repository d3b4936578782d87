"""PAAS Action money for one month (002_68267d4da4c33b1f.txt — Principales caractéristiques).

Vectorised with numpy, in integer cents: a participant's support allowance for the days of the
month they take part, and the organization's payment for the places granted and occupied. The
amounts (173 $, 200 $) and the two readings of the brochure (partial months, which places are
paid) are dated parameters in ``parameters/paas_action/``, read at the first day of the month.
Every function reads the shared tax-benefit system, or the ``system`` it is given (a reform: the
simulator prices a changed allowance with these same functions).

Dates are numpy ``datetime64[D]`` vectors (lists of :class:`datetime.date` are accepted); an end
date is the last day of participation, included, and ``NaT``/``None`` means "still going".
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from sentier_rules.system import tax_benefit_system
from sentier_rules.variables.paas_action import to_cents

Int64Array = npt.NDArray[np.int64]
DateArray = npt.NDArray[np.datetime64]

PRORATED_BY_DAY = "prorated_by_day"
FULL_MONTH = "full_month"
OCCUPIED_AND_GRANTED = "occupied_and_granted"
GRANTED = "granted"


def first_of_month(day: dt.date) -> dt.date:
    """The first day of ``day``'s month."""
    return day.replace(day=1)


def last_of_month(month: dt.date) -> dt.date:
    """The last day of ``month``'s month."""
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def _parameters(month: dt.date, system: Any = None) -> Any:
    root = (system if system is not None else tax_benefit_system()).parameters
    return root(first_of_month(month).isoformat()).paas_action


def monthly_allowance_cents(month: dt.date, *, system: Any = None) -> int:
    """The full monthly support allowance in force on the first day of ``month``, in cents."""
    return to_cents(_parameters(month, system).monthly_allowance)


def payment_per_place_cents(month: dt.date, *, system: Any = None) -> int:
    """The monthly payment per paid place in force on the first day of ``month``, in cents."""
    return to_cents(_parameters(month, system).monthly_payment_per_place)


def allowance_partial_month(month: dt.date, *, system: Any = None) -> str:
    """``prorated_by_day`` or ``full_month`` (parameter ``allowance_partial_month``)."""
    value = str(_parameters(month, system).allowance_partial_month)
    if value not in (PRORATED_BY_DAY, FULL_MONTH):
        raise ValueError(f"Unknown allowance_partial_month: {value!r}")
    return value


def organization_payment_basis(month: dt.date, *, system: Any = None) -> str:
    """``occupied_and_granted`` or ``granted`` (parameter ``organization_payment_basis``)."""
    value = str(_parameters(month, system).organization_payment_basis)
    if value not in (OCCUPIED_AND_GRANTED, GRANTED):
        raise ValueError(f"Unknown organization_payment_basis: {value!r}")
    return value


def as_dates(values: Sequence[dt.date | None] | npt.NDArray[Any]) -> DateArray:
    """A ``datetime64[D]`` vector from dates, ``None`` (→ NaT) or an existing array."""
    if isinstance(values, np.ndarray) and np.issubdtype(values.dtype, np.datetime64):
        return values.astype("datetime64[D]")
    return np.array(
        [np.datetime64("NaT") if v is None else np.datetime64(v, "D") for v in values],
        dtype="datetime64[D]",
    )


def _day_offsets(
    month: dt.date,
    starts: Sequence[dt.date | None] | npt.NDArray[Any],
    ends: Sequence[dt.date | None] | npt.NDArray[Any],
) -> tuple[Int64Array, Int64Array, int]:
    """First and last day of participation within the month, as offsets 0..days-1 (first > last
    when the placement does not touch the month), and the number of days of the month."""
    start = as_dates(starts)
    end = as_dates(ends)
    if start.shape != end.shape:
        raise ValueError("starts and ends must have the same length")
    if np.isnat(start).any():
        raise ValueError("every placement needs a start date")
    ended = ~np.isnat(end)
    if (ended & (end < start)).any():
        raise ValueError("an end date is before its start date")
    first = np.datetime64(first_of_month(month), "D")
    days = calendar.monthrange(month.year, month.month)[1]
    last_offset = np.int64(days - 1)
    start_offset = (start - first).astype(np.int64)
    end_offset = np.where(ended, (end - first).astype(np.int64), last_offset)
    return (
        np.maximum(start_offset, 0).astype(np.int64),
        np.minimum(end_offset, last_offset).astype(np.int64),
        days,
    )


def participation_days(
    month: dt.date,
    starts: Sequence[dt.date | None] | npt.NDArray[Any],
    ends: Sequence[dt.date | None] | npt.NDArray[Any],
) -> Int64Array:
    """Calendar days of ``month`` each placement is active (start and end days included)."""
    low, high, _days = _day_offsets(month, starts, ends)
    days: Int64Array = np.maximum(high - low + 1, 0).astype(np.int64)
    return days


def allowance_cents(
    month: dt.date,
    starts: Sequence[dt.date | None] | npt.NDArray[Any],
    ends: Sequence[dt.date | None] | npt.NDArray[Any],
    *,
    system: Any = None,
) -> Int64Array:
    """Each participant's support allowance for ``month`` in cents (0 when not active in it).

    ``prorated_by_day``: allowance × days of participation ÷ days of the month, rounded half-up to
    the cent (integer arithmetic). ``full_month``: the whole allowance for any day of participation.
    """
    days_in = participation_days(month, starts, ends)
    full = monthly_allowance_cents(month, system=system)
    month_days = calendar.monthrange(month.year, month.month)[1]
    if allowance_partial_month(month, system=system) == FULL_MONTH:
        return np.where(days_in > 0, full, 0).astype(np.int64)
    # Half-up rounding of full * d / D without floats: floor((2 * full * d + D) / (2 * D)).
    return ((2 * full * days_in + month_days) // (2 * month_days)).astype(np.int64)


def occupied_places(
    month: dt.date,
    starts: Sequence[dt.date | None] | npt.NDArray[Any],
    ends: Sequence[dt.date | None] | npt.NDArray[Any],
    groups: Sequence[int] | npt.NDArray[np.integer[Any]],
    group_count: int,
) -> Int64Array:
    """Places occupied in ``month`` for each group of placements (e.g. each place allocation).

    ``groups[i]`` is the group (0..group_count-1) of placement ``i``. The places occupied are the
    largest number of the group's placements active on the same day of the month: two
    participants who follow each other occupy one place; a group with no active day has 0.
    """
    low, high, days = _day_offsets(month, starts, ends)
    group = np.asarray(groups, dtype=np.int64)
    if group.shape != low.shape:
        raise ValueError("groups must have one entry per placement")
    if group.size and (group.min() < 0 or group.max() >= group_count):
        raise ValueError("a group number is out of range")
    active = high >= low
    # +1 on the first day, -1 after the last: a running sum gives the count for every day.
    delta = np.zeros((group_count, days + 1), dtype=np.int64)
    np.add.at(delta, (group[active], low[active]), 1)
    np.add.at(delta, (group[active], high[active] + 1), -1)
    peak: Int64Array = np.cumsum(delta[:, :days], axis=1).max(axis=1).astype(np.int64)
    return peak


def paid_places(
    month: dt.date,
    granted_places: int | npt.NDArray[np.integer[Any]],
    occupied: int | npt.NDArray[np.integer[Any]],
    *,
    system: Any = None,
) -> Int64Array:
    """Places paid for ``month``: min(occupied, granted), or every granted place (parameter)."""
    granted = np.asarray(granted_places, dtype=np.int64)
    taken = np.asarray(occupied, dtype=np.int64)
    if (granted < 0).any() or (taken < 0).any():
        raise ValueError("place counts cannot be negative")
    if organization_payment_basis(month, system=system) == GRANTED:
        return np.broadcast_to(granted, np.broadcast_shapes(granted.shape, taken.shape)).copy()
    return np.minimum(granted, taken).astype(np.int64)


def organization_payment_cents(
    month: dt.date,
    granted_places: int | npt.NDArray[np.integer[Any]],
    occupied: int | npt.NDArray[np.integer[Any]],
    non_profit: bool | npt.NDArray[np.bool_] = True,
    *,
    system: Any = None,
) -> Int64Array:
    """The organization's payment for ``month`` in cents: paid places × the amount per place.

    Only non-profit organizations can receive it (002), so a for-profit one gets 0. Scalars give a
    0-dimensional array (``int(...)`` it); vectors give one amount per allocation.
    """
    places = paid_places(month, granted_places, occupied, system=system)
    amount = places * np.int64(payment_per_place_cents(month, system=system))
    return np.where(np.asarray(non_profit, dtype=bool), amount, 0).astype(np.int64)
