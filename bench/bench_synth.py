"""Benchmark of ``sentier synth`` alone: seconds, rows and rows a second for each size asked,
beside a plain ``COPY`` of as many rows measured in the same run (the machine may be shared: the
ratio and the load average say more than the seconds).

Run against a throw-away PostgreSQL cluster holding the demo (never a database with real data)::

    export DATABASE_URL=$(scripts/pg_test_cluster.sh start)
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_demo
    .venv/bin/python bench/bench_synth.py --participants 50000 200000
    scripts/pg_test_cluster.sh stop

The sizes run one after the other in the same database (each adds its files to those already
there). Figures go to the ``synth`` section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()  # the models below need the app registry: imports follow it

from django.conf import settings  # noqa: E402

from bench._report import machine_description, write_section  # noqa: E402
from bench.bench_caseload_scale import plain_copy  # noqa: E402
from sentier.participants.models import Participant  # noqa: E402
from sentier.site.synth import real_accounts, synthesize  # noqa: E402


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, nargs="+", default=[50_000])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if real_accounts():
        print("This database holds real accounts: not benchmarking on it.", file=sys.stderr)
        return 2
    lines = []
    for size in args.participants:
        before = Participant.objects.count()
        load_before = load()
        start = time.perf_counter()
        counts = synthesize(participants=size, seed=args.seed)
        seconds = time.perf_counter() - start
        rows = sum(counts.values())
        copy_seconds = plain_copy(rows)
        line = (
            f"| {size:,} | {before:,} | {seconds:.0f} | {rows:,} | {rows / seconds:,.0f} | "
            f"{copy_seconds:.0f} | {seconds / copy_seconds:.1f} | {load_before} → {load()} |"
        )
        print(line, flush=True)
        lines.append(line)
    jurisdiction = settings.SENTIER_JURISDICTION
    write_section(
        f"synth_{jurisdiction}",
        f"""## `sentier synth` alone (`bench/bench_synth.py`, PostgreSQL 15, `{jurisdiction}`)

Machine: {machine_description()}

Each size runs after the previous one in the same database (the demo, then the files already
added). Plain `COPY`: as many rows of a timeline event's shape, written row by row by psycopg,
into a temporary table without indexes, in the same run. Load average (1 / 5 / 15 min) before →
after: the machine may be shared, so the ratio says more than the seconds.

| files | files before | synth s | rows | rows/s | plain `COPY` s | synth ÷ `COPY` | load |
|---:|---:|---:|---:|---:|---:|---:|---|
"""
        + "\n".join(lines),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
