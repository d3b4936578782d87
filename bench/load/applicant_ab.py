"""Session 17's cuts to the applicant's pages, A/B in one process: the applicant's walk of
``profile_pages.py`` (start page, start, each step shown and saved, send, confirmation), one
round with the cuts undone (A), one with them (B), alternated, each round in a transaction
rolled back; the CPU of each request (``time.process_time``), medians per page and per side.
Alternating rounds in one process holds on a loaded machine where two processes' figures do not.

    .venv/bin/python bench/load/applicant_ab.py [--rounds 30]

Undone in A: the resume key read with ``.filter().first()`` (an ORDER BY compiled for nothing),
the footer rendered at each request (its memo emptied before each one), each static URL worked
out at each request (the storage's memo bypassed).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import Http404
from whitenoise.storage import CompressedManifestStaticFilesStorage

import bench.load.profile_pages as pages
from sentier.core.templatetags import sentier_frame
from sentier.intake import selectors
from sentier.intake.models import Application


def _old_lookup(resume_key: str) -> Application:
    if not selectors.RESUME_KEY.fullmatch(resume_key or ""):
        raise Http404
    application = Application.objects.filter(resume_key=resume_key).first()
    if application is None:
        raise Http404
    return application


class _Forgetful(dict[Any, Any]):
    def __setitem__(self, key: Any, value: Any) -> None:
        pass


@contextlib.contextmanager
def undone() -> Iterator[None]:
    """The cuts undone (A)."""
    lookup, kept = selectors.get_application_by_key, sentier_frame._KEPT
    storage = cast(Any, staticfiles_storage)._wrapped  # its class swapped for the round
    storage_class = type(storage)
    selectors.get_application_by_key = _old_lookup
    sentier_frame._KEPT = _Forgetful()
    storage.__class__ = CompressedManifestStaticFilesStorage
    try:
        yield
    finally:
        selectors.get_application_by_key = lookup
        sentier_frame._KEPT = kept
        storage.__class__ = storage_class


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    staticfiles_storage.url("css/sentier.css")  # the storage made, its class known
    assert type(cast(Any, staticfiles_storage)._wrapped).__name__ == "KeptURLStaticFilesStorage"
    pages.applicant(2)  # warm-up
    with undone():
        pages.applicant(2)
    found: dict[str, dict[str, list[dict[str, Any]]]] = {"A": {}, "B": {}}
    print(f"load {os.getloadavg()[0]:.1f}")
    for _ in range(args.rounds):
        for side in ("A", "B"):
            with undone() if side == "A" else contextlib.nullcontext():
                for name, runs in pages.applicant(1).items():
                    found[side].setdefault(name, []).extend(runs)
    for name, a_runs in found["A"].items():
        b_runs = found["B"][name]
        a = statistics.median(r["cpu_ms"] for r in a_runs)
        b = statistics.median(r["cpu_ms"] for r in b_runs)
        qa = statistics.mean(len(r["queries"]) for r in a_runs)
        qb = statistics.mean(len(r["queries"]) for r in b_runs)
        same = all(
            ra["body"].count("<footer") == rb["body"].count("<footer")
            for ra, rb in zip(a_runs, b_runs, strict=True)
        )
        print(
            f"{name:22} A {a:6.2f} ms  B {b:6.2f} ms  {100 * (b - a) / a:+4.0f} %  "
            f"queries {qa:4.1f} -> {qb:4.1f}  n {len(a_runs)}+{len(b_runs)}  footers {same}"
        )
    print(f"load {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
