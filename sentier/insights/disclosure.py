"""Disclosure control: the one layer every figure passes through before anyone sees it.

Every screen, export, command and API that shows an aggregate about people builds its cells and
hands them here (issue 17, "Privacy"):

- ``protect_counts``: counts under ``THRESHOLD`` are suppressed (primary suppression); then
  enough other cells are suppressed (complementary suppression) that no suppressed cell can be
  worked out from the cells and totals that stay visible. Totals along ``margins`` are part of
  the table: they are added as cells whose group holds ``TOTAL`` for the summed key, and
  protected with the rest.
- ``protect_rate``: a rate on a denominator under the threshold is suppressed, and so is 0 % or
  100 % on a small group (it tells something about every member of the group).
- ``protect_median``: a median (days, amounts) over fewer people than the threshold is suppressed.

A suppressed cell carries ``value=None`` and no numerator or denominator: nothing of it leaves.

Complementary suppression works line by line (a line: the cells that differ only by one margin
key, with their total). A line whose unknowns (suppressed members and total) number exactly one
gives that one away; a line whose known total exposes the sum of its suppressed members tells
that sum, so it must be at least the threshold. Those two rules are applied until stable, then a
linear-algebra check (the null space of the system of line equations) finds any suppressed cell
the lines still determine together, as a bridge between two suppressed cycles of a two-way
table would be, and suppresses a neighbour until none is determined.

No Django here beyond the threshold setting: pilot evaluation and simulations import it too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import numpy as np
from django.conf import settings

THRESHOLD: int = int(getattr(settings, "SENTIER_DISCLOSURE_THRESHOLD", 10))
"""Counts under this number are never shown (issue 17: "parameter, default 10")."""

SMALL_GROUP_FACTOR = 2
"""0 % and 100 % are suppressed on groups smaller than this many times the threshold."""

TOTAL = "*"
"""The group value of a total along a key (``{"region": "*", "month": "2026-05"}``)."""


@dataclass(frozen=True)
class Cell:
    """One figure of a table: the group it describes and its value, or suppressed."""

    group: Mapping[str, str]
    value: int | float | Decimal | None
    numerator: int | None = None
    denominator: int | None = None
    suppressed: bool = False

    def is_total(self) -> bool:
        return TOTAL in self.group.values()

    def as_dict(self) -> dict[str, Any]:
        """The cell as the command line and the exports write it."""
        value: Any = self.value
        if isinstance(value, Decimal):
            value = float(value)
        return {
            "group": dict(self.group),
            "value": value,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "suppressed": self.suppressed,
        }


def suppressed_cell(group: Mapping[str, str]) -> Cell:
    """A cell with nothing in it but its group."""
    return Cell(group=dict(group), value=None, suppressed=True)


@dataclass
class _Line:
    members: list[int] = field(default_factory=list)
    total: int | None = None


def protect_counts(
    cells: Sequence[Cell], *, threshold: int = THRESHOLD, margins: Sequence[str] = ()
) -> list[Cell]:
    """The cells with every count under ``threshold`` suppressed, and with enough others
    suppressed that neither the visible cells nor the totals along ``margins`` give one back.

    Returns the given cells in their order, followed by the total cells along ``margins`` that
    were not given (their group holds ``TOTAL`` for each summed key; every combination of the
    margin keys, so two margins also give the grand total). Cells whose value is ``None`` and
    that are not suppressed ("not held") are left as they are and count as zero in totals.
    """
    table = list(cells) + _missing_totals(cells, margins)
    values = [_count(cell) for cell in table]
    hidden = [
        cell.suppressed or (cell.value is not None and values[i] < threshold)
        for i, cell in enumerate(table)
    ]
    lines = _lines(table, margins)
    while True:
        changed = _protect_lines(lines, values, hidden, threshold)
        if not changed:
            changed = _protect_determined(lines, values, hidden)
        if not changed:
            break
    return [suppressed_cell(cell.group) if hidden[i] else cell for i, cell in enumerate(table)]


def protect_rate(
    numerator: int,
    denominator: int,
    *,
    threshold: int = THRESHOLD,
    group: Mapping[str, str] | None = None,
) -> Cell:
    """The rate ``numerator / denominator``, or a suppressed cell.

    Suppressed: a denominator under the threshold; 0 % or 100 % on a group under
    ``SMALL_GROUP_FACTOR`` times the threshold. A numerator (or its complement) under the
    threshold is not given as a count beside a visible rate.
    """
    group = dict(group or {})
    if denominator < threshold or denominator <= 0:
        return suppressed_cell(group)
    if numerator in (0, denominator) and denominator < SMALL_GROUP_FACTOR * threshold:
        return suppressed_cell(group)
    small_part = min(numerator, denominator - numerator) < threshold
    return Cell(
        group=group,
        value=numerator / denominator,
        numerator=None if small_part else numerator,
        denominator=None if small_part else denominator,
    )


def protect_median(
    values: Sequence[float], *, threshold: int = THRESHOLD, group: Mapping[str, str] | None = None
) -> Cell:
    """The median of ``values`` with its count as denominator, or suppressed under the threshold."""
    group = dict(group or {})
    if len(values) < threshold:
        return suppressed_cell(group)
    ordered = sorted(values)
    middle = len(ordered) // 2
    median = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    return Cell(group=group, value=median, denominator=len(ordered))


def _count(cell: Cell) -> float:
    if cell.value is None:
        return 0.0
    return float(cell.value)


def _missing_totals(cells: Sequence[Cell], margins: Sequence[str]) -> list[Cell]:
    """The totals along every non-empty subset of ``margins`` not already among ``cells``."""
    if not margins:
        return []
    inner = [cell for cell in cells if not cell.is_total()]
    present = {_key(cell.group) for cell in cells if cell.is_total()}
    sums: dict[tuple[tuple[str, str], ...], float] = {}
    order: list[tuple[tuple[str, str], ...]] = []
    subsets = [
        [key for bit, key in enumerate(margins) if mask >> bit & 1]
        for mask in range(1, 1 << len(margins))
    ]
    for cell in inner:
        for subset in subsets:
            if not all(key in cell.group for key in subset):
                continue  # a cell without the key has no total along it
            group = {k: (TOTAL if k in subset else v) for k, v in cell.group.items()}
            key = _key(group)
            if key in present:
                continue
            if key not in sums:
                sums[key] = 0.0
                order.append(key)
            sums[key] += _count(cell)
    return [Cell(group=dict(key), value=_as_count(sums[key])) for key in order]


def _as_count(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _key(group: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(group.items()))


def _lines(table: Sequence[Cell], margins: Sequence[str]) -> list[_Line]:
    """For each margin key, the cells that differ only by that key, with their total."""
    lines: list[_Line] = []
    for margin in margins:
        by_rest: dict[tuple[tuple[str, str], ...], _Line] = {}
        for index, cell in enumerate(table):
            if margin not in cell.group:
                continue
            rest = _key({k: v for k, v in cell.group.items() if k != margin})
            line = by_rest.setdefault(rest, _Line())
            if cell.group[margin] == TOTAL:
                line.total = index
            else:
                line.members.append(index)
        lines.extend(line for line in by_rest.values() if line.total is not None)
    return lines


def _smallest_visible(indexes: Sequence[int], values: Sequence[float], hidden: list[bool]) -> int:
    """The visible cell whose loss costs least (the smallest; the first of equals), or -1."""
    visible = [i for i in indexes if not hidden[i]]
    return min(visible, key=lambda i: (values[i], i)) if visible else -1


def _protect_lines(
    lines: Sequence[_Line], values: Sequence[float], hidden: list[bool], threshold: int
) -> bool:
    """One pass of the line rules; True if it suppressed anything."""
    changed = False
    for line in lines:
        assert line.total is not None
        unknown_members = [i for i in line.members if hidden[i]]
        total_hidden = hidden[line.total]
        unknowns = len(unknown_members) + (1 if total_hidden else 0)
        exposed_sum = (
            not total_hidden
            and unknown_members
            and sum(values[i] for i in unknown_members) < threshold
        )
        if unknowns == 1 or exposed_sum:
            pick = _smallest_visible(line.members, values, hidden)
            if pick < 0 and not total_hidden:
                pick = line.total
            if pick >= 0:
                hidden[pick] = True
                changed = True
    return changed


def _protect_determined(
    lines: Sequence[_Line], values: Sequence[float], hidden: list[bool]
) -> bool:
    """Suppress a neighbour of every suppressed cell the line equations determine together
    (all of them in one pass: each check is a singular value decomposition)."""
    determined = determined_cells(lines_as_equations(lines), hidden)
    if not determined:
        return False
    changed = False
    for index in determined:
        for line in lines:
            assert line.total is not None
            if index != line.total and index not in line.members:
                continue
            pick = _smallest_visible(line.members, values, hidden)
            if pick < 0 and not hidden[line.total]:
                pick = line.total
            if pick >= 0:
                hidden[pick] = True
                changed = True
                break
    if not changed:
        # Every line through a determined cell is fully hidden: widen to the whole table.
        pick = _smallest_visible(
            [i for line in lines for i in [*line.members, line.total] if i is not None],
            values,
            hidden,
        )
        if pick >= 0:
            hidden[pick] = True
            changed = True
    return changed


def lines_as_equations(lines: Sequence[_Line]) -> list[list[tuple[int, int]]]:
    """Each line as (cell index, coefficient) pairs: members minus total equals zero."""
    equations = []
    for line in lines:
        assert line.total is not None
        equations.append([(i, 1) for i in line.members] + [(line.total, -1)])
    return equations


def determined_cells(
    equations: Sequence[Sequence[tuple[int, int]]], hidden: Sequence[bool]
) -> list[int]:
    """The hidden cells whose value follows from the equations and the visible cells.

    Only the hidden cells are unknowns. A hidden cell is determined when its unit vector lies
    in the row space of the equations restricted to the unknowns, that is when the null space
    of that matrix is zero on its coordinate. The unknowns are split into the groups the
    equations connect, and each group's matrix is checked by :func:`null_weights`.
    """
    unknowns = [i for i, h in enumerate(hidden) if h]
    if not unknowns:
        return []
    rows = [[cell for cell, _ in equation if hidden[cell]] for equation in equations]
    parent = {cell: cell for cell in unknowns}

    def root(cell: int) -> int:
        while parent[cell] != cell:
            parent[cell] = parent[parent[cell]]
            cell = parent[cell]
        return cell

    for cells in rows:
        for cell in cells[1:]:
            parent[root(cell)] = root(cells[0])
    groups: dict[int, list[int]] = {}
    for cell in unknowns:
        groups.setdefault(root(cell), []).append(cell)
    by_group: dict[int, list[int]] = {}
    for index, cells in enumerate(rows):
        if cells:
            by_group.setdefault(root(cells[0]), []).append(index)
    determined: list[int] = []
    for key, cells in groups.items():
        chosen = by_group.get(key, [])
        if not chosen:
            continue  # in no equation: nothing tells its value
        column = {cell: c for c, cell in enumerate(cells)}
        matrix = np.zeros((len(chosen), len(cells)))
        for r, index in enumerate(chosen):
            for cell, coefficient in equations[index]:
                if cell in column:
                    matrix[r, column[cell]] += coefficient
        weight = null_weights(matrix)
        determined.extend(cell for cell, c in column.items() if weight[c] < NULL_TOLERANCE)
    return sorted(determined)


#: A hidden cell is determined when the null space weighs less than this on its coordinate.
NULL_TOLERANCE = 1e-6


def null_weights(matrix: np.ndarray) -> np.ndarray:
    """For each column of ``matrix`` (equations × unknowns), how much the null space weighs on
    it: 0 when the equations determine that unknown.

    A tall or square matrix (as many equations as unknowns or more): the eigenvectors of AᵀA
    whose eigenvalue is zero span the null space; the weight is their largest component on the
    column. A wide one (a region × month table of rates has a few hundred line equations for a
    thousand hidden cells) is read from the other side, at the cost of the number of equations
    cubed instead of the number of unknowns cubed: the eigenvectors of AAᵀ with a non-zero
    eigenvalue λ give the row space (Aᵀu/√λ), and the weight is the squared norm of what of the
    unit vector the row space leaves (1 − its squared projection on the row space; rounding
    leaves about 1e-12 on a determined cell, an undetermined one weighs 1e-3 and more). Either
    way an eigenvalue is zero when at most ``1e-9`` times the largest (at least 1).
    """
    rows, columns = matrix.shape
    if rows >= columns:
        gram = matrix.T @ matrix
        eigenvalues, eigenvectors = np.linalg.eigh(gram)
        tolerance = 1e-9 * max(1.0, float(eigenvalues[-1]))
        null = eigenvectors[:, eigenvalues <= tolerance]
        if null.shape[1] == 0:
            return np.zeros(columns)
        largest: np.ndarray = np.abs(null).max(axis=1)
        return largest
    eigenvalues, eigenvectors = np.linalg.eigh(matrix @ matrix.T)
    tolerance = 1e-9 * max(1.0, float(eigenvalues[-1]))
    kept = eigenvalues > tolerance
    # Column j of A against each kept eigenvector, squared, over its eigenvalue: the squared
    # components of the unit vector e_j on the row space's orthonormal basis.
    along = (matrix.T @ eigenvectors[:, kept]) ** 2 / eigenvalues[kept]
    left: np.ndarray = np.clip(1.0 - along.sum(axis=1), 0.0, None)
    return left


def margin_equations(cells: Sequence[Cell], margins: Sequence[str]) -> list[list[tuple[int, int]]]:
    """The line equations of a protected table (for tests and audits of an output)."""
    return lines_as_equations(_lines(cells, margins))
