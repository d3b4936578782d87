"""The load scenario's pages one request at a time, against an existing database (the
1,000,000 files of ``sentier synth``): for each page, the queries of one request (how many,
their time in PostgreSQL), the CPU the request took in this process, and the slowest queries.
CPU and query counts hold on a loaded machine where wall time does not.

    DATABASE_URL="$(cat /work/notes/pg1m.url)" .venv/bin/python bench/load/profile_pages.py \
        [--caseworker EMAIL] [--partner EMAIL] [--requests 5] [--slowest 3] [--profile PAGE]

Every request runs inside a transaction that is rolled back (the sign-in, the access log, an
attendance saved): the database is left as it was. Settings: ``bench.load.settings``, as the
load test's gunicorn runs them.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import datetime as dt
import json
import os
import pstats
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.load.settings")
os.environ.setdefault("SENTIER_SECRET_KEY", "load-test-only-" + "x" * 50)
os.environ.setdefault("SENTIER_ALLOWED_HOSTS", "testserver,127.0.0.1")
os.environ.setdefault("SENTIER_VAR_DIR", "/tmp/pg-perf18-load/var")  # noqa: S108 - throw-away
os.environ.setdefault("SENTIER_REQUIRE_MFA", "0")
os.environ.setdefault("SENTIER_LOG_LEVEL", "WARNING")

import django

django.setup()  # the models below need the app registry: imports follow it

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.load.forms import ANSWERS, forms_of, post_data  # noqa: E402
from sentier.accounts.models import Role, User  # noqa: E402
from sentier.exchange.actions import create_api_key  # noqa: E402

LANG = "/fr-ca"
FORM = "application/x-www-form-urlencoded"


class Rollback(Exception):
    """Raised to leave the request's transaction without committing it."""


#: One test client per user (0: the applicants, -1: the API clients): a client builds its
#: middleware once (whitenoise reads the static files then, 70 ms), as a gunicorn worker does.
CLIENTS: dict[int, Client] = {}


def timed(
    client: Client, method: str, url: str, data: Any = None, **headers: Any
) -> dict[str, Any]:
    """One request through ``client``: status, queries, CPU and wall time, body."""
    found: dict[str, Any] = {}
    with CaptureQueriesContext(connection) as queries:
        cpu, wall = time.process_time(), time.perf_counter()
        if method == "GET":
            response = client.get(url, **headers)
        elif isinstance(data, str):
            response = client.post(url, data, content_type="application/json", **headers)
        elif isinstance(data, list):  # a form's fields, url-encoded as a browser sends them
            response = client.post(url, urlencode(data), content_type=FORM, **headers)
        else:
            response = client.post(url, data, HTTP_REFERER=f"http://testserver{url}", **headers)
        found["cpu_ms"] = (time.process_time() - cpu) * 1000
        found["wall_ms"] = (time.perf_counter() - wall) * 1000
    found["status"] = response.status_code
    found["location"] = response.headers.get("Location", "")
    found["body"] = response.content.decode("utf-8", "replace")
    found["queries"] = [
        (float(query["time"]) * 1000, query["sql"]) for query in queries.captured_queries
    ]
    return found


def one(user: User, method: str, url: str, data: Any = None) -> dict[str, Any]:
    """One request as ``user`` in a rolled-back transaction: status, queries, CPU, body."""
    found: dict[str, Any] = {}
    client = CLIENTS.setdefault(user.pk, Client(HTTP_ACCEPT_LANGUAGE="fr-ca"))
    try:
        with transaction.atomic():
            client.force_login(user)
            found = timed(client, method, url, data)
            raise Rollback
    except Rollback:
        pass
    return found


