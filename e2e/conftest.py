"""Fixtures for the browser tests: Debian's Chromium driven by Playwright, against a live server.

Run them with ``.venv/bin/pytest -m e2e e2e`` after ``npm ci`` and
``.venv/bin/python scripts/build_assets.py`` (the pages load ``static/vendor/``).

Each test gets a fresh browser context (French Canadian locale, CSP bypassed only so that axe can
be injected) and a fresh database (``transactional_db``): create the accounts a test needs in it.
What many tests start from (the reference data and the demo personas, the Québec demo, the
Ontario site) is built once per process and copied back for each test (``built_once``).

Screenshots (``e2e/screenshots/``) are taken only when ``SENTIER_E2E_SCREENSHOTS=1``: nothing
reads them but a person looking, and a full-page capture costs a fifth to half a second.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, Page, Playwright, expect, sync_playwright
from pytest_django import fixtures as django_fixtures

from e2e.axe import assert_accessible as _assert_accessible
from e2e.axe import install_axe

if TYPE_CHECKING:
    from playwright._impl._api_structures import SetCookieParam

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run next to
# one unless told it is safe (it is: the loop only drives the browser).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("SENTIER_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
TAKE_SCREENSHOTS = os.environ.get("SENTIER_E2E_SCREENSHOTS") == "1"
PASSWORD = "e2e-Sentier-password-2026"
# How long an action or a navigation may wait before the test fails. Generous on purpose: the suite
# runs on a loaded 2-core machine (two test processes, each with its server and Chromium), where a
# PDF or a first page can take seconds. A wait ends as soon as the page is ready, so this costs
# nothing when all is well; it is a guard against hangs, not a measure of speed.
TIMEOUT_MS = 30_000
expect.set_options(timeout=TIMEOUT_MS // 2)

# Browser tests flush the database after each test, so the session-wide personas of the root
# conftest would not survive the first one: use pytest-django's plain database setup here and
# let each test create what it needs.
django_db_setup = django_fixtures.django_db_setup


@pytest.fixture(scope="session")
def django_db_use_migrations() -> bool:
    """The test database is made from the models (as ``--no-migrations``), not by running the
    migrations: the first thing each browser test's database sees is a flush, so no row the
    migrations write survives into a test, and the schema is the same (``make migrations-check``
    proves the models and the migrations agree; what the migrations add beyond the models is
    PostgreSQL's, and the browser suite runs on SQLite). That spares each process 160 migrations
    (one to two minutes)."""
    return False


# The longest browser tests, dealt out first and in this order so that the suite's processes are
# not left waiting for one of them at the end: the crawls of every page (minutes each), then the
# tests of 20 s or more in the last runs (`--durations`: the service plans' and the support plan's
# whole journeys, 20 to 27 s on a quiet machine).
LONGEST_FIRST = (
    "test_phone_width.py::test_no_",
    "test_serviceplans.py::test_request_approve_and_partner_sees_the_limited_plan",
    "test_plans.py::test_caseworker_proposes_records_agreement_objectives_and_follow_up",
    "test_serviceplans.py::test_a_cisss_initiated_plan_is_coordinated_by_the_cisss_",
)


def _rank(item: pytest.Item) -> int:
    """Where ``item`` comes in ``LONGEST_FIRST`` (after them all if it is not one of them)."""
    return next(
        (rank for rank, mark in enumerate(LONGEST_FIRST) if mark in item.nodeid),
        len(LONGEST_FIRST),
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder is a browser test (``-m e2e`` / ``-m "not e2e"``). Every one
    of them flushes the database it used (``transactional_db``), so their order is free: the
    longest go first."""
    here = Path(__file__).resolve().parent
    for item in items:
        if Path(str(item.fspath)).resolve().is_relative_to(here):
            item.add_marker(pytest.mark.e2e)
    items.sort(key=_rank)


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    browser = playwright_instance.chromium.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
    )
    yield browser
    browser.close()


def _new_page(browser: Browser, **options: Any) -> Iterator[Page]:
    options.setdefault("bypass_csp", True)
    context = browser.new_context(
        locale="fr-CA",
        timezone_id="America/Toronto",
        viewport={"width": 1280, "height": 800},
        **options,
    )
    context.set_default_timeout(TIMEOUT_MS)
    if options["bypass_csp"] and options.get("java_script_enabled", True):
        install_axe(context)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(autouse=True)
