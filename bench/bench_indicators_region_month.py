"""Benchmark of ``sentier indicators --by region,month``: the wide, mostly-suppressed tables.

Run on a database holding the demo (``sentier load_demo``, which loads the indicators' demo)::

    export DATABASE_URL=sqlite:////tmp/demo.sqlite3   # or a PostgreSQL cluster
    .venv/bin/python bench/bench_indicators_region_month.py        # --repeat N
    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/bench_indicators_region_month.py

It loads the milestones once, then computes every indicator of the catalogue by region and month
twice: with the disclosure layer as it is, and with the null-space check it had before (the
eigenvectors of AᵀA, the number of hidden cells cubed, on every table). It checks that both give
the same cells, times the whole command (pilot estimates included) with the cache off, prints
the figures and writes them into the ``indicators_region_month`` section of docs/benchmarks.md.
It asserts nothing about time.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

# Run as a plain script from any directory: make the repository importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()  # the models below need the app registry: imports follow it

from django.core.management import call_command  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from bench._report import machine_description, write_section  # noqa: E402
from sentier.insights import disclosure  # noqa: E402
from sentier.insights.catalogue import current  # noqa: E402
from sentier.insights.demo import load_demo  # noqa: E402
from sentier.insights.indicators import Result, compute  # noqa: E402
from sentier.insights.milestones import Milestone, Scope, load_milestones  # noqa: E402
from sentier.insights.report import default_period, scope_regions  # noqa: E402

BY = ("region", "month")
NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def gram_weights(matrix: np.ndarray) -> np.ndarray:
    """The check as it was: the null space from the eigenvectors of AᵀA, whatever the shape."""
    eigenvalues, eigenvectors = np.linalg.eigh(matrix.T @ matrix)
    tolerance = 1e-9 * max(1.0, float(eigenvalues[-1]))
    null = eigenvectors[:, eigenvalues <= tolerance]
    if null.shape[1] == 0:
        return np.zeros(matrix.shape[1])
    largest: np.ndarray = np.abs(null).max(axis=1)
    return largest


@contextmanager
def weights(function: Callable[[np.ndarray], np.ndarray]) -> Iterator[list[float]]:
    """Use ``function`` as the layer's null-space check; yield the seconds spent in it."""
    spent: list[float] = []
    original = disclosure.null_weights

    def timed(matrix: np.ndarray) -> np.ndarray:
        start = time.perf_counter()
        try:
            return function(matrix)
        finally:
            spent.append(time.perf_counter() - start)

    disclosure.null_weights = timed
    try:
        yield spent
    finally:
        disclosure.null_weights = original


def compute_all(milestones: list[Milestone], regions: list[str]) -> list[Result]:
    period = default_period()
    return [compute(d, milestones, period=period, by=BY, regions=regions) for d in current()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    load_demo()  # idempotent: adds nothing when the demo is there
    scope = Scope(regions=None)
    start = time.perf_counter()
    milestones = load_milestones(scope)
    load_seconds = time.perf_counter() - start
    regions = scope_regions(scope)
    cells = 0
    runs: dict[str, list[tuple[float, float]]] = {"now": [], "before": []}
    outputs: dict[str, list[Result]] = {}
    for _ in range(args.repeat):
        for name, function in (("now", disclosure.null_weights), ("before", gram_weights)):
            with weights(function) as spent:
                start = time.perf_counter()
                results = compute_all(milestones, regions)
                runs[name].append((time.perf_counter() - start, sum(spent)))
            outputs[name] = results
    identical = [r.cells for r in outputs["now"]] == [r.cells for r in outputs["before"]]
    cells = sum(len(r.cells) for r in outputs["now"])
    suppressed = sum(c.suppressed for r in outputs["now"] for c in r.cells)
    with override_settings(CACHES=NO_CACHE):
        start = time.perf_counter()
        call_command("indicators", by=",".join(BY), format="json", stdout=io.StringIO())
        command_seconds = time.perf_counter() - start

    def best(name: str) -> tuple[float, float]:
        return min(runs[name])

    now, before = best("now"), best("before")
    threads = os.environ.get("OPENBLAS_NUM_THREADS", "")
    lines = [
        "## Indicators by region and month (`bench/bench_indicators_region_month.py`"
        + (f", `OPENBLAS_NUM_THREADS={threads}`" if threads else "")
        + ")",
        "",
        f"Machine: {machine_description()}; shared with other work. Demo data "
        f"({len(milestones):,} milestones, loaded in {load_seconds:.2f} s), "
        f"{len(current())} indicators, {cells:,} cells of which {suppressed:,} suppressed; "
        f"best of {args.repeat}.",
        "",
        "| null-space check | all indicators computed and protected | of which null-space check |",
        "|---|---:|---:|",
        f"| eigenvectors of AᵀA on every table (before) | {before[0]:.2f} s | {before[1]:.2f} s |",
        f"| the smaller side, AAᵀ, on wide tables (now) | **{now[0]:.2f} s** | {now[1]:.2f} s |",
        "",
        f"Same cells both ways: **{identical}**. The whole command (`sentier indicators --by "
        f"region,month --format json`, in process, cache off, pilot estimates included): "
        f"{command_seconds:.2f} s.",
    ]
    text = "\n".join(lines)
    print(text)
    write_section("indicators_region_month" + (f"_threads_{threads}" if threads else ""), text)
    if not identical:
        sys.exit("The two checks gave different cells.")


if __name__ == "__main__":
    main()