def pages(caseworker: User, partner: User) -> list[tuple[str, User, str, str]]:
    """(name, user, method, url) of the load's pages; links found on the pages themselves."""
    program = "PAS"
    listing = one(caseworker, "GET", f"{LANG}/participants/?scope=all&page=3")["body"]
    files = re.findall(r'href="/fr-ca/participants/([0-9a-f-]{36})/"', listing)
    worklist = one(caseworker, "GET", f"{LANG}/plans/worklist/")["body"]
    plans = re.findall(r'href="/fr-ca/plans/([0-9a-f-]{36})/"', worklist)
    plan = one(caseworker, "GET", f"{LANG}/plans/{plans[0]}/")["body"] if plans else ""
    actions = re.findall(r'href="/fr-ca/plans/actions/([0-9a-f-]{36})/"', plan)
    queue = one(caseworker, "GET", f"{LANG}/apply/review/")["body"]
    reviews = re.findall(r'href="/fr-ca/apply/review/([0-9a-f-]{36})/"', queue)
    inbox = one(partner, "GET", f"{LANG}/referrals/inbox/")["body"]
    referrals = re.findall(r'href="/fr-ca/referrals/inbox/([0-9a-f-]{36})/"', inbox)
    caseload = f"{LANG}/participants/?scope="
    numbers = re.findall(r'</a></td><td data-label="[^"]*">([^<]+)</td>', listing) or ["0"]
    found = [
        ("caseload: a page", caseworker, "GET", f"{caseload}all&page=30"),
        ("caseload: filter on status", caseworker, "GET", f"{caseload}all&status=active"),
        (
            "caseload: program and status",
            caseworker,
            "GET",
            f"{caseload}all&program={program}&status=active",
        ),
        ("caseload: my participants", caseworker, "GET", f"{caseload}mine"),
        ("caseload: name search", caseworker, "GET", f"{caseload}all&q=Tremblay"),
        ("caseload: file number search", caseworker, "GET", f"{caseload}all&q={numbers[0]}"),
        ("plans: worklist", caseworker, "GET", f"{LANG}/plans/worklist/"),
        ("review queue", caseworker, "GET", f"{LANG}/apply/review/"),
        ("referrals: inbox", partner, "GET", f"{LANG}/referrals/inbox/"),
        ("PAAS: attendance", partner, "GET", f"{LANG}/paas/attendance/"),
    ]
    linked = [
        ("file", caseworker, f"{LANG}/participants/", files),
        ("plan", caseworker, f"{LANG}/plans/", plans),
        ("plan action: edit form", caseworker, f"{LANG}/plans/actions/", actions),
        ("review: a recommendation", caseworker, f"{LANG}/apply/review/", reviews),
        ("referrals: one referral", partner, f"{LANG}/referrals/inbox/", referrals),
    ]
    found += [(name, who, "GET", f"{base}{keys[0]}/") for name, who, base, keys in linked if keys]
    found.append(("PAAS: record attendance", partner, "POST", f"{LANG}/paas/attendance/"))
    return found


def attendance_form(partner: User) -> dict[str, str] | None:
    html = one(partner, "GET", f"{LANG}/paas/attendance/")["body"]
    form = next(
        (f for f in forms_of(html) if any(n.startswith("hours-") for n in f["fields"])), None
    )
    if form is None:
        return None
    hours = sorted(name for name in form["fields"] if name.startswith("hours-"))[:3]
    return dict(post_data(form, **dict.fromkeys(hours, "7")))


def applicant(rounds: int) -> dict[str, list[dict[str, Any]]]:
    """The applicant's requests as the load makes them, ``rounds`` applications from the start
    page to the confirmation, each in one transaction rolled back at the end (the steps need
    the session and the application the earlier ones saved)."""
    found: dict[str, list[dict[str, Any]]] = {}
    client = CLIENTS.setdefault(0, Client(HTTP_ACCEPT_LANGUAGE="fr-ca"))
    for _ in range(rounds):
        client.cookies.clear()  # a new applicant, with no session yet
        try:
            with transaction.atomic():
                found.setdefault("apply: start page", []).append(
                    timed(client, "GET", f"{LANG}/apply/")
                )
                token = client.cookies[settings.CSRF_COOKIE_NAME].value
                start = timed(client, "POST", f"{LANG}/apply/", {"csrfmiddlewaretoken": token})
                found.setdefault("apply: start", []).append(start)
                url = start["location"]
                for _ in range(12):
                    step = timed(client, "GET", url)
                    found.setdefault("apply: a step", []).append(step)
                    form = next((f for f in forms_of(step["body"]) if f["method"] == "post"), None)
                    if form is None:
                        break
                    values = {name: ANSWERS[name] for name in form["fields"] if name in ANSWERS}
                    name = "apply: send" if url.endswith("/summary/") else "apply: save a step"
                    sent = timed(client, "POST", form["action"] or url, post_data(form, **values))
                    found.setdefault(name, []).append(sent)
                    url = sent["location"]
                    if url.endswith("/sent/"):
                        found.setdefault("apply: confirmation", []).append(
                            timed(client, "GET", url)
                        )
                        break
                raise Rollback
        except Rollback:
            pass
    return found


