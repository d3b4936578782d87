"""Shared helpers of the benchmarks: describe the machine, write a section of docs/benchmarks.md.

Each benchmark owns one section delimited by ``<!-- bench:<name> -->`` and
``<!-- /bench:<name> -->`` and replaces only that section, so benchmarks can run in any order (even
at the same time: the file is locked while a section is rewritten).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import platform
import re
from pathlib import Path

BENCHMARKS_MD = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
TITLE = (
    "# Benchmarks\n\n"
    "Figures written by the scripts in `bench/`; each section is replaced by its own script.\n"
)


def machine_description() -> str:
    """CPU model, core count and RAM of this machine, plus the date (UTC) and Python version."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown RAM"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB RAM"
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"{cpu}, {cores} cores, {ram}; Python {platform.python_version()}; {now}"


def write_section(name: str, markdown: str) -> None:
    """Replace (or add) the ``name`` section of docs/benchmarks.md; other sections are kept."""
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    block = f"{start}\n{markdown.strip()}\n{end}"
    BENCHMARKS_MD.parent.mkdir(parents=True, exist_ok=True)
    with open(BENCHMARKS_MD, "a+", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        text = handle.read()
        pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
        if pattern.search(text):
            text = pattern.sub(lambda _match: block, text, count=1)
        else:
            text = (text.rstrip() + "\n\n" if text.strip() else TITLE + "\n") + block + "\n"
        handle.seek(0)
        handle.truncate()
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