def fresh_rate_limits() -> None:
    """Each test signs in afresh: sign-in throttling counters (in the cache) start at zero."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def page(browser: Browser, live_server: Any) -> Iterator[Page]:
    """A page in a new browser context, JavaScript on."""
    yield from _new_page(browser)


@pytest.fixture
def js_disabled_page(browser: Browser, live_server: Any) -> Iterator[Page]:
    """A page in a new browser context with JavaScript off: every page must still work."""
    yield from _new_page(browser, java_script_enabled=False)


@pytest.fixture
def strict_page(browser: Browser, live_server: Any) -> Iterator[Page]:
    """A page that enforces the Content Security Policy and fails the test on any violation."""
    violations: list[str] = []
    for page in _new_page(browser, bypass_csp=False):
        page.on(
            "console",
            lambda message: (
                violations.append(message.text)
                if "Content Security Policy" in message.text
                else None
            ),
        )
        yield page
    assert not violations, "CSP violations:\n" + "\n".join(violations)


@pytest.fixture
def url(live_server: Any) -> Callable[[str], str]:
    """``url("/fr-ca/")``: an absolute address on the live server."""

    def make(path: str) -> str:
        return f"{live_server.url}{path}"

    return make


@pytest.fixture
def make_user(transactional_db: None) -> Callable[..., Any]:
    """``make_user(role="participant", email=…)``: an account whose password is ``PASSWORD``."""
    from sentier.accounts.models import Role, User

    def make(role: str = Role.PARTICIPANT, email: str | None = None, **extra: Any) -> User:
        extra.setdefault("first_name", "Awa")
        extra.setdefault("last_name", "Diallo")
        return User.objects.create_user(
            email or f"{role}.e2e@sentier.test", PASSWORD, role=role, **extra
        )

    return make


T = TypeVar("T")

# Copies of the test database (SQLite in memory, this process) after a setup that many tests
# share, with what the setup returned, by name, configuration and local day.
_BUILT: dict[tuple[str, str, str], tuple[sqlite3.Connection, Any]] = {}


def built_once(name: str, build: Callable[[], T]) -> T:
    """Bring the test database, flushed by the test before, to what ``build()`` makes of it, and
    return what ``build`` returned (plain values, never model instances: addresses, keys).

    The first time in a process ``build`` runs and the database is copied aside (SQLite's backup:
    milliseconds); afterwards, for the same ``name``, configuration (``SENTIER_JURISDICTION``)
    and local day, the copy is put back instead: the same rows, primary keys and sequences as
    ``build`` left, where loading the reference data and the personas again takes seconds and
    the Québec demo more. The day is in the key because the demo is dated from today. On another
    database (``DATABASE_URL`` pointing to PostgreSQL) ``build`` runs every time."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.db import connections
    from django.db.backends.sqlite3.base import DatabaseWrapper as SQLite
    from django.utils import timezone

    connection = connections["default"]
    if not isinstance(connection, SQLite) or not connection.is_in_memory_db():
        return build()
    key = (name, settings.SENTIER_JURISDICTION, timezone.localdate().isoformat())
    connection.ensure_connection()
    assert not connection.in_atomic_block, "built_once runs between transactions"
    database = connection.connection
    if key not in _BUILT:
        built = build()
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        database.backup(copy)
        _BUILT[key] = (copy, built)
        return built
    copy, built = _BUILT[key]
    copy.backup(database)
    # The flush before recreated the content types under other keys.
    ContentType.objects.clear_cache()
    return built


@pytest.fixture
def reference_data(transactional_db: None) -> None:
    """The reference data of the configuration (``load_reference``)."""

    def build() -> None:
        call_command("load_reference", verbosity=0)

    built_once("reference", build)


@pytest.fixture
def demo_personas(reference_data: None) -> dict[str, Any]:
    """The reference data and every demo persona by key (password ``PASSWORD``), with the
    participant persona's file in Laval (``ensure_personas``)."""
    from sentier.accounts.demo import persona_users
    from sentier.participants.demo import ensure_personas

    def build() -> None:
        ensure_personas(PASSWORD)

    built_once("personas", build)
    return persona_users()


