"""Shared test fixtures: reference data and the personas every test speaks of.

Personas (as in ``sentier.accounts.demo``): ``caseworker_laval``, ``caseworker_montreal``,
``coordinator`` (Laval), ``partner_opex``, ``partner_sorif``, ``participant`` (a Laval file),
``analyst``, ``admin``. They are created once per test session; each test runs in a transaction.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.utils import translation

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_configure(config: pytest.Config) -> None:
    settings.PASSWORD_HASHERS = FAST_HASHERS


# A test given at least this time limit (pytest.mark.timeout) is one of the suite's longest.
LONG_TEST_SECONDS = 600

# A test that asks for one of these (itself or through another fixture) reaches the database.
DATABASE_FIXTURES = frozenset(
    {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback"}
)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The longest tests (those given a longer time limit: they load the whole demo or walk every
    page) go first, so that the parallel processes share them out at the start instead of one
    of them finishing a four-minute walk alone at the end. Only among the tests that keep their
    transaction: pytest-django (which sorts before this hook) keeps those that flush the database
    after them.

    The PostgreSQL run (``make pytest-postgres`` sets SENTIER_DATABASE_TESTS_ONLY) keeps the
    tests that reach the database. The others cannot depend on it (pytest-django refuses them any
    database access) and have just run in the SQLite run."""
    items.sort(key=lambda item: not _is_long(item))
    if os.environ.get("SENTIER_DATABASE_TESTS_ONLY") != "1":
        return
    kept: list[pytest.Item] = []
    left: list[pytest.Item] = []
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        reaches = item.get_closest_marker("django_db") is not None or fixtures & DATABASE_FIXTURES
        (kept if reaches else left).append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept


def _is_long(item: pytest.Item) -> bool:
    limit = item.get_closest_marker("timeout")
    if limit is None or not limit.args or limit.args[0] < LONG_TEST_SECONDS:
        return False
    marker = item.get_closest_marker("django_db")
    fixtures = set(getattr(item, "fixturenames", ()))
    flushes = bool(marker and marker.kwargs.get("transaction")) or bool(
        fixtures & {"transactional_db", "live_server"}
    )
    return not flushes


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    from config.settings import caches_for
    from sentier.participants.demo import ensure_personas

    with django_db_blocker.unblock():
        call_command("load_reference", verbosity=0)
        ensure_personas()
        # config.production keeps throttling counters in the database cache.
        with override_settings(CACHES=caches_for("database")):
            call_command("createcachetable", verbosity=0)
        allow_emptying_the_test_database()


def allow_emptying_the_test_database() -> None:
    """After a transactional test pytest-django empties the database with one TRUNCATE, which the
    access log refuses unless the session says it is maintenance
    (``sentier/audit/migrations/0004_refuse_truncate.py``). Said here for the test database only:
    for this connection and, through the database's default, every later one."""
    if connection.vendor != "postgresql":
        return
    name = connection.ops.quote_name(connection.settings_dict["NAME"])
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER DATABASE {name} SET sentier.audit_maintenance = 'on'")
        cursor.execute("SET sentier.audit_maintenance = 'on'")


@pytest.fixture(autouse=True)
def fresh_throttling_counters() -> None:
    """Rate-limit counters kept in the local-memory cache outlive a test's transaction: start each
    test with none, so that no test is throttled by the ones before it."""
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    if isinstance(caches["default"], LocMemCache):
        caches["default"].clear()


@pytest.fixture(autouse=True)
def french_by_default() -> Iterator[None]:
    """Every test starts in French, whatever language the previous request activated."""
    with translation.override("fr-ca"):
        yield


@pytest.fixture
def personas(db: None) -> dict[str, Any]:
    from sentier.accounts.demo import PERSONAS
    from sentier.accounts.models import User

    users = {u.email: u for u in User.objects.filter(email__in=[p.email for p in PERSONAS])}
    return {p.key: users[p.email] for p in PERSONAS}


@pytest.fixture
def client_for(personas: dict[str, Any]) -> Any:
    """``client_for("caseworker_laval")``: a test client signed in as that persona."""

    from sentier.accounts.models import User

    def make(key: str) -> Client:
        client = Client()
        # Fetched again: demo loading may have reset the password (and so the session hash).
        client.force_login(User.objects.get(pk=personas[key].pk))
        return client

    return make


@pytest.fixture
def laval_participant(personas: dict[str, Any]) -> Any:
    """The participant persona's own file, in Laval, assigned to the Laval caseworker."""
    from sentier.participants.models import Participant

    return Participant.objects.get(user=personas["participant"])


@pytest.fixture
def montreal_participant(personas: dict[str, Any]) -> Any:
    """A Montréal file opened through the real action."""
    from sentier.participants.actions import open_participant_file
    from sentier.reference.models import Program, Region

    return open_participant_file(
        actor=personas["admin"],
        first_name="Olivier",
        last_name="Bergeron",
        region=Region.objects.get(code="06"),
        program=Program.objects.get(code="PSS"),
        caseworker=personas["caseworker_montreal"],
    )


# Settings config.production leaves as they are in tests: the test database, and static files
# served by the finders (the manifest storage needs a collectstatic run first).
NOT_FROM_PRODUCTION = frozenset({"DATABASES", "STORAGES"})


@pytest.fixture
def production_settings(settings: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """What ``config.production`` changes from ``config.settings``, applied for one test (MFA
    required, HTTPS only, secure cookies, HSTS…), with its environment defaults. Requests must come
    through the TLS proxy: use ``https_client``."""
    import importlib

    import config.settings as base

    monkeypatch.setenv("SENTIER_SECRET_KEY", "test-production-key-7Hq2vXb9LmR4sTz8WnK3pYc6DfG1jA5e")
    for name in ("SENTIER_REQUIRE_MFA", "SENTIER_SSL_REDIRECT", "SENTIER_HSTS_SECONDS"):
        monkeypatch.delenv(name, raising=False)
    production = importlib.reload(importlib.import_module("config.production"))
    for name in dir(production):
        if not name.isupper() or name in NOT_FROM_PRODUCTION:
            continue
        value = getattr(production, name)
        if not hasattr(base, name) or getattr(base, name) != value:
            setattr(settings, name, value)
    assert settings.SENTIER_REQUIRE_MFA
    assert not settings.DEBUG
    return settings


@pytest.fixture
def https_client() -> Any:
    """``https_client()``: a test client whose requests arrive as the TLS-terminating proxy
    forwards them (``X-Forwarded-Proto: https``), as production settings expect."""

    def make(**defaults: Any) -> Client:
        return Client(HTTP_X_FORWARDED_PROTO="https", **defaults)

    return make