def api_client(partner: User, rounds: int) -> dict[str, list[dict[str, Any]]]:
    """A partner system's requests as the load makes them (its organization's key, made and
    rolled back with each round): the list, what changed, the new ones, one accepted."""
    found: dict[str, list[dict[str, Any]]] = {}
    admin = User.objects.filter(role=Role.ADMINISTRATOR).order_by("pk").first()
    assert admin is not None, "load_demo first"
    assert partner.organization is not None
    since = (timezone.now() - dt.timedelta(seconds=30)).strftime("%Y-%m-%dT%H:%M:%SZ")
    client = CLIENTS.setdefault(-1, Client())
    for _ in range(rounds):
        try:
            with transaction.atomic():
                key = create_api_key(actor=admin, organization=partner.organization, name="p")
                header = {"HTTP_X_API_KEY": key.raw}
                for name, query in (
                    ("API: referrals", "page_size=50"),
                    ("API: referrals changed", f"page_size=50&updated_since={since}"),
                    ("API: new referrals", "status=requested&page_size=10"),
                ):
                    found.setdefault(name, []).append(
                        timed(client, "GET", f"/api/v1/referrals?{query}", **header)
                    )
                waiting = json.loads(found["API: new referrals"][-1]["body"]).get("results", [])
                if waiting:
                    url = f"/api/v1/referrals/{waiting[0]['uuid']}/status"
                    found.setdefault("API: accept a referral", []).append(
                        timed(client, "POST", url, json.dumps({"status": "accepted"}), **header)
                    )
                raise Rollback
        except Rollback:
            pass
    return found


def report(name: str, runs: list[dict[str, Any]], args: argparse.Namespace) -> float:
    """Print one page's line (medians of ``runs``) and its slowest queries; its median CPU."""
    cpu = statistics.median(r["cpu_ms"] for r in runs)
    sql = statistics.median(sum(t for t, _ in r["queries"]) for r in runs)
    wall = statistics.median(r["wall_ms"] for r in runs)
    queries = statistics.median(len(r["queries"]) for r in runs)
    print(
        f"{name:32} {runs[0]['status']} queries {queries:5.1f}  "
        f"sql {sql:7.1f} ms  cpu {cpu:7.1f} ms  wall {wall:7.1f} ms  n {len(runs)}"
    )
    for ms, text in sorted(runs[-1]["queries"], reverse=True)[: args.slowest]:
        print(f"      {ms:7.1f} ms  {text[:220]}")
    selects = [q for q in runs[-1]["queries"] if q[1].lstrip().startswith("SELECT")]
    if args.explain and selects:
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + max(selects)[1])
            print("\n".join(f"      | {row[0]}" for row in cursor.fetchall()))
    return float(cpu)


def weighted(cpu: dict[str, float], mix: Path) -> None:
    """The CPU of an average request of a load run's mix (its locust CSV: requests per page)."""
    with mix.open(encoding="utf-8") as rows:
        counts = {
            row["Name"]: int(row["Request Count"])
            for row in csv.DictReader(rows)
            if row["Name"] != "Aggregated"
        }
    known = {name: n for name, n in counts.items() if name in cpu}
    total = sum(known.values())
    if not total:
        return
    average = sum(cpu[name] * n for name, n in known.items()) / total
    print(
        f"the mix of {mix} ({total:,} of {sum(counts.values()):,} requests on pages measured): "
        f"{average:.1f} ms of CPU a request; missing: {sorted(set(counts) - set(cpu)) or 'none'}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--caseworker", default="")
    parser.add_argument("--partner", default="partner.opex@sentier.demo")
    parser.add_argument("--requests", type=int, default=5)
    parser.add_argument("--slowest", type=int, default=3)
    parser.add_argument("--only", default="", help="Only the pages whose name contains this.")
    parser.add_argument("--profile", default="", help="cProfile the page of this name.")
    parser.add_argument(
        "--explain", action="store_true", help="EXPLAIN ANALYZE each page's slowest SELECT."
    )
    parser.add_argument(
        "--mix",
        type=Path,
        action="append",
        default=[],
        help="A load run's locust_stats.csv: the CPU of its average request, from its mix.",
    )
    args = parser.parse_args()
    caseworkers = User.objects.filter(role=Role.CASEWORKER, is_active=True)
    if args.caseworker:
        caseworker = caseworkers.get(email=args.caseworker)
    else:
        caseworker = caseworkers.order_by("email")[20]
    partner = User.objects.get(email=args.partner)
    print(f"caseworker {caseworker.email}, partner {partner.email}, load {os.getloadavg()[0]:.1f}")
    form = attendance_form(partner)
    cpu: dict[str, float] = {}
    for name, user, method, url in pages(caseworker, partner):
        if args.only and args.only not in name:
            continue
        data = form if method == "POST" else None
        if method == "POST" and data is None:
            print(f"{name}: no attendance form")
            continue
        one(user, method, url, data)  # warm-up
        cpu[name] = report(name, [one(user, method, url, data) for _ in range(args.requests)], args)
        if args.profile and args.profile == name:
            profiler = cProfile.Profile()
            profiler.enable()
            one(user, method, url, data)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
    if not args.only or "apply" in args.only or "API" in args.only:
        applicant(1)  # warm-up
        api_client(partner, 1)
        flows = {**applicant(args.requests), **api_client(partner, args.requests)}
        for name, runs in flows.items():
            if not args.only or args.only in name:
                cpu[name] = report(name, runs, args)
    for mix in args.mix:
        weighted(cpu, mix)
    print(f"load {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