@pytest.fixture
def quebec_demo(demo_personas: dict[str, Any]) -> dict[str, Any]:
    """``demo_personas`` and the Québec demo of 12 synthetic files (``load_demo(12)``)."""
    from sentier.accounts.demo import persona_users
    from sentier.site.demo import load_demo

    def build() -> None:
        # Dated from today at the hour it runs: the copy is kept by local day (``built_once``).
        load_demo(12, password=PASSWORD)

    built_once("quebec-demo", build)
    return persona_users()


@pytest.fixture
def caseworker_with_a_file(make_user: Callable[..., Any]) -> tuple[Any, Any]:
    """A Laval caseworker and one participant file assigned to them, opened by an admin."""
    from sentier.accounts.models import Role
    from sentier.participants.actions import open_participant_file
    from sentier.reference.models import Program, Region

    # bulk_create: reference rows as load_reference writes them, without history rows.
    Region.objects.bulk_create([Region(code="13", name="Laval")])
    Program.objects.bulk_create([Program(code="PAS", name="Programme d’aide sociale")])
    laval = Region.objects.get(code="13")
    program = Program.objects.get(code="PAS")
    admin = make_user(Role.ADMINISTRATOR, first_name="Ana", last_name="Admin")
    caseworker = make_user(
        Role.CASEWORKER, first_name="Sophie", last_name="Tremblay", region=laval, office="Laval"
    )
    participant = open_participant_file(
        actor=admin,
        first_name="Jeanne",
        last_name="Côté",
        region=laval,
        program=program,
        caseworker=caseworker,
        city="Laval",
        postal_code="H7N 1A1",
    )
    return caseworker, participant


@pytest.fixture
def login(url: Callable[[str], str]) -> Callable[..., None]:
    """``login(page, email, password)``: sign in through the real allauth form."""

    def sign_in(page: Page, email: str, password: str = PASSWORD, language: str = "fr-ca") -> None:
        page.goto(url(f"/{language}/accounts/login/"))
        form = page.locator("main form").first
        form.locator("input[name='login']").fill(email)
        form.locator("input[name='password']").fill(password)
        form.locator("button[type='submit']").click()
        expect(page).not_to_have_url(re.compile(r"/accounts/login/"))

    return sign_in


@pytest.fixture
def assert_accessible() -> Callable[..., None]:
    """``assert_accessible(page)``: axe-core, WCAG 2.0–2.2 A and AA, zero violations."""
    return _assert_accessible


def save_screenshot(page: Page, name: str, full_page: bool = True) -> Path:
    """Save ``e2e/screenshots/<name>.png`` (the folder is git-ignored) when
    ``SENTIER_E2E_SCREENSHOTS=1``; return its path either way."""
    path = SCREENSHOTS / f"{name}.png"
    if TAKE_SCREENSHOTS:
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(path), full_page=full_page)
    return path


@pytest.fixture
def screenshot() -> Callable[..., Path]:
    """``screenshot(page, "welcome-fr-1280")`` → ``e2e/screenshots/welcome-fr-1280.png``."""
    return save_screenshot


# The accounts of ``ontario_site``: key, e-mail, names, service area, office.
ONTARIO_STAFF = (
    (
        "caseworker",
        "tara.toronto@on.sentier.test",
        "Tara",
        "Nguyen",
        "ON33",
        "Toronto Employment and Social Services",
    ),
    ("odsp_intake", "iris.intake@on.sentier.test", "Iris", "Osei", "ON33", ""),
    ("ottawa", "omar.ottawa@on.sentier.test", "Omar", "Haddad", "ON23", ""),
    ("ow_intake", "wendy.intake@on.sentier.test", "Wendy", "Works", "ON33", ""),
)
ONTARIO_ADMIN = "ana.admin@on.sentier.test"


