"""A gunicorn worker, the background task worker and the outbox delivery loop SIGKILLed in the
middle of the load test: no acknowledged write lost or done twice, no task lost or done twice,
and every webhook effect once at the receiver.

    .venv/bin/python bench/load/stack.py prepare --participants 20000   # once
    .venv/bin/python bench/faults/sigkill_under_load.py --duration 90 --users 40

The partner systems are one webhook receiver on loopback, in this script, registered for every
partner organization of the load (their other addresses are turned off for the run, then put
back). It does what ADR 0011 asks of a receiver: it checks the signature, applies each
``Sentier-Delivery`` key once, and answers 2xx to a key it has already seen. It answers only
``--receiver-delay`` seconds after applying the effect: the window between the outbox's send and
its commit, in which a kill leaves the message pending and makes the outbox send it again.

During the load (the mix of ``bench/load/locustfile.py``, with a caseworker's page polled every
0.1 s), at set points of the run:

- **web**: the busiest gunicorn worker (most CPU in the last 0.2 s) is SIGKILLed, twice; the
  gunicorn master starts another. Measured: until the master has all its workers again, and what
  the requests in flight got;
- **task worker**: a slow task (``bench/faults/slow_task.py``: it sleeps, records its effect
  once, returns) is queued first in line, and ``task_worker`` is SIGKILLed while the task
  sleeps before its effect; it is started again a second later, and the task runs again once
  its lease (``--lease`` seconds) has run out;
- **outbox**: partner systems move a few referrals on through the API (accept, start,
  complete: each move queues a webhook), and the ``deliver_outbox --loop`` process is
  SIGKILLed while the receiver holds a request whose effect it has applied, twice; it is
  started again a second later, as systemd would (``Restart=always``, ``RestartSec=1``).

Then, once the load is over and the outbox and the task queue are empty: every acknowledged
write is in the database once; every task enqueued during the run is done, none twice; every
message of the run is delivered, each key's effect applied once, the slow task's effect is
there once, a re-sent message carries the
same key and the same bytes, and no event (referral, topic) reached the receiver under two keys.
Figures go to docs/benchmarks.md (section ``faults_sigkill``).
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import os
import random
import secrets
import signal
import sys
import threading
import time
import urllib.request
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped]  # no stubs in the dev dependencies

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench._report import machine_description, write_section
from bench.faults import acks, under_load
from bench.load import stack

WORKERS, THREADS = 3, 4
#: Seconds the slow task sleeps before its effect: the kill lands in them.
SLOW_TASK_SLEEP = 10.0


class Receiver:
    """A partner system's webhook receiver: applies each delivery key once (ADR 0011)."""

    def __init__(self, secret: str, delay: float) -> None:
        self.secret, self.delay = secret, delay
        self.lock = threading.Lock()
        self.receipts: Counter[str] = Counter()  # key → requests received
        self.effects: Counter[str] = Counter()  # key → times its effect was applied
        self.events: Counter[tuple[str, str]] = Counter()  # (referral, topic) → effects
        self.bodies: dict[str, set[str]] = {}  # key → SHA-256 of each body received
        self.attempt_headers: dict[str, set[str]] = {}  # key → Sentier-Attempt values seen
        self.first_seen: dict[str, float] = {}
        self.last_seen: dict[str, float] = {}
        self.held: set[str] = set()  # applied, answer not sent yet
        self.refused = 0  # bad signature or a body cut short
        self.unanswered = 0  # the sender was gone when the answer was written

    def receive(self, body: bytes, headers: Any) -> int:
        key = headers.get("Sentier-Delivery", "")
        timestamp = headers.get("Sentier-Timestamp", "")
        expected = hmac.new(
            self.secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256
        ).hexdigest()
        if not hmac.compare_digest(f"sha256={expected}", headers.get("Sentier-Signature", "")):
            with self.lock:
                self.refused += 1
            return 401
        envelope = json.loads(body)
        event = (str(envelope["data"].get("referral", "")), str(envelope["topic"]))
        with self.lock:
            now = time.monotonic()
            self.receipts[key] += 1
            self.bodies.setdefault(key, set()).add(hashlib.sha256(body).hexdigest())
            self.attempt_headers.setdefault(key, set()).add(headers.get("Sentier-Attempt", ""))
            self.first_seen.setdefault(key, now)
            self.last_seen[key] = now
            if key not in self.effects:  # a key already seen: recognised, answered 2xx
                self.effects[key] += 1
                self.events[event] += 1
            self.held.add(key)
        time.sleep(self.delay)  # the window between the outbox's send and its commit
        with self.lock:
            self.held.discard(key)
        return 200

    def serve(self) -> ThreadingHTTPServer:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                if len(body) != length:
                    with receiver.lock:
                        receiver.refused += 1
                    return
                code = receiver.receive(body, self.headers)
                try:
                    self.send_response(code)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                except OSError:
                    with receiver.lock:
                        receiver.unanswered += 1

            def log_message(self, format: str, *args: Any) -> None:
                return

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server


