"""Issue 6: 1,000 referrals delivered while the delivery worker is killed several times — each
delivered effect happens exactly once.

The guarantee is at-least-once delivery plus an idempotency key: a worker killed after the
receiver applied a message but before its own commit leaves the message pending, so it is sent
again with the same ``Sentier-Delivery`` key, and the receiver, which applies each key once,
recognises the duplicate. Two tests:

- in process (SQLite and PostgreSQL): the sender "dies" (an exception that is not a failed try)
  right after the receiver applied the message, on every 97th message, three rounds;
- on PostgreSQL only: real ``manage.py deliver_outbox --loop`` processes against the test
  database and a local HTTP receiver, which SIGKILLs every worker at set points of the run,
  before answering; the test restarts them until nothing is pending.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections import Counter
from collections.abc import Iterator, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from sentier.accounts.models import User
from sentier.consent.actions import record_consent
from sentier.consent.models import Channel, Purpose, RecipientKind
from sentier.exchange.models import DeliveryAttempt
from sentier.exchange.webhooks import WebhookChannel, verify_signature
from sentier.outbox.delivery import deliver_due
from sentier.outbox.models import OutboxMessage, OutboxStatus, WebhookEndpoint
from sentier.participants.models import Participant
from sentier.referrals.actions import send_referral
from sentier.referrals.models import Referral

COUNT = 1000
SECRET = "exactly-once-secret"  # a test endpoint's signing secret
ON_POSTGRESQL = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


class Receiver:
    """A partner system: verifies the signature, applies each delivery key's effect once."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.effects: Counter[str] = Counter()  # referral → times its effect was applied
        self.seen: set[str] = set()
        self.received = 0
        self.duplicates = 0
        self.truncated = 0
        self.bad_signatures = 0

    def receive(self, body: bytes, headers: Mapping[str, str], length: int | None = None) -> int:
        """Apply (or recognise) one request; its number in the order received (0: refused).

        A worker killed while it writes a request leaves a body shorter than its Content-Length.
        Any HTTP receiver refuses it (and its signature, over the whole body, would not match
        anyway); the sender never hears an answer, so the message stays pending and is sent
        again whole. Such a request is counted apart from a forged one.
        """
        if length is not None and len(body) != length:
            with self.lock:
                self.truncated += 1
            return 0
        if not verify_signature(
            secret=SECRET,
            timestamp=headers.get("Sentier-Timestamp", ""),
            body=body,
            signature=headers.get("Sentier-Signature", ""),
        ):
            with self.lock:
                self.bad_signatures += 1
            return 0
        key = headers["Sentier-Delivery"]
        referral = json.loads(body)["data"]["referral"]
        with self.lock:
            self.received += 1
            if key in self.seen:
                self.duplicates += 1  # recognised by its key: not applied again
            else:
                self.seen.add(key)
                self.effects[referral] += 1
            return self.received


def make_referrals(endpoint_url: str) -> list[str]:
    """One referral sent through the real action, then copies of it up to ``COUNT``, each with
    one pending message (bulk: the point is the delivery, not 1,000 sends)."""
    caseworker = User.objects.get(email="caseworker.laval@sentier.demo")
    partner = User.objects.get(email="partner.opex@sentier.demo")
    participant = Participant.objects.get(user__email="participant@sentier.demo")
    organization = partner.organization
    assert organization is not None
    endpoint = WebhookEndpoint.objects.create(
        organization=organization, url=endpoint_url, secret=SECRET
    )
    record_consent(
        actor=caseworker,
        participant=participant,
        purpose=Purpose.REFERRAL,
        recipient_kind=RecipientKind.ORGANIZATION,
        recipient_organization=organization,
        categories=["identity"],
        channel=Channel.PHONE,
    )
    first = send_referral(
        actor=caseworker,
        participant=participant,
        organization=organization,
        need="Recherche d’emploi",
        categories=["identity"],
    )
    copies = []
    for _ in range(COUNT - 1):
        copy = Referral.objects.get(pk=first.pk)
        copy.pk = None
        copy.uuid = uuid.uuid4()
        copies.append(copy)
    referrals = [first, *Referral.objects.bulk_create(copies)]
    OutboxMessage.objects.all().delete()
    now = timezone.now() - dt.timedelta(seconds=1)
    OutboxMessage.objects.bulk_create(
        [
            OutboxMessage(
                topic="referral.requested",
                endpoint=endpoint,
                referral=referral,
                consent=first.consent,
                payload={"referral": str(referral.uuid), "status": "requested"},
                next_attempt_at=now,
                created_at=now,
            )
            for referral in referrals
        ]
    )
    return [str(r.uuid) for r in referrals]


def failed_tries() -> list[str]:
    return list(DeliveryAttempt.objects.filter(ok=False).values_list("error", flat=True)[:5])


def assert_exactly_once(receiver: Receiver, referrals: list[str]) -> None:
    assert OutboxMessage.objects.count() == COUNT
    assert not OutboxMessage.objects.exclude(status=OutboxStatus.DELIVERED).exists()
    assert receiver.bad_signatures == 0  # truncated writes of killed workers are counted apart
    assert set(receiver.effects) == set(referrals)
    assert set(receiver.effects.values()) == {1}  # each effect exactly once
    assert receiver.received == COUNT + receiver.duplicates
    assert receiver.duplicates >= 1  # re-sent after a kill, recognised by the key