@pytest.fixture
def ontario_site(settings: Any, live_server: Any, make_user: Callable[..., Any]) -> dict[str, Any]:
    """The live server in the Ontario configuration (``SENTIER_JURISDICTION=on``; the server
    runs in this process, so the settings override applies to it), with the reference data
    (Ontario service areas, deferral reasons, prescribed classes, Employment Ontario) and five
    accounts: a Toronto OW caseworker, an ODSP intake officer, an Ottawa OW caseworker, an
    administrator and an officer of the provincial OW intake unit (``ow_intake``; password
    ``PASSWORD``)."""
    from sentier.accounts.models import Role, User
    from sentier.ontario.models import Unit, UnitMembership
    from sentier.reference.models import Region

    settings.SENTIER_JURISDICTION = "on"

    def build() -> None:
        call_command("load_reference", verbosity=0)  # Ontario's
        for _key, email, first, last, area, office in ONTARIO_STAFF:
            region = Region.objects.get(code=area)
            make_user(
                Role.CASEWORKER,
                email,
                first_name=first,
                last_name=last,
                region=region,
                office=office,
            )
        make_user(Role.ADMINISTRATOR, ONTARIO_ADMIN)
        for email, unit in (
            ("iris.intake@on.sentier.test", Unit.ODSP_INTAKE),
            ("wendy.intake@on.sentier.test", Unit.OW_INTAKE),
        ):
            UnitMembership.objects.create(user=User.objects.get(email=email), unit=unit)

    built_once("ontario-site", build)
    people = {key: User.objects.get(email=email) for key, email, *_rest in ONTARIO_STAFF}
    people["admin"] = User.objects.get(email=ONTARIO_ADMIN)
    return people


@dataclass
class OntarioDesk:
    """What most Ontario browser tests work with: a page (JavaScript on), the accounts of
    ``ontario_site`` (``people``) and the usual checks."""

    page: Page
    people: dict[str, Any]
    url: Callable[[str], str]
    sign_in: Callable[..., None]
    assert_accessible: Callable[[Page], None]
    screenshot: Callable[..., Path]

    def open_as(self, who: str, path: str, language: str = "en-ca") -> Page:
        """``who`` (a key of ``people``) signs in, in place of whoever was signed in on the
        page, and opens ``path``; returns the page."""
        self.page.context.clear_cookies()
        self.sign_in(self.page, self.people[who].email, language=language)
        self.page.goto(self.url(path))
        return self.page


@pytest.fixture
def desk(
    page: Page,
    url: Callable[[str], str],
    login: Callable[..., None],
    ontario_site: dict[str, Any],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
) -> OntarioDesk:
    """An :class:`OntarioDesk` on the Ontario site."""
    return OntarioDesk(page, ontario_site, url, login, assert_accessible, screenshot)


PHONE = {"width": 360, "height": 740}


@dataclass
class Phone:
    """Someone signed in on a 360 px phone with JavaScript off (``page``), and the same pages
    with JavaScript on for axe (``checker``, axe needs JavaScript)."""

    page: Page
    checker: Page
    assert_accessible: Callable[[Page], None]
    screenshot: Callable[..., Path]

    def fits(self) -> None:
        width = self.page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{self.page.url} is {width} px wide"

    def check(self, name: str) -> None:
        """Nothing wider than the phone, axe-clean, and a screenshot."""
        self.fits()
        self.checker.goto(self.page.url)
        self.assert_accessible(self.checker)
        self.screenshot(self.page, name, full_page=True)

    def answer(self, questions: tuple[str, ...], label: str = "Strongly agree") -> None:
        for question in questions:
            self.page.get_by_role("group", name=question).get_by_label(label, exact=True).check()

    def send(self, button: str = "Send my answers") -> None:
        self.page.get_by_role("button", name=button).click()


@pytest.fixture
def phone_for(
    browser: Browser,
    login: Callable[..., None],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
) -> Iterator[Callable[..., Phone]]:
    """``phone_for(email)``: that account signed in on a :class:`Phone` (English, Canada)."""
    contexts: list[Any] = []

    def make(email: str, language: str = "en-ca") -> Phone:
        options: dict[str, Any] = {"viewport": PHONE, "locale": "en-CA", "bypass_csp": True}
        context = browser.new_context(java_script_enabled=False, **options)
        checker_context = browser.new_context(**options)
        install_axe(checker_context)
        contexts.extend((context, checker_context))
        page, checker = context.new_page(), checker_context.new_page()
        login(page, email, language=language)
        # The same session in the checker: signed in once.
        checker_context.add_cookies(
            [cast("SetCookieParam", dict(cookie)) for cookie in context.cookies()]
        )
        return Phone(page, checker, assert_accessible, screenshot)

    yield make
    for context in contexts:
        context.close()
