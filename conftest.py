"""Shared test fixtures: reference data and the personas every test speaks of.

Personas (as in ``sentier.accounts.demo``): ``caseworker_laval``, ``caseworker_montreal``,
``coordinator`` (Laval), ``partner_opex``, ``partner_sorif``, ``participant`` (a Laval file),
``analyst``, ``admin``. They are created once per test session; each test runs in a transaction.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any, cast

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.utils import translation

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_configure(config: pytest.Config) -> None:
    settings.PASSWORD_HASHERS = FAST_HASHERS
    # Under pytest-xdist (``-n 2 --dist load``), deal the tests out one at a time. By default
    # xdist first sends each process a run of consecutive tests, a quarter of its share (375 of
    # the SQLite run's 3,000): the longest tests, sorted first (below), all went to the first
    # process, which walked them one after the other while the other took the short ones, and
    # then still had its own 375 to run at the end. ``--maxschedchunk=1`` (unless given) gives
    # each process two tests to start with, then one more each time one ends.
    if config.pluginmanager.hasplugin("xdist") and config.getoption("maxschedchunk") is None:
        config.option.maxschedchunk = 1


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


# ---------------------------------------------------------------------------------------------
# Test databases: the migrations run once per run, not once per process


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings: None,
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    django_db_blocker: Any,
) -> Iterator[None]:
    """Runs just before pytest-django creates this process's test database. The first process
    of the run to get here migrates a database of its own once (Django's own test-database
    creation: every migration, the cache table); every process's test database is then a copy
    of it, in which pytest-django's ``migrate`` finds nothing left to apply (it still runs, with
    its post-migrate steps). SQLite: the migrated file is copied into this process's in-memory
    test database (sqlite3's backup API). PostgreSQL: it is the ``TEMPLATE`` this process's
    ``CREATE DATABASE`` copies (schema, triggers, functions, extensions and rows alike).

    The migrated copy belongs to this run only (its temporary folder, shared by the xdist
    processes, and a marker there for the PostgreSQL template): a later run builds its own, so
    a copy made before a migration, or the code a migration imports, changed can never be used.
    Its name carries a hash of the migration files all the same. ``--reuse-db`` and
    ``--nomigrations`` (or a ``django_db_use_migrations`` fixture that answers no, as the browser
    tests' does) keep pytest-django's meaning: no copy then."""
    if request.config.getvalue("reuse_db") or not request.getfixturevalue(
        "django_db_use_migrations"
    ):
        yield
        return
    from django.db import connection

    with django_db_blocker.unblock():
        folder = _run_folder(tmp_path_factory) / "migrated-databases"
        folder.mkdir(exist_ok=True)
        key = migrations_key()
        with _held(folder / f"{key}.lock"):
            if connection.vendor == "postgresql":
                template = _postgresql_template(folder, key)
                keeper = None
            elif connection.vendor == "sqlite":
                template, keeper = None, _sqlite_copy(folder, key)
            else:  # another database: every process migrates its own, as pytest-django does
                template, keeper = None, None
    if template:
        connection.settings_dict["TEST"]["TEMPLATE"] = template
    yield
    if keeper is not None:
        keeper.close()


def _run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary folder of this run, shared by its xdist processes (each one's own is in it)."""
    root = tmp_path_factory.getbasetemp()
    return root.parent if os.environ.get("PYTEST_XDIST_WORKER") else root


@contextmanager
def _held(lock: Path) -> Iterator[None]:
    """An exclusive lock between the processes of the run: one migrates, the others wait."""
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def migrations_key(files: list[tuple[str, str, Path]] | None = None) -> str:
    """A hash of every migration file (this project's and the libraries'), Django's version and
    the database's kind: two sets of migrations never give the same name."""
    import django
    from django.db import connection

    if files is None:
        files = _migration_files()
    digest = hashlib.sha256(f"{django.__version__} {connection.vendor}".encode())
    digest.update(sqlite3.sqlite_version.encode())
    for app_label, name, path in sorted(files):
        digest.update(f"\0{app_label}\0{name}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _migration_files() -> list[tuple[str, str, Path]]:
    import sys

    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    files = []
    for (app_label, name), migration in loader.disk_migrations.items():
        module = sys.modules[type(migration).__module__]
        files.append((app_label, name, Path(str(module.__file__))))
    return files


def _migrate_into(name: str) -> None:
    """Django's own test-database creation (every migration, then the cache table), into the
    database or file ``name``; the connection's settings are put back afterwards."""
    from django.db import connection

    settings_dict = connection.settings_dict
    saved_name, saved_test = settings_dict["NAME"], settings_dict["TEST"]
    settings_dict["TEST"] = {**saved_test, "NAME": name, "TEMPLATE": None}
    try:
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    finally:
        connection.close()
        settings_dict["NAME"], settings_dict["TEST"] = saved_name, saved_test


def _sqlite_copy(folder: Path, key: str) -> sqlite3.Connection | None:
    """This process's in-memory test database, filled from the run's migrated file (migrated
    first if no process has yet). The connection returned keeps the in-memory database alive
    until Django's own opens it."""
    from django.db import connection
    from django.db.backends.sqlite3.creation import DatabaseCreation

    creation = cast(DatabaseCreation, connection.creation)
    test_name: str = creation._get_test_db_name()  # type: ignore[attr-defined]
    if not creation.is_in_memory_db(test_name):
        return None  # a test database in a file (TEST NAME): pytest-django's way
    migrated = folder / f"{key}.sqlite3"
    if not migrated.exists():
        building = folder / f"{key}.building.sqlite3"
        _migrate_into(str(building))
        # Settings open SQLite files in WAL mode: back to a single file, complete once closed.
        with closing(sqlite3.connect(building)) as built:
            built.execute("PRAGMA journal_mode=DELETE")
        building.replace(migrated)
    keeper = sqlite3.connect(test_name, uri=True)
    source = sqlite3.connect(migrated)
    try:
        source.backup(keeper)
    finally:
        source.close()
    return keeper


def _postgresql_template(folder: Path, key: str) -> str:
    """The name of the run's migrated template database, created by the first process."""
    from django.db import connection

    base = connection.settings_dict["TEST"]["NAME"] or f"test_{connection.settings_dict['NAME']}"
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker:  # pytest-django has just added it: test_sentier_gw0
        base = base.removesuffix(f"_{worker}")
    template = f"{base}_template_{key}"
    marker = folder / f"{key}.postgresql"
    if not marker.exists():
        _drop_templates_of_other_runs(base)
        _migrate_into(template)
        marker.write_text(template)
    return template


def _drop_templates_of_other_runs(base: str) -> None:
    """Templates an earlier run left on this server (a cluster kept between runs)."""
    from django.db import connection

    with connection._nodb_cursor() as cursor:
        cursor.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s",
            [base.replace("_", r"\_") + r"\_template\_%"],
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)}")


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
