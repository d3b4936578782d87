"""The null-space check of the disclosure layer reads wide tables from their smaller side: it
finds the same determined cells as the eigenvectors of AᵀA did, on random tables and random
suppression patterns (issue 17, the speed of ``sentier indicators --by region,month``)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sentier.insights import disclosure
from sentier.insights.disclosure import Cell, determined_cells, margin_equations, protect_counts


def gram_weights(matrix: np.ndarray) -> np.ndarray:
    """The check as it was: the null space from the eigenvectors of AᵀA."""
    eigenvalues, eigenvectors = np.linalg.eigh(matrix.T @ matrix)
    tolerance = 1e-9 * max(1.0, float(eigenvalues[-1]))
    null = eigenvectors[:, eigenvalues <= tolerance]
    if null.shape[1] == 0:
        return np.zeros(matrix.shape[1])
    largest: np.ndarray = np.abs(null).max(axis=1)
    return largest


@st.composite
def patterns(draw: st.DrawFn) -> tuple[list[list[tuple[int, int]]], list[bool]]:
    dimensions = draw(st.integers(1, 3))
    keys = ("region", "month", "outcome")[:dimensions]
    sizes = [draw(st.integers(1, 7)) for _ in keys]
    cells = [
        Cell(group={k: f"{k[0]}{v}" for k, v in zip(keys, combo, strict=True)}, value=20)
        for combo in itertools.product(*(range(n) for n in sizes))
    ]
    margins = tuple(k for k in keys if draw(st.booleans())) or keys
    table = protect_counts(cells, threshold=10, margins=margins)
    hidden = draw(st.lists(st.booleans(), min_size=len(table), max_size=len(table)))
    return margin_equations(table, margins), hidden


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(patterns())
def test_the_same_cells_are_determined_as_with_the_gram_check(
    pattern: tuple[list[list[tuple[int, int]]], list[bool]],
) -> None:
    equations, hidden = pattern
    now = determined_cells(equations, hidden)
    original = disclosure.null_weights
    disclosure.null_weights = gram_weights
    try:
        before = determined_cells(equations, hidden)
    finally:
        disclosure.null_weights = original
    assert now == before


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # x0 + x1 = 0 and x1 = 0: both determined (tall, read through AᵀA).
        ([[1, 1], [0, 1]], [True, True]),
        # One equation over three unknowns: none determined (wide, read through AAᵀ).
        ([[1, 1, -1]], [False, False, False]),
        # x0 - x1 = 0, x1 - x2 = 0, x2 = 0 in a wide matrix with a free fourth unknown.
        ([[1, -1, 0, 0], [0, 1, -1, 0], [0, 0, 1, 0]], [True, True, True, False]),
    ],
)
def test_null_weights_on_small_systems(rows: list[list[int]], expected: list[bool]) -> None:
    weights = disclosure.null_weights(np.array(rows, dtype=float))
    assert [bool(w < disclosure.NULL_TOLERANCE) for w in weights] == expected
