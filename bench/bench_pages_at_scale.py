"""The pages of the scale probe timed on a database that already holds a synthetic province (one
made earlier by ``sentier synth``, for example 1,000,000 files), beside the same pages on the
demo alone, measured just before in the same way.

``bench_caseload_scale.py`` makes its province itself, which takes long at 1,000,000 files; this
one reuses a database made once. Two runs, the demo first::

    DATABASE_URL=<the demo alone> .venv/bin/python bench/bench_pages_at_scale.py --label demo
    DATABASE_URL=<demo + province> .venv/bin/python bench/bench_pages_at_scale.py --label scale

Each run times the pages (median of ``--requests`` whole Django requests through the test client,
after a warm-up) and runs each page's slowest query again under ``EXPLAIN ANALYZE``; the demo
run keeps its figures in var/, the scale run writes both to the ``pages_at_scale`` section of
docs/benchmarks.md. Both runs give the persona's file its 10,000 access-log rows first (who viewed
my file) and make one API key: the only rows they write.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from django.db import connection

from bench._report import machine_description, write_section

# bench_caseload_scale sets Django up as it is imported: the models are imported after it.
from bench.bench_caseload_scale import CASEWORKER, measure, prepare_pages
from sentier.accounts.models import User
from sentier.audit.models import AccessLog
from sentier.participants.models import Participant, TimelineEvent

KEPT = Path(__file__).resolve().parent.parent / "var" / "bench_pages_demo.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", choices=("demo", "scale"), required=True)
    parser.add_argument("--requests", type=int, default=15)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        print("This benchmark runs on PostgreSQL: set DATABASE_URL (see the module docstring).")
        return 2
    if args.label == "scale" and not KEPT.exists():
        print(f"Run it with --label demo first, on the demo alone: {KEPT} is missing.")
        return 2
    urls = prepare_pages()
    load_before = os.getloadavg()[0]
    found = measure(urls, args.requests)
    load = (load_before + os.getloadavg()[0]) / 2
    files = Participant.objects.count()
    if args.label == "demo":
        KEPT.parent.mkdir(exist_ok=True)
        KEPT.write_text(json.dumps({"files": files, "load": load, "pages": found}))
        print(json.dumps(found, indent=1))
        return 0
    demo = json.loads(KEPT.read_text())
    events = TimelineEvent.objects.count()
    showings = AccessLog.objects.count()
    caseworker = User.objects.get(email=CASEWORKER)
    own = Participant.objects.filter(caseworker=caseworker).count()
    region = Participant.objects.filter(region=caseworker.region).count()
    rows = []
    for name, (median, slowest, top) in found.items():
        before = demo["pages"][name][0]
        rows.append(
            f"| {name} | {before:.1f} | **{median:.1f}** | {median / before:.1f}× | "
            f"{slowest:.1f} | `{top}` |"
        )
    report = "\n".join(
        [
            "## Pages on a province made once (`bench/bench_pages_at_scale.py`, PostgreSQL 15)",
            "",
            f"Machine: {machine_description()}",
            "",
            f"The demo alone ({demo['files']:,} files, load average {demo['load']:.1f}), then "
            f"a database of {files:,} files, {events:,} timeline events and {showings:,} "
            f"access-log rows (load average {load:.1f} on {os.cpu_count()} cores). Laval's "
            f"caseworker holds {own:,} files, Laval {region:,}. Median of {args.requests} whole "
            "Django requests per page (test client, in the process, warm). Last two columns: "
            "the slowest query of one request at scale, again under `EXPLAIN ANALYZE` (the "
            "statistics counted, not read from the cache).",
            "",
            "| page | demo ms | scale ms | scale / demo | slowest query ms | its plan's top |",
            "|---|---:|---:|---:|---:|---|",
            *rows,
        ]
    )
    print(report)
    write_section("pages_at_scale", report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
