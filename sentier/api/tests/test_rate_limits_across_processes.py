"""Rate limits hold across server processes: the counters live in the database cache, which
every gunicorn worker shares (config.production), not in each process's memory.

Two tests, both deterministic (one worker finishes before the other starts; the windows are a
day long):

- two cache clients over the database cache, as two processes each have their own: a limit
  reached through one holds through the other (SQLite and PostgreSQL);
- on PostgreSQL, two real worker processes on the test database: the first uses up a person's
  API rate, the second refuses that person.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.conf import settings
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.management import call_command
from django.db import connection
from rest_framework.views import APIView

from sentier.api.authentication import ApiUserRateThrottle

ON_POSTGRESQL = connection.vendor == "postgresql"


class ThreeADay(ApiUserRateThrottle):
    rate = "3/day"


def allowed(cache: BaseCache, request: Any) -> bool:
    """One request through a throttle (three a day) that counts in ``cache``."""
    throttle = ThreeADay()
    throttle.cache = cache
    return throttle.allow_request(request, APIView())


def as_person(user: Any) -> Any:
    return SimpleNamespace(user=user, auth=None)


@pytest.mark.django_db
def test_a_limit_reached_through_one_cache_client_holds_for_another(personas: Any) -> None:
    first, second = (DatabaseCache("sentier_cache", {}) for _ in range(2))
    request = as_person(personas["analyst"])
    assert [allowed(first, request) for _ in range(3)] == [True, True, True]
    assert allowed(second, request) is False


@pytest.mark.django_db
def test_per_process_memory_would_not_hold(personas: Any) -> None:
    """What production did before: each process its own memory, so N workers allowed N times."""
    first, second = (LocMemCache(f"worker-{n}", {}) for n in range(2))
    first.clear()
    second.clear()
    request = as_person(personas["analyst"])
    assert [allowed(first, request) for _ in range(3)] == [True, True, True]
    assert allowed(second, request) is True


@pytest.fixture
def reference_restored(django_db_blocker: Any) -> Iterator[None]:
    """A transactional test empties every table when it ends: put back what the session set up
    (requested before ``transactional_db`` so that this runs after its flush)."""
    yield
    from sentier.participants.demo import ensure_personas

    with django_db_blocker.unblock():
        call_command("load_reference", verbosity=0)
        ensure_personas()


WORKER = """
import json
from django.test import Client
from sentier.accounts.models import User
client = Client()
client.force_login(User.objects.get(email={email!r}))
print(json.dumps([client.get("/api/v1/me").status_code for _ in range({count})]))
"""


def worker(email: str, count: int) -> list[int]:
    """One server process with production's cache: ``count`` API requests as ``email``."""
    parts = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
    url = urllib.parse.urlunsplit(parts._replace(path="/" + connection.settings_dict["NAME"]))
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SENTIER_CACHE": "database",
        "SENTIER_API_USER_RATE": "3/day",
    }
    done = subprocess.run(
        [
            sys.executable,
            str(Path(settings.BASE_DIR) / "manage.py"),
            "shell",
            "-c",
            WORKER.format(email=email, count=count),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    codes: list[int] = json.loads(done.stdout.strip().splitlines()[-1])
    return codes


@pytest.mark.skipif(
    not ON_POSTGRESQL,
    reason="Worker processes need a database they can share: the SQLite test database is in "
    "memory. Run with DATABASE_URL on PostgreSQL.",
)
def test_two_worker_processes_share_a_persons_api_rate(
    reference_restored: None, transactional_db: None, personas: Any
) -> None:
    email = personas["analyst"].email
    assert worker(email, 3) == [200, 200, 200]
    assert worker(email, 2) == [429, 429]
    assert worker(personas["caseworker_laval"].email, 1) == [200]