def register(url: str, secret: str) -> list[str]:
    """Our receiver for every partner organization of the load; their other addresses turned
    off for the run. Returns the statements that put them back. (The SQL below is built from
    this script's own values: a loopback URL, a hex secret, ids PostgreSQL gave.)"""
    partners = "SELECT organization_id FROM accounts_user WHERE role = 'partner_staff'"
    table = "referrals_webhookendpoint"
    others = stack.psql(
        f"SELECT id FROM {table} WHERE active AND organization_id IN ({partners})"  # noqa: S608
    ).split()
    listed = ",".join(others)
    if others:
        stack.psql(f"UPDATE {table} SET active = false WHERE id IN ({listed})")  # noqa: S608
    stack.psql(
        f"INSERT INTO {table} (uuid, organization_id, url, secret, active, created_at) "  # noqa: S608
        f"SELECT gen_random_uuid(), o.id, '{url}', '{secret}', true, now() "
        f"FROM network_organization o WHERE o.id IN ({partners})"
    )
    undo = [f"UPDATE {table} SET active = false WHERE url = '{url}'"]  # noqa: S608
    if others:
        undo.append(f"UPDATE {table} SET active = true WHERE id IN ({listed})")  # noqa: S608
    return undo


def messages(url: str, since: str) -> dict[str, list[str]]:
    """The run's messages to our receiver by status (a cancelled one: by its reason too)."""
    rows = stack.psql(
        "SELECT m.status, m.cancelled_reason, m.uuid FROM referrals_outboxmessage m "  # noqa: S608
        "JOIN referrals_webhookendpoint e ON e.id = m.endpoint_id "
        f"WHERE e.url = '{url}' AND m.created_at >= '{since}'"
    )
    found: dict[str, list[str]] = {}
    for line in rows.splitlines():
        status, reason, key = line.split("\t")
        found.setdefault(f"{status} ({reason})" if reason else status, []).append(key)
    return found


def gunicorn_workers() -> list[psutil.Process]:
    master = psutil.Process(stack.pids()["gunicorn"])
    return list(master.children())


def kill_web_worker() -> dict[str, Any]:
    """SIGKILL the busiest worker; seconds until the master has all its workers again."""
    workers = gunicorn_workers()
    for worker in workers:
        worker.cpu_percent()
    time.sleep(0.2)
    busiest = max(workers, key=lambda worker: worker.cpu_percent())
    started = time.monotonic()
    os.kill(busiest.pid, signal.SIGKILL)
    while True:
        current = [w for w in gunicorn_workers() if w.pid != busiest.pid and w.is_running()]
        if len(current) >= WORKERS:
            break
        if time.monotonic() - started > 60:
            raise SystemExit("gunicorn did not replace its worker within 60 s")
        time.sleep(0.05)
    replaced = time.monotonic() - started
    stack.wait_http(timeout=60)
    return {"pid": busiest.pid, "replaced": replaced, "serving": time.monotonic() - started}


#: The moves a partner system makes without a reason (declining and failing need one), in
#: the order it prefers them.
MOVES = ("accepted", "in_progress", "completed", "on_hold")


