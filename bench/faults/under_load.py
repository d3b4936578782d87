"""What the fault scripts share: the stack started with fresh sessions, the load test running
in the background (recording the writes it saw acknowledged), a caseworker's page polled through
the fault, a signed-in client that opens and posts forms, and the tables of their reports.

Used by ``pg_restart.py``, ``concurrent_edits.py`` and ``sigkill_under_load.py``.
"""

from __future__ import annotations

import csv
import http.client
import json
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import requests

from bench.faults import acks
from bench.load import stack
from bench.load.forms import forms_of, post_data

#: What the translated "try again" page (503, database unavailable) says, in French.
TRY_AGAIN = "Réessayer"
#: Locust's own output is not needed: its figures are read from its CSV files.
LOCUST = str(stack.ROOT / ".venv" / "bin" / "locust")


def start_stack(workers: int = 3, threads: int = 4) -> dict[str, int]:
    """Stop what runs, write fresh sessions and API keys, forget the previous run's
    acknowledged writes, start the stack; the pids by name."""
    stack.down()
    subprocess.run(
        [stack.PYTHON, str(stack.ROOT / "bench" / "load" / "fixtures.py"), "--sessions"],
        check=True,
        env=stack.app_env(),
        cwd=stack.ROOT,
    )
    acks.clear()
    return stack.up(workers, threads)


def fixtures() -> dict[str, Any]:
    """The sessions, API keys and cookie names of ``bench/load/fixtures.py --sessions``."""
    loaded: dict[str, Any] = json.loads((stack.DIR / "fixtures.json").read_text())
    return loaded