class Killed(BaseException):
    """The worker dying: not an error a sender reports, so nothing of its transaction stays."""


@pytest.mark.django_db
def test_each_effect_happens_once_when_the_worker_dies_after_sending() -> None:
    receiver = Receiver()
    referrals = make_referrals("https://partner.example/hook")
    sent = 0

    def post(url: str, body: bytes, headers: Mapping[str, str], timeout: float) -> int:
        nonlocal sent
        receiver.receive(body, headers)
        sent += 1
        if sent % 97 == 0:
            raise Killed  # applied by the receiver, never recorded as delivered
        return 200

    channels = {"webhook": WebhookChannel(post)}
    kills = 0
    while OutboxMessage.objects.filter(status=OutboxStatus.PENDING).exists():
        try:
            deliver_due(channels=channels, limit=COUNT)
        except Killed:
            kills += 1  # "restart" the worker
    assert kills >= 3
    assert_exactly_once(receiver, referrals)
    assert receiver.duplicates >= kills  # the batch a kill interrupted is sent again


# ---------------------------------------------------------------------------------------------
# Real worker processes, killed with SIGKILL (PostgreSQL: rows locked with SKIP LOCKED)


def database_url() -> str:
    """The test database as a DATABASE_URL for the worker processes: the suite's own URL with
    the test database's name."""
    parts = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
    return urllib.parse.urlunsplit(parts._replace(path="/" + connection.settings_dict["NAME"]))


class Workers:
    """``deliver_outbox --loop`` processes; the receiver kills them all at its kill points."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.lock = threading.Lock()
        self.running: list[subprocess.Popen[bytes]] = []
        self.started = 0
        self.killed = 0
        self.env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "SENTIER_WEBHOOK_TIMEOUT_SECONDS": "5",
            "NO_PROXY": "127.0.0.1,localhost",
            "no_proxy": "127.0.0.1,localhost",
        }
        self.manage = Path(settings.BASE_DIR) / "manage.py"
        # The workers' errors, shown if the test fails.
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()

    def close(self) -> None:
        self.log.close()

    def errors(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-3000:]

    def fill(self) -> None:
        with self.lock:
            self.running = [p for p in self.running if p.poll() is None]
            while len(self.running) < self.count:
                self.running.append(
                    subprocess.Popen(
                        [
                            sys.executable,
                            str(self.manage),
                            "deliver_outbox",
                            "--loop",
                            "--interval",
                            "0.05",
                            "--limit",
                            "50",
                        ],
                        env=self.env,
                        stdout=subprocess.DEVNULL,
                        stderr=self.log,
                    )
                )
                self.started += 1

    def kill_all(self) -> None:
        with self.lock:
            for process in self.running:
                if process.poll() is None:
                    os.kill(process.pid, signal.SIGKILL)
                    self.killed += 1
            for process in self.running:
                process.wait()
            self.running = []


def serve(receiver: Receiver, workers: Workers, kill_at: set[int]) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            number = receiver.receive(body, dict(self.headers.items()), length)
            if number == 0:
                self.send_response(400)  # truncated or forged: refused, never applied
                self.end_headers()
                return
            with receiver.lock:
                kill = number in kill_at
                kill_at.discard(number)
            if kill:
                # Applied here, and the workers die before they hear back: a re-send must come.
                workers.kill_all()
            self.send_response(200)
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def reference_restored(django_db_blocker: Any) -> Iterator[None]:
    """A transactional test empties every table when it ends: put back what the session set up
    (requested before ``transactional_db`` so that this runs after its flush)."""
    yield
    from sentier.participants.demo import ensure_personas

    with django_db_blocker.unblock():
        call_command("load_reference", verbosity=0)
        ensure_personas()


@pytest.mark.skipif(
    not ON_POSTGRESQL,
    reason="Separate worker processes need a database they can share with row locks "
    "(SKIP LOCKED): run the suite with DATABASE_URL on PostgreSQL.",
)
def test_each_effect_happens_once_while_worker_processes_are_killed(
    reference_restored: None, transactional_db: None
) -> None:
    receiver = Receiver()
    workers = Workers(count=2)
    kill_at = {150, 450, 750}
    server = serve(receiver, workers, kill_at)
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/hook"
        referrals = make_referrals(url)
        # About 20 s on an idle machine; most of it is starting Django in each new worker. The
        # limit only stops a run that hangs: it is far above what a loaded machine needs.
        deadline = time.monotonic() + 900
        while OutboxMessage.objects.filter(status=OutboxStatus.PENDING).exists():
            assert time.monotonic() < deadline, (
                f"not finished: {receiver.received} received, {workers.started} workers "
                f"started, failed tries: {failed_tries()}\n{workers.errors()}"
            )
            workers.fill()  # restart what was killed
            time.sleep(0.2)
        pending_kills = set(kill_at)
    finally:
        workers.kill_all()
        workers.close()
        server.shutdown()
        server.server_close()
    assert not pending_kills
    assert workers.killed >= 3
    assert_exactly_once(receiver, referrals)