def move_through_api(keys: list[str], per_key: int) -> tuple[int, int]:
    """Partner systems move some of their referrals one step on (accept a new one, start or
    complete one in progress): each move queues a webhook. Returns (moves, acceptances)."""
    moved, accepted = 0, []
    # Only referrals whose consent is in force: the outbox cancels the others' messages.
    consented = set(
        stack.psql(
            "SELECT r.uuid FROM referrals_referral r JOIN consent_consent c ON c.id = r.consent_id "
            "WHERE c.given_at <= now() AND (c.withdrawn_at IS NULL OR c.withdrawn_at > now()) "
            "AND c.expires_on >= current_date"
        ).split()
    )
    for key in keys:
        request = urllib.request.Request(  # noqa: S310 - our loopback http URL
            f"{stack.BASE_URL}/api/v1/referrals?page_size=50", headers={"X-Api-Key": key}
        )
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            body = json.loads(response.read())
        rows = body.get("results", []) if isinstance(body, dict) else body
        movable = [
            (str(row["uuid"]), next(m for m in MOVES if m in row["next_statuses"]))
            for row in rows
            if any(m in row["next_statuses"] for m in MOVES) and str(row["uuid"]) in consented
        ]
        for referral, status in random.sample(movable, min(per_key, len(movable))):
            post = urllib.request.Request(  # noqa: S310 - our loopback http URL
                f"{stack.BASE_URL}/api/v1/referrals/{referral}/status",
                data=json.dumps({"status": status}).encode(),
                headers={"X-Api-Key": key, "Content-Type": "application/json"},
                method="POST",
            )
            try:
                with urllib.request.urlopen(post, timeout=30) as answer:  # noqa: S310
                    moved += answer.status == 200
                    if answer.status == 200 and status == "accepted":
                        accepted.append(referral)
            except OSError:
                continue  # moved by the load first (409), or in flight: not acknowledged
    with open(stack.DIR / "acks" / "burst.jsonl", "a", encoding="utf-8") as log:
        for referral in accepted:
            log.write(json.dumps({"kind": "accept", "referral": referral}) + "\n")
    return moved, len(accepted)


def kill_outbox(receiver: Receiver, keys: list[str]) -> dict[str, Any]:
    """Queue webhooks, SIGKILL the outbox loop while the receiver holds one whose effect it
    applied, start the loop again a second later (:func:`sent_again` tells when they came)."""
    moved = accepted = 0
    for _ in range(6):  # a round of moves, then up to 30 s for one to reach the receiver
        more, newly = move_through_api(keys, per_key=3)
        moved, accepted = moved + more, accepted + newly
        deadline = time.monotonic() + 30
        while not receiver.held and time.monotonic() < deadline:
            time.sleep(0.01)
        if receiver.held:
            break
    else:
        raise SystemExit("No webhook reached the receiver after six rounds of moves")
    pid = stack.pids()["outbox"]
    os.kill(pid, signal.SIGKILL)
    killed = time.monotonic()
    with receiver.lock:
        held = set(receiver.held)
        receipts = {key: receiver.receipts[key] for key in held}
    stack.STARTED[pid].wait(timeout=30)
    time.sleep(1.0)  # systemd's RestartSec
    stack.start("outbox", stack.commands(WORKERS, THREADS)["outbox"])
    return {
        "moved": moved,
        "accepted": accepted,
        "held": receipts,  # key → requests received when the loop was killed
        "killed": killed,
        "restarted": time.monotonic(),
    }


def sent_again(receiver: Receiver, kill: dict[str, Any]) -> tuple[bool, float, float]:
    """Whether every message held at the kill came again; seconds after the kill and after
    the new loop's start until the last of them did."""
    held: dict[str, int] = kill["held"]
    if not all(receiver.receipts[key] > count for key, count in held.items()):
        return False, float("nan"), float("nan")
    again = max(receiver.last_seen[key] for key in held)
    return True, again - kill["killed"], again - kill["restarted"]


def task_effects(key: str) -> tuple[int, int]:
    """How many times the slow task began, and how many effects it left."""
    literal = f"'{key}'"  # a key this script made
    sql = f"SELECT (SELECT count(*) FROM bench_task_start WHERE key = {literal}), "  # noqa: S608
    sql += f"(SELECT count(*) FROM bench_task_effect WHERE key = {literal})"  # noqa: S608
    started, effects = stack.psql(sql).split()
    return int(started), int(effects)


def queue_slow_task(key: str, after: float) -> None:
    """Queue the slow task first in line, to run ``after`` seconds from now (a Django start
    takes seconds here: done before the load begins)."""
    stack.manage(
        "shell",
        "--no-imports",
        "-c",
        "import datetime as dt; from django.db import connection; "
        "from django.utils import timezone; "
        "from bench.faults.slow_task import SCHEMA, record; "
        "connection.cursor().execute(SCHEMA); "
        f"record.using(priority=10, run_after=timezone.now() + dt.timedelta(seconds={after})"
        f").enqueue({key!r}, {SLOW_TASK_SLEEP}, 0.0)",
    )


def kill_task_worker(key: str) -> dict[str, Any]:
    """SIGKILL ``task_worker`` while the slow task sleeps before its effect, start the worker
    again a second later (the task runs again once its lease has run out)."""
    deadline = time.monotonic() + 120
    while task_effects(key)[0] == 0:
        if time.monotonic() > deadline:
            raise SystemExit("The slow task did not start within 120 s")
        time.sleep(0.1)
    time.sleep(0.5)  # inside its sleep: no effect yet
    pid = stack.pids()["db_worker"]
    os.kill(pid, signal.SIGKILL)
    killed = time.time()
    stack.STARTED[pid].wait(timeout=30)
    just_after = task_status(key)
    time.sleep(1.0)  # systemd's RestartSec
    stack.start("db_worker", stack.commands(WORKERS, THREADS)["db_worker"])
    return {"killed": killed, "just_after": just_after}