class Load:
    """The load test (``bench/load/locustfile.py``) running in the background; its writes are
    marked with ``run`` so that :func:`acks.check` counts only them."""

    def __init__(
        self, *, users: int, duration: int, run: str, mix: str = "50,10,100,5", name: str = "faults"
    ) -> None:
        self.duration = duration
        self.prefix = stack.DIR / name
        # The stress pace: more writes a second for a fault to lose (bench/load/stack.py, PACES).
        env = stack.app_env(SENTIER_LOAD_MIX=mix, SENTIER_LOAD_RUN=run, SENTIER_LOAD_PACE="stress")
        command = [LOCUST, "-f", "bench/load/locustfile.py", "--host", stack.BASE_URL]
        command += ["--headless", "-u", str(users), "-r", str(max(1, min(10, users // 5)))]
        command += ["-t", f"{duration}s", "--only-summary", "--csv", str(self.prefix)]
        self.process = subprocess.Popen(
            command,
            cwd=stack.ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def wait(self) -> None:
        self.process.wait(timeout=self.duration + 90)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=60)

    def totals(self) -> dict[str, str]:
        """Locust's aggregated row: requests, failures, percentiles."""
        with open(f"{self.prefix}_stats.csv", encoding="utf-8") as handle:
            return next(row for row in csv.DictReader(handle) if row["Name"] == "Aggregated")

    def failures(self) -> Counter[str]:
        """Failed requests by their error (locust's failures file), most frequent first."""
        counts: Counter[str] = Counter()
        try:
            with open(f"{self.prefix}_failures.csv", encoding="utf-8") as handle:
                for row in csv.DictReader(handle):
                    error = " ".join(row["Error"].split())[:80]
                    counts[f"{row['Method']} {row['Name']}: {error}"] += int(row["Occurrences"])
        except FileNotFoundError:
            pass
        return counts


class Prober(threading.Thread):
    """A caseworker's caseload page, every 0.1 s: the answers seen (status codes, or the error
    when nothing answered), whether a page that was not 200 was the translated "try again"
    page, and never a traceback."""

    def __init__(self, session: str, cookie: str) -> None:
        super().__init__(daemon=True)
        self.session, self.cookie = session, cookie
        self.statuses: Counter[str] = Counter()
        self.try_again_pages = 0
        self.tracebacks = 0
        self.running = True

    def run(self) -> None:
        url = f"{stack.BASE_URL}/fr-ca/participants/"
        while self.running:
            cookie = {"Cookie": f"{self.cookie}={self.session}"}
            request = urllib.request.Request(url, headers=cookie)  # noqa: S310 - our http URL
            try:
                with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - http
                    body = response.read().decode("utf-8", "replace")
                    self.statuses[str(response.status)] += 1
                    self.tracebacks += "Traceback" in body
            except urllib.error.HTTPError as error:
                body = error.read().decode("utf-8", "replace")
                self.statuses[str(error.code)] += 1
                if error.code == 503 and TRY_AGAIN in body:
                    self.try_again_pages += 1
                self.tracebacks += "Traceback" in body
            except (OSError, http.client.HTTPException) as error:
                self.statuses[type(error).__name__] += 1
            time.sleep(0.1)

    def stop(self) -> None:
        self.running = False


class FormClient:
    """A staff member's browser without JavaScript: opens a page, picks one of its forms, posts
    it back with some fields changed, and does not follow the redirect."""

    def __init__(self, session: str, cookie: str = "sessionid") -> None:
        self.http = requests.Session()
        self.http.cookies.set(cookie, session)

    def form(self, url: str, choose: Callable[[dict[str, Any]], bool]) -> dict[str, Any] | None:
        """The first form of the page at ``url`` that ``choose`` accepts (None: no such form)."""
        page = self.http.get(url, timeout=60)
        return next((form for form in forms_of(page.text) if choose(form)), None)

    def submit(self, url: str, form: dict[str, Any], **values: Any) -> requests.Response:
        return self.http.post(
            form["action"] or url,
            data=post_data(form, **values),
            headers={"Referer": url},
            allow_redirects=False,
            timeout=60,
        )


def tasks_since(started: str) -> dict[str, int]:
    """Background tasks enqueued since ``started`` (a timestamp PostgreSQL reads), by status."""
    since = f"WHERE enqueued_at >= '{started}'"
    sql = "SELECT status, count(*) FROM django_tasks_database_dbtaskresult " + since  # noqa: S608
    sql += " GROUP BY status"
    return {
        status: int(count)
        for status, count in (line.split("\t") for line in stack.psql(sql).splitlines())
    }


def wait_for_tasks(started: str, timeout: float = 120.0) -> dict[str, int]:
    """Wait until no task enqueued since ``started`` is waiting or running; their statuses."""
    deadline = time.monotonic() + timeout
    statuses = tasks_since(started)
    while (statuses.get("READY", 0) or statuses.get("RUNNING", 0)) and time.monotonic() < deadline:
        time.sleep(1)
        statuses = tasks_since(started)
    return statuses


def tasks_enqueued_twice(started: str) -> int:
    """Tasks enqueued since ``started`` with the same function and arguments as another (a
    task queued twice for one cause would do its work twice)."""
    since = f"WHERE enqueued_at >= '{started}'"
    sql = "SELECT count(*) FROM (SELECT 1 FROM django_tasks_database_dbtaskresult " + since  # noqa: S608
    sql += " GROUP BY task_path, args_kwargs HAVING count(*) > 1) AS twice"
    return int(stack.psql(sql).strip() or 0)


def database_now() -> str:
    return stack.psql("SELECT now()").strip()


def acks_table(verdicts: dict[str, acks.Verdict]) -> list[str]:
    """The report's table of acknowledged writes against the database."""
    return [
        "| acknowledged writes | acknowledged | lost | duplicated | written, client saw an error |",
        "|---|---:|---:|---:|---:|",
        *[
            f"| {kind} | {v.acknowledged} | **{v.lost}** | **{v.duplicated}** | "
            f"{v.unacknowledged_in_db} |"
            for kind, v in verdicts.items()
        ],
    ]


def counts(items: Iterable[tuple[str, int]]) -> str:
    """``a 3, b 1`` (most frequent first), or ``none``."""
    text = ", ".join(f"{name} {number}" for name, number in items)
    return text or "none"
