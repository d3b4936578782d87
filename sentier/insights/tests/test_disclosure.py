"""Property tests of the disclosure layer on random tables (issue 17, "Privacy"): no visible cell
is under the threshold, and no suppressed cell can be worked out from what stays visible."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sentier.insights.disclosure import (
    SMALL_GROUP_FACTOR,
    TOTAL,
    Cell,
    determined_cells,
    margin_equations,
    protect_counts,
    protect_median,
    protect_rate,
)

# Counts skewed towards the small ones, so that most tables need suppression.
counts = st.one_of(st.integers(0, 12), st.integers(0, 60), st.integers(0, 400))


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[Cell], tuple[str, ...], int]:
    dimensions = draw(st.integers(1, 3))
    keys = ("region", "month", "program")[:dimensions]
    sizes = [draw(st.integers(1, 6)) for _ in keys]
    threshold = draw(st.sampled_from([3, 5, 10]))
    cells = [
        Cell(group={k: f"{k[0]}{v}" for k, v in zip(keys, combo, strict=True)}, value=draw(counts))
        for combo in itertools.product(*(range(n) for n in sizes))
    ]
    margins = tuple(k for k in keys if draw(st.booleans())) or keys[:1]
    return cells, margins, threshold


def check_protected(cells: list[Cell], margins: tuple[str, ...], threshold: int) -> None:
    protected = protect_counts(cells, threshold=threshold, margins=margins)
    inner = {tuple(sorted(c.group.items())): c.value for c in cells}
    true_values = dict(inner)
    # Totals computed from the true values: what a reader could hold against the output.
    for cell in protected:
        key = tuple(sorted(cell.group.items()))
        if cell.is_total():
            expected = sum(
                value or 0
                for group, value in inner.items()
                if all(v == TOTAL or dict(group)[k] == v for k, v in cell.group.items())
            )
            true_values[key] = expected
    # The given cells come back first, in their order; visible ones unchanged.
    for given_cell, out in zip(cells, protected, strict=False):
        assert given_cell.group == out.group
        if not out.suppressed:
            assert out.value == given_cell.value
    for cell in protected:
        if cell.suppressed:
            assert (cell.value, cell.numerator, cell.denominator) == (None, None, None)
        else:
            assert cell.value is not None, cell
            assert cell.value >= threshold, cell
            assert cell.value == true_values[tuple(sorted(cell.group.items()))]
    hidden = [cell.suppressed for cell in protected]
    equations = margin_equations(protected, margins)
    # No suppressed cell follows from the equations of the lines and the visible cells: checked
    # here by ranks (a cell is determined when adding its unit row leaves the rank unchanged),
    # independently of the layer's own eigenvector check.
    assert determined_cells(equations, hidden) == []
    assert recoverable_by_rank(equations, hidden) == []
    # No line with a visible total has exactly one unknown, nor exposes a sum under the threshold.
    for equation in equations:
        unknown = [i for i, _ in equation if hidden[i]]
        assert len(unknown) != 1
        total_index = next(i for i, coefficient in equation if coefficient == -1)
        members_hidden = [i for i, coefficient in equation if coefficient == 1 and hidden[i]]
        if not hidden[total_index] and members_hidden:
            exposed = sum(
                true_values[tuple(sorted(protected[i].group.items()))] or 0 for i in members_hidden
            )
            assert exposed >= threshold


def recoverable_by_rank(equations: list[list[tuple[int, int]]], hidden: list[bool]) -> list[int]:
    unknowns = [i for i, h in enumerate(hidden) if h]
    column = {cell: c for c, cell in enumerate(unknowns)}
    rows = []
    for equation in equations:
        row = np.zeros(len(unknowns))
        for cell, coefficient in equation:
            if cell in column:
                row[column[cell]] += coefficient
        rows.append(row)
    if not unknowns or not rows:
        return []
    matrix = np.array(rows)
    rank = np.linalg.matrix_rank(matrix)
    found = []
    for cell, c in column.items():
        unit = np.zeros(len(unknowns))
        unit[c] = 1
        if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
            found.append(cell)
    return found


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_no_visible_cell_under_threshold_and_none_recoverable(
    table: tuple[list[Cell], tuple[str, ...], int],
) -> None:
    cells, margins, threshold = table
    check_protected(cells, margins, threshold)


def test_bridge_between_two_suppressed_cycles_is_protected() -> None:
    """Two blocks of small cells joined by one small cell: the line rules alone leave each line
    with two unknowns, yet the joining cell follows from the block totals."""
    values = {
        ("a", "x"): 3, ("a", "y"): 4, ("a", "z"): 2, ("a", "w"): 50,
        ("b", "x"): 4, ("b", "y"): 3, ("b", "z"): 50, ("b", "w"): 50,
        ("c", "x"): 50, ("c", "y"): 50, ("c", "z"): 3, ("c", "w"): 4,
        ("d", "x"): 50, ("d", "y"): 50, ("d", "z"): 4, ("d", "w"): 3,
    }  # fmt: skip
    cells = [Cell(group={"region": r, "month": m}, value=v) for (r, m), v in values.items()]
    check_protected(cells, ("region", "month"), 10)


def test_a_single_small_cell_takes_a_neighbour_with_it() -> None:
    cells = [
        Cell(group={"region": "13"}, value=4),
        Cell(group={"region": "06"}, value=120),
        Cell(group={"region": "02"}, value=40),
    ]
    protected = protect_counts(cells, threshold=10, margins=("region",))
    assert [c.suppressed for c in protected] == [True, False, True, False]
    assert (protected[3].group, protected[3].value) == ({"region": TOTAL}, 164)


def test_without_margins_only_small_cells_go() -> None:
    cells = [Cell(group={"region": "13"}, value=4), Cell(group={"region": "06"}, value=12)]
    assert [c.suppressed for c in protect_counts(cells, threshold=10)] == [True, False]


def test_zero_is_a_small_count() -> None:
    assert protect_counts([Cell(group={}, value=0)], threshold=10)[0].suppressed


@given(st.integers(0, 200), st.integers(0, 200), st.sampled_from([5, 10]))
def test_rates_keep_no_small_part(numerator: int, extra: int, threshold: int) -> None:
    denominator = numerator + extra
    cell = protect_rate(numerator, denominator, threshold=threshold)
    if denominator < threshold:
        assert cell.suppressed
    if cell.suppressed:
        assert (cell.value, cell.numerator, cell.denominator) == (None, None, None)
        return
    assert cell.value == numerator / denominator
    if cell.value in (0, 1):
        assert denominator >= SMALL_GROUP_FACTOR * threshold
    for count in (cell.numerator, cell.denominator):
        assert count is None or count >= threshold
    if cell.numerator is not None:
        assert cell.denominator is not None
        assert cell.denominator - cell.numerator >= threshold


def test_rate_examples() -> None:
    assert protect_rate(3, 8).suppressed
    assert protect_rate(0, 15).suppressed
    assert protect_rate(15, 15).suppressed
    assert protect_rate(30, 30).value == 1.0
    kept = protect_rate(12, 40)
    assert (kept.value, kept.numerator, kept.denominator) == (0.3, 12, 40)
    small = protect_rate(3, 40)
    assert (small.value, small.numerator, small.denominator) == (0.075, None, None)


def test_median_needs_threshold_people() -> None:
    assert protect_median([1, 2, 3], threshold=10).suppressed
    cell = protect_median(list(range(1, 11)), threshold=10)
    assert (cell.value, cell.denominator) == (5.5, 10)


def test_a_margin_the_cells_do_not_have_adds_no_total() -> None:
    cells = [Cell(group={}, value=40)]
    assert protect_counts(cells, threshold=10, margins=("region",)) == cells
