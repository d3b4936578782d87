"""Benchmark of the outbox delivery worker on PostgreSQL: messages delivered per second.

Run against a throw-away PostgreSQL cluster (``make bench`` does this)::

    export DATABASE_URL=$(scripts/pg_test_cluster.sh start)
    .venv/bin/python bench/bench_delivery.py            # --messages N
    scripts/pg_test_cluster.sh stop

Three measures of the same work (each message: taken with SKIP LOCKED, signed, sent, its attempt
logged, marked delivered):

1. in process with a sender that does nothing: the database's share, one message per
   transaction beside 20 per transaction (the worker's batch);
2. in process, POSTed to a local HTTP receiver on 127.0.0.1 (standard library both sides);
3. 1, 2 and 4 ``sentier deliver_outbox --loop`` processes against the same receiver, timed from
   the first message received to the last (a worker's start, about 2 s, is not counted).

Figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()  # the models below need the app registry: imports follow it

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench._report import machine_description, write_section  # noqa: E402
from sentier.exchange.models import DeliveryAttempt  # noqa: E402
from sentier.exchange.webhooks import WebhookChannel  # noqa: E402
from sentier.network.models import Organization  # noqa: E402
from sentier.outbox.delivery import deliver_due  # noqa: E402
from sentier.outbox.models import OutboxMessage, OutboxStatus, WebhookEndpoint  # noqa: E402


class Receiver:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.times: list[float] = []
        self.keys: set[str] = set()

    def serve(self) -> ThreadingHTTPServer:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with receiver.lock:
                    receiver.times.append(time.monotonic())
                    receiver.keys.add(self.headers.get("Sentier-Delivery", ""))
                self.send_response(200)
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server


def queue(endpoint: WebhookEndpoint, count: int) -> None:
    OutboxMessage.objects.filter(endpoint=endpoint).delete()
    now = timezone.now() - dt.timedelta(seconds=1)
    OutboxMessage.objects.bulk_create(
        [
            OutboxMessage(
                topic="bench.referral.requested",
                endpoint=endpoint,
                payload={"referral": str(n), "need": "Recherche d’emploi", "identity": {}},
                next_attempt_at=now,
                created_at=now,
            )
            for n in range(count)
        ],
        batch_size=1000,
    )


def in_process(endpoint: WebhookEndpoint, count: int, batch: int, post: object) -> float:
    queue(endpoint, count)
    channels = {"webhook": WebhookChannel(post)}  # type: ignore[arg-type]
    started = time.perf_counter()
    report = deliver_due(limit=count, batch=batch, channels=channels)
    elapsed = time.perf_counter() - started
    assert report.delivered == count, report
    return count / elapsed


def with_workers(endpoint: WebhookEndpoint, count: int, workers: int, receiver: Receiver) -> float:
    queue(endpoint, count)
    receiver.times.clear()
    receiver.keys.clear()
    manage = Path(settings.BASE_DIR) / "manage.py"
    command = [sys.executable, str(manage), "deliver_outbox", "--loop", "--interval", "0.05"]
    env = {**os.environ, "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"}
    processes = [subprocess.Popen(command, env=env) for _ in range(workers)]
    try:
        deadline = time.monotonic() + 600
        while OutboxMessage.objects.filter(endpoint=endpoint, status=OutboxStatus.PENDING).exists():
            if time.monotonic() > deadline:
                raise SystemExit("workers did not finish")
            time.sleep(0.2)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait()
    assert len(receiver.keys) == count
    return (len(receiver.times) - 1) / (receiver.times[-1] - receiver.times[0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        print("Run this against PostgreSQL (DATABASE_URL=postgres://…).", file=sys.stderr)
        return 2
    call_command("migrate", verbosity=0)
    call_command("load_reference", verbosity=0)
    organization = Organization.objects.order_by("id").first()
    assert organization is not None
    receiver = Receiver()
    server = receiver.serve()
    endpoint, _ = WebhookEndpoint.objects.update_or_create(
        organization=organization,
        url=f"http://127.0.0.1:{server.server_address[1]}/bench",
        defaults={"secret": "bench-secret", "active": True},
    )
    WebhookEndpoint.objects.filter(url__contains="/bench").exclude(pk=endpoint.pk).delete()

    def nothing(url: str, body: bytes, headers: Mapping[str, str], timeout: float) -> int:
        return 200

    from sentier.exchange.webhooks import urllib_post

    n = args.messages
    rows = [
        ("in process, no network, 1 per transaction", in_process(endpoint, n, 1, nothing)),
        ("in process, no network, 20 per transaction", in_process(endpoint, n, 20, nothing)),
        (
            "in process, HTTP to 127.0.0.1, 20 per transaction",
            in_process(endpoint, n, 20, urllib_post),
        ),
    ]
    for workers in (1, 2, 4):
        rate = with_workers(endpoint, n, workers, receiver)
        rows.append((f"{workers} worker process{'es' if workers > 1 else ''}, HTTP", rate))
    server.shutdown()
    OutboxMessage.objects.filter(endpoint=endpoint).delete()
    DeliveryAttempt.objects.filter(message__endpoint=endpoint).delete()
    endpoint.delete()

    base = rows[0][1]
    lines = [
        "## Outbox delivery (`bench/bench_delivery.py`, PostgreSQL 15)",
        "",
        f"{machine_description()}. {n} messages per run; each one taken with `FOR UPDATE SKIP "
        "LOCKED`, signed (HMAC-SHA256), sent, its attempt logged and marked delivered.",
        "",
        "| run | messages per second | vs. 1 per transaction |",
        "|---|---:|---:|",
    ]
    for label, rate in rows:
        lines.append(f"| {label} | {rate:,.0f} | {rate / base:.2f}× |")
        print(f"{label:<55} {rate:8,.0f}/s  {rate / base:5.2f}×")
    lines += [
        "",
        "Worker processes are timed from the first message received to the last (a worker's "
        "start, about 2 s, is not counted). The machine is shared: read the ratios more than "
        "the absolute figures.",
    ]
    write_section("delivery", "\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