def task_status(key: str) -> str:
    sql = "SELECT status, extract(epoch FROM finished_at) FROM django_tasks_database_dbtaskresult "
    sql += f"WHERE args_kwargs->'args'->>0 = '{key}'"
    return stack.psql(sql).strip()


def wait_until(what: str, check: Any, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise SystemExit(f"Timed out waiting for {what}")
        time.sleep(0.5)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=90)
    parser.add_argument("--users", type=int, default=40)
    parser.add_argument("--receiver-delay", type=float, default=0.5)
    parser.add_argument("--lease", type=float, default=10.0, help="SENTIER_TASK_LEASE_SECONDS")
    parser.add_argument("--no-write", action="store_true", help="Print; do not update the docs.")
    args = parser.parse_args()
    os.environ["SENTIER_TASK_LEASE_SECONDS"] = f"{args.lease:g}"  # read by app_env()
    secret = secrets.token_hex(32)
    receiver = Receiver(secret, args.receiver_delay)
    server = receiver.serve()
    url = f"http://127.0.0.1:{server.server_address[1]}/sentier-webhooks"
    undo = register(url, secret)
    load: under_load.Load | None = None
    prober: under_load.Prober | None = None
    try:
        pids = under_load.start_stack(WORKERS, THREADS)
        fixtures = under_load.fixtures()
        since = under_load.database_now()
        run = f"kill{int(time.time())}"
        victim = f"victim-{run}"
        queue_slow_task(victim, after=args.duration * 0.42)
        prober = under_load.Prober(
            fixtures["caseworkers"][0]["session"], fixtures["session_cookie"]
        )
        load = under_load.Load(users=args.users, duration=args.duration, run=run)
        began = time.monotonic()

        def at(fraction: float) -> None:
            time.sleep(max(0.0, began + args.duration * fraction - time.monotonic()))

        at(0.15)
        prober.start()
        web, outbox = [], []
        at(0.2)
        web.append(kill_web_worker())
        at(0.35)
        outbox.append(kill_outbox(receiver, fixtures["api_keys"]))
        at(0.45)
        task = kill_task_worker(victim)
        at(0.55)
        web.append(kill_web_worker())
        at(0.7)
        outbox.append(kill_outbox(receiver, fixtures["api_keys"]))
        load.wait()
        prober.stop()
        wait_until("the outbox to be empty", lambda: not messages(url, since).get("pending"), 180)
        tasks = under_load.wait_for_tasks(since, timeout=300)
        twice = under_load.tasks_enqueued_twice(since)
        alive = {name: stack.alive(pid) for name, pid in stack.pids().items()}
        restarted = {name: stack.pids()[name] != pid for name, pid in pids.items()}
    finally:
        if prober is not None:
            prober.stop()
        if load is not None:
            load.stop()
        stack.down()
        for statement in undo:
            stack.psql(statement)
        server.shutdown()
    verdicts = acks.check(run, since)
    sent = messages(url, since)
    delivered = set(sent.get("delivered", []))
    received = set(receiver.receipts)
    resent = sum(receiver.receipts.values()) - len(received)
    effects_twice = sum(1 for n in receiver.effects.values() if n > 1)
    events_twice = sum(1 for n in receiver.events.values() if n > 1)
    changed_bodies = sum(1 for bodies in receiver.bodies.values() if len(bodies) > 1)
    attempts_seen = Counter(
        " then ".join(sorted(values))
        for key, values in receiver.attempt_headers.items()
        if receiver.receipts[key] > 1
    )
    total, failures = load.totals(), load.failures()
    resends = [sent_again(receiver, kill) for kill in outbox]
    files = int(stack.psql("SELECT count(*) FROM participants_participant").strip())
    victim_starts, victim_effects = task_effects(victim)
    victim_status, victim_finished = [*task_status(victim).split("\t"), "", ""][:2]
    victim_done = float(victim_finished) - task["killed"] if victim_finished else float("nan")
    task_ok = (
        set(tasks) <= {"SUCCESSFUL"}
        and twice == 0
        and victim_status == "SUCCESSFUL"
        and victim_effects == 1
        and victim_starts == 2
    )
    # A message whose referral's consent ended is cancelled, never sent (ADR 0011): not a loss.
    outbox_ok = (
        set(sent) <= {"delivered", "cancelled (Consent no longer in force.)"}
        and delivered == received
        and effects_twice == 0
        and events_twice == 0
        and changed_bodies == 0
        and all(again[0] for again in resends)
    )
    web_ok = prober.tracebacks == 0 and all(alive.values())
    ok = all(v.ok for v in verdicts.values()) and task_ok and outbox_ok and web_ok
    lines = [
        "## Fault: a gunicorn worker, the task worker and the outbox loop SIGKILLed under load "
        "(`bench/faults/sigkill_under_load.py`)",
        "",
        f"Machine: {machine_description()}; **shared by six engineers' work** (load average "
        f"{psutil.getloadavg()[0]:.1f} at the end). Stack of `bench/load/` ({WORKERS} gunicorn "
        f"workers x {THREADS} threads, `task_worker`, `deliver_outbox --loop`), "
        f"{files:,} files; "
        f"{args.users} users for {args.duration} s (full length: `--duration 600`). "
        "Partner systems: one webhook receiver on loopback for every partner organization, "
        "applying each `Sentier-Delivery` key once and answering "
        f"{args.receiver_delay:g} s after applying it (the window between the outbox's send "
        "and its commit).",
        "",
        "| kill | victim | back | what it held |",
        "|---|---|---:|---|",
        *[
            f"| gunicorn worker at {pct} % of the run | pid {kill['pid']} (the busiest) | "
            f"replaced in **{kill['replaced']:.1f} s**, `/healthz` 200 after "
            f"{kill['serving']:.1f} s | its requests in flight |"
            for pct, kill in zip((20, 55), web, strict=True)
        ],
        *[
            f"| `deliver_outbox --loop` at {pct} % of the run | after {kill['moved']} "
            f"referrals moved on through the API ({kill['accepted']} accepted) | started again "
            "1 s later; the held messages "
            f"sent again **{again[1]:.1f} s** after the kill ({again[2]:.1f} s "
            f"after the new process started) | webhooks applied by the receiver, not yet "
            f"answered: {len(kill['held'])} |"
            for pct, kill, again in zip((35, 70), outbox, resends, strict=True)
        ],
        f"| `task_worker` at 45 % of the run | a slow task first in line, asleep before its "
        f"effect ({task['just_after'].split()[0]} just after the kill) | started again 1 s "
        f"later; the task {victim_status} **{victim_done:.1f} s** after the kill (its lease: "
        f"{args.lease:g} s) | "
        f"the task: begun {victim_starts} times, effect recorded {victim_effects} time(s) |",
        "",
        "Processes at the end: "
        + ", ".join(
            f"{name} {'running' if up else 'NOT running'}"
            + (" (started again after its kill)" if restarted[name] else "")
            for name, up in alive.items()
        )
        + ". gunicorn's master was never restarted.",
        "",
        f"What people saw: a caseworker's caseload page polled every 0.1 s from before the "
        f"first kill to the end: {under_load.counts(prober.statuses.most_common())}; "
        f"{prober.tracebacks} tracebacks. The load: {int(total['Request Count']):,} requests, "
        f"{total['Failure Count']} failed: {under_load.counts(failures.most_common(6))}.",
        "",
        *under_load.acks_table(verdicts),
        "",
        f"Background tasks enqueued during the run: {under_load.counts(sorted(tasks.items()))}; "
        f"enqueued twice (same task, same arguments): **{twice}**.",
        "",
        "Webhooks of the run (the outbox's rows against what the receiver saw):",
        "",
        f"- messages: {under_load.counts(sorted((s, len(k)) for s, k in sent.items()))}; "
        f"delivered and received: {len(delivered & received)}; delivered, never received: "
        f"{len(delivered - received)}; received, not delivered: {len(received - delivered)};",
        f"- requests received: {sum(receiver.receipts.values())} for {len(received)} keys: "
        f"**{resent} sent again** after a kill, each recognised by its key (same "
        f"`Sentier-Delivery`; bodies that changed between tries: {changed_bodies}; "
        "`Sentier-Attempt` on every try of a re-sent key: "
        + "; ".join(f"{value} ({n} keys)" for value, n in attempts_seen.most_common())
        + ", the killed try was never recorded);",
        f"- effects applied twice for one key: **{effects_twice}**; one event (referral, topic) "
        f"under two keys: **{events_twice}**; refused (signature, cut body): {receiver.refused}; "
        f"answers the killed sender never read: {receiver.unanswered}.",
        "",
        f"Verdict: **{'nothing lost, nothing done twice' if ok else 'FAILED'}**.",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        write_section("faults_sigkill", text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
