"""Benchmark of the rules package: batch path, one decision, and the situation-dict path.

Run: ``.venv/bin/python bench/bench_rules.py`` (optionally ``--persons N``). Prints the figures and
writes them into the ``rules`` section of docs/benchmarks.md. Targets: 1,000,000 persons x four
measures in <= 3 s; one decision with reasons and trace p50 <= 5 ms; the batch >= 100x faster per
person than one simulation per situation dict (the OpenFisca web API way).
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

# Run as a plain script from any directory: make the repository importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openfisca_core.simulations import SimulationBuilder

import sentier_rules
from bench._report import machine_description, write_section
from sentier_rules.codes import CHANNEL_CODES, PROGRAM_CODES, PROGRAMS, REGION_CODES
from sentier_rules.engine import CHECKS
from sentier_rules.system import tax_benefit_system

DATE = "2026-05-01"
MEASURES = tuple(sentier_rules.MEASURES)


def peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def synthetic_columns(count: int, seed: int = 2026) -> dict[str, np.ndarray[Any, Any]]:
    """Persons with every code in use, as the app builds them (fixed-width text columns)."""
    rng = np.random.default_rng(seed)
    program = np.array(PROGRAM_CODES, dtype="<U8")[rng.integers(0, len(PROGRAM_CODES), count)]
    ontario = [code for code in PROGRAM_CODES if PROGRAMS[code][2] == "ON"]
    jurisdiction = np.where(np.isin(program, ontario), "ON", "QC").astype("<U2")
    return {
        "jurisdiction": jurisdiction,
        "region": np.array(REGION_CODES, dtype="<U4")[rng.integers(0, 17, count)],
        "program": program,
        "claim_booklet": np.array(["", "ASM-1", "ASM-2", "ASM-5"], dtype="<U8")[
            rng.integers(0, 4, count)
        ],
        "weekly_hours": rng.integers(0, 21, count).astype(np.int32),
        "asylum_seeker": rng.random(count) < 0.05,
        "application_channel": np.array(CHANNEL_CODES, dtype="<U9")[rng.integers(0, 3, count)],
        "first_nations_site": rng.random(count) < 0.05,
        "employment_ready": rng.random(count) < 0.5,
    }


def bench_batch(columns: dict[str, Any], repeats: int) -> dict[str, Any]:
    per_measure: dict[str, list[float]] = {measure: [] for measure in MEASURES}
    totals = []
    eligible_share = {}
    for _ in range(repeats):
        gc.collect()
        started = time.perf_counter()
        for measure in MEASURES:
            t0 = time.perf_counter()
            result = sentier_rules.evaluate_batch(measure, DATE, columns)
            per_measure[measure].append(time.perf_counter() - t0)
            eligible_share[measure] = float(result.eligible.mean())
            del result
        totals.append(time.perf_counter() - started)
    return {
        "total_best": min(totals),
        "total_median": statistics.median(totals),
        "per_measure": {m: min(ts) for m, ts in per_measure.items()},
        "eligible_share": eligible_share,
    }


ONE = {
    "support_plan": {"region": "13", "program": "PAS", "claim_booklet": None},
    "service_plan": {"region": "13", "program": "PSS"},
    "paas_action": {"region": "13", "program": "PSS", "weekly_hours": 12},
    "employment_fast_track": {
        "jurisdiction": "ON",
        "program": "OW",
        "application_channel": "online",
        "employment_ready": True,
        "first_nations_site": False,
    },
}


def bench_one(iterations: int) -> dict[str, tuple[float, float]]:
    out = {}
    for measure in MEASURES:
        request = {"measure": measure, "date": DATE, "person": ONE[measure]}
        sentier_rules.decide(request, trace=True)
        times = []
        for _ in range(iterations):
            t0 = time.perf_counter()
            sentier_rules.decide(request, trace=True)
            times.append(time.perf_counter() - t0)
        times.sort()
        out[measure] = (times[len(times) // 2], times[int(len(times) * 0.95)])
    return out


def situation(columns: dict[str, Any], i: int) -> dict[str, Any]:
    """The OpenFisca web API way: one situation dict per person, enum values by name."""
    region = str(columns["region"][i])
    person = {
        "jurisdiction": {DATE: str(columns["jurisdiction"][i])},
        "region": {DATE: f"r{region}" if region else "none"},
        "program": {DATE: str(columns["program"][i])},
        "claim_booklet": {DATE: str(columns["claim_booklet"][i])},
        "asylum_seeker": {DATE: bool(columns["asylum_seeker"][i])},
    }
    return {"persons": {"p": person}}


def bench_situations(columns: dict[str, Any], count: int) -> float:
    """Seconds per person for the support plan, one situation-dict simulation per person."""
    system = tax_benefit_system()
    wanted = ["support_plan_eligible", *(check.variable for check in CHECKS["support_plan"])]
    started = time.perf_counter()
    for i in range(count):
        simulation = SimulationBuilder().build_from_entities(system, situation(columns, i))
        for variable in wanted:
            simulation.calculate(variable, DATE)
    return (time.perf_counter() - started) / count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--situations", type=int, default=200)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()

    rss_start = peak_rss_mib()
    t0 = time.perf_counter()
    tax_benefit_system()
    build_seconds = time.perf_counter() - t0
    columns = synthetic_columns(args.persons)
    sentier_rules.evaluate_batch("support_plan", DATE, {k: v[:10] for k, v in columns.items()})

    batch = bench_batch(columns, args.repeats)
    rss_batch = peak_rss_mib()
    one = bench_one(500)
    per_person_situation = bench_situations(columns, args.situations)
    per_person_batch = batch["per_measure"]["support_plan"] / args.persons
    ratio = per_person_situation / per_person_batch

    n = f"{args.persons:,}"
    lines = [
        "## Rules (`sentier_rules`)",
        "",
        f"Machine: {machine_description()}.",
        f"Rules version {sentier_rules.RULES_VERSION}; tax-benefit system built in "
        f"{build_seconds * 1000:.0f} ms (once per process).",
        "",
        f"### Batch: {n} synthetic persons, `evaluate_batch`, best of {args.repeats}",
        "",
        "| measure | seconds | eligible |",
        "|---|---:|---:|",
    ]
    for measure in MEASURES:
        lines.append(
            f"| {measure} | {batch['per_measure'][measure]:.3f} | "
            f"{batch['eligible_share'][measure]:.1%} |"
        )
    lines += [
        f"| **all four** | **{batch['total_best']:.3f}** (median {batch['total_median']:.3f}) | |",
        "",
        f"Target <= 3 s for the four measures: "
        f"{'met' if batch['total_best'] <= 3 else 'NOT met'}. Peak memory (max RSS of the "
        f"process): {rss_batch:.0f} MiB (after imports: {rss_start:.0f} MiB).",
        "",
        "### One decision with reasons and trace (`decide(..., trace=True)`, 500 calls)",
        "",
        "| measure | p50 ms | p95 ms |",
        "|---|---:|---:|",
    ]
    for measure, (p50, p95) in one.items():
        lines.append(f"| {measure} | {p50 * 1000:.2f} | {p95 * 1000:.2f} |")
    worst_p50 = max(p50 for p50, _ in one.values())
    lines += [
        "",
        f"Target p50 <= 5 ms: {'met' if worst_p50 <= 0.005 else 'NOT met'}.",
        "",
        "### Batch vs one situation dict per simulation (support plan)",
        "",
        f"- situation dict (`SimulationBuilder.build_from_entities`, {args.situations} persons): "
        f"{per_person_situation * 1e6:.1f} µs per person",
        f"- batch (`evaluate_batch`, {n} persons): {per_person_batch * 1e6:.3f} µs per person",
        f"- ratio: **{ratio:,.0f}x** faster per person (target >= 100x: "
        f"{'met' if ratio >= 100 else 'NOT met'})",
    ]
    markdown = "\n".join(lines)
    print(markdown)
    if not args.no_write:
        write_section("rules", markdown)
        print(f"\nwritten to {Path('docs/benchmarks.md')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
