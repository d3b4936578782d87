"""No value a person or a partner system can type gives a 500.

Pages: the demo is loaded, then each demo persona of the Québec (or the Ontario) configuration,
and a visitor who is not signed in, walks the pages it reaches from its home page (following
links, a few pages of each kind). Every date, time and number field of every form found, and
every parameter of the filters and links, is fed extreme values — far dates, the year 1, 23:59,
-1, 0, 2**63, 1e308, NaN, empty, very long, not a date, not a number — one field at a time, the
others keeping what the page proposes. Every answer must be below 500: the page again with a
field error, a notice, a redirect or a 404. Each request runs in a savepoint that is rolled back,
so the demo is the same for every request; the indicators' figures a request computes from it are
put back afterwards, as a server keeps them, so that the dashboard computes each question it is
asked once (``_keeping_computed_figures``).

The URL configuration is walked too: every page of the configuration must be reached by some
persona, or named in ``NOT_WALKED`` with the reason. A new page is tried as soon as it is linked.

API: the OpenAPI schema lists every operation of ``/api/v1/``; each query parameter and each field
of each body (starting from the schema's example or its types) gets the same values, with the
demo's API key or a caseworker's session.

Each configuration's walk is cut into ``PARTS`` parts (visitors taken in turn), which the suite's
processes share; each part loads the demo again. The Québec walk takes about three minutes of CPU
(about 2 800 requests), the API a few seconds; with ``-s`` each part prints its figures.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import time
import traceback
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.utils import timezone

from sentier.core.jurisdiction import APP_JURISDICTION, app_enabled

# It loads the whole demo or walks every page: longer than the suite's 5-minute limit per test
# allows on a loaded machine (make test: UNIT_LIMITS).
pytestmark = [pytest.mark.django_db, pytest.mark.timeout(900)]

LANGUAGE = "fr-ca"
LONG = "9" * 300 + "x" * 3000
#: The values fed to each kind of field (a query parameter's kind is guessed from its value).
EXTREMES: dict[str, tuple[str, ...]] = {
    "date": ("9999-12-31", "0001-01-01", "0001-01-03", "2026-02-30", "-1", "", "abc", LONG),
    "datetime": ("9999-12-31T23:59", "0001-01-01T00:00", "9999-12-31", "23:59", "", LONG),
    "month": ("9999-12", "0001-01", "2026-13", "", "abc", LONG),
    "time": ("23:59", "24:00", "-1", "", "abc"),
    "number": ("-1", "0", str(2**63), "1e308", "-1e308", "NaN", "Infinity", "", "abc", LONG),
    "other": ("9999-12-31", "0001-01-01", "23:59", "-1", str(2**63), "1e308", "", LONG),
}
INPUT_KINDS = {
    "date": "date",
    "datetime-local": "datetime",
    "month": "month",
    "week": "date",
    "time": "time",
    "number": "number",
    "range": "number",
}
#: Pages never opened by the walk: downloads (what they show, the walk sees on the page that
#: links to them), the admin (Django's own forms), signing out, the session keep-alive ping.
SKIPPED_NAMES = {
    "account_logout",
    "core:keepalive",
    "network:hsds_export",
    "paas:statement_csv",
    "paas:statement_pdf",
    "paas:statement_export",
    "paas:claim_receipt",
    "plans:my_pdf",
    "plans:pdf",
    "plans:feed",
    "ontario:package_pdf",
    "ontario:odsp_mailing_print",
    "mfa_download_recovery_codes",
    # The dashboard's CSV and XLSX: the same form (period, breakdown) as insights:dashboard, walked.
    "insights:export_csv",
    "insights:export_xlsx",
    # The survey and data-quality tables' downloads: no field, the same cells as their pages.
    "insights:surveys_csv",
    "insights:surveys_xlsx",
    "insights:quality_csv",
    "insights:quality_xlsx",
}
#: Pages of the URL configuration no persona reaches from its home page, and why.
NOT_WALKED: dict[str, str] = {
    "correspondence:call": "a call to make, linked from the caseworker's home once "
    "`sentier correspondence` planned one; a choice and a short note, "
    "tested in correspondence/tests/test_views.py and e2e/test_correspondence.py",
    "correspondence:retry": "a button on a failed notice (the demo has none); no field",
    "correspondence:replace": "as correspondence:retry (an e-mail failed after every try); no "
    "field, tested in correspondence/tests/test_email_retries.py",
    "correspondence:mailing_print": "the day's mailing's buttons (POST only): "
    "UUIDs only, tampered ones tested in correspondence/tests/test_views.py",
    "correspondence:mailing_mailed": "as correspondence:mailing_print",
    "ontario:notice_pdf": "a refused applicant's notice, linked from the refused application "
    "(the demo's are decided by no walked persona); no field: tried with bad keys in the access "
    "matrix and test_refusal_notice",
    "ontario:notice_mailed": "a POST without fields, from the same page; tried in the access "
    "matrix and test_refusal_notice",
    "intake:summary": "shown once every step is valid (the walk keeps nothing it sends); "
    "no date or number there: the steps, with the birth date and the household, are walked",
    "intake:confirmation": "shown once the application is sent; no field",
    "ontario:ow_intake_queue": "the OW intake unit's menu entry, a redirect to the worklist's "
    "applications to decide (ontario:assessment_queue, walked); no field",
    "plans:my_agree": "the person's answer to a proposed plan (the demo's plan is agreed): "
    "a yes, no date or number",
    "serviceplans:evolve": "the request form of serviceplans:request (walked), from a support plan",
    "referrals:link": "opened from the signed link of an e-mail; a choice and a reason",
    "network:import_job": "the progress of a CSV import, once a file is sent; no field",
    "paas:claim_detail": "a claim needs a receipt upload; a reason only (the claim form, with "
    "its month and amount, is walked)",
    "paas:claim_approve": "as paas:claim_detail",
    "paas:claim_reject": "as paas:claim_detail",
    "ontario:take_assessment": "the “Assign it to me” button of an assessment nobody has (the "
    "demo's all have someone); no field",
    "simulations:save": "the save form under a simulation's results: the fields of "
    "simulations:home (walked) and a title; its bad input is tested in simulations/tests",
    "simulations:detail": "a saved simulation (the demo saves none): no field; tested in "
    "simulations/tests and e2e/test_simulations.py",
    "simulations:rerun": "as simulations:detail (a button, no field)",
    "simulations:yaml": "as simulations:detail (a download, no field)",
    "insights:pilots:index": "only redirects to the jurisdiction's pilot page (walked, linked "
    "from insights:dashboard)",
    "insights:pilots:report": "a frozen pilot report (the demo freezes none): no field; tested "
    "in insights/tests/test_reports.py",
    "insights:pilots:report_pdf": "as insights:pilots:report (a download, no field)",
    "insights:site_targets": "Ontario's site targets (linked from Ontario's dashboard; Québec "
    "answers 404, and the Ontario walk takes only Ontario's apps): a choice of periods, tried "
    "with a bad one in insights/tests/test_site_targets.py",
}
#: Pages of one kind (URL name) each persona opens, and pages in all.
PER_NAME = 4
PER_PERSONA = 200


# ---------------------------------------------------------------------------------------------
# Reading pages


@dataclass
class Control:
    name: str
    kind: str  # the input's type, "select" or "textarea"
    value: str
    extremes: str = ""  # a key of EXTREMES for date, time and number fields


@dataclass
class Form:
    method: str
    action: str
    controls: list[Control] = field(default_factory=list)
    other_actions: list[str] = field(default_factory=list)  # buttons' formaction


class PageParser(HTMLParser):
    """The links and forms of a page (the standard library's parser is enough here)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: Control | None = None
        self._textarea: Control | None = None
        self._first_option = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(a["href"].split("#")[0])
        elif tag == "form":
            self._form = Form(method=a.get("method", "get").lower(), action=a.get("action", ""))
            self.forms.append(self._form)
        elif self._form is None or "disabled" in a:
            return
        elif tag == "input" and a.get("name"):
            self._input(self._form, a)
        elif tag == "select" and a.get("name"):
            self._select = Control(a["name"], "select", "")
            self._first_option = ""
            self._form.controls.append(self._select)
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            self._first_option = self._first_option or value
            if "selected" in a:
                self._select.value = value
        elif tag == "textarea" and a.get("name"):
            self._textarea = Control(a["name"], "textarea", "")
            self._form.controls.append(self._textarea)
        elif tag == "button" and a.get("formaction"):
            self._form.other_actions.append(a["formaction"])

    def _input(self, form: Form, a: dict[str, str]) -> None:
        kind = a.get("type", "text").lower()
        if kind in ("submit", "button", "image", "reset", "file", "password"):
            return
        value = a.get("value", "on" if kind in ("checkbox", "radio") else "")
        if kind == "radio":
            same = [c for c in form.controls if c.name == a["name"]]
            if same:
                if "checked" in a:
                    same[0].value = value
                return
        extremes = INPUT_KINDS.get(kind, "")
        if a.get("inputmode") in ("decimal", "numeric"):
            extremes = "number"
        if kind == "hidden" and value:
            extremes = _kind_of(value, default="")
        form.controls.append(Control(a["name"], kind, value, extremes))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None:
            self._select.value = self._select.value or self._first_option
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea.value += data


def _kind_of(value: str, default: str = "other") -> str:
    """The kind of a value already in a page: a number, a date, a month (a key or a word is
    ``default``)."""
    if re.fullmatch(r"-?\d{1,9}", value):
        return "number"
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return "date"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "month"
    return default


def _baseline(control: Control) -> str:
    """A plausible value, so that only the field under test is extreme."""
    if control.value:
        return control.value
    today = timezone.localdate()
    return {
        "date": today.isoformat(),
        "datetime-local": f"{today + dt.timedelta(days=1)}T10:00",
        "month": f"{today:%Y-%m}",
        "time": "10:00",
        "number": "1",
        "email": "person@example.org",
        "url": "https://example.org/hook",
        "tel": "514 555-0123",
        "hidden": "",
        "select": "",
    }.get(control.kind, "Test")


# ---------------------------------------------------------------------------------------------
# Walking


@dataclass
class Walk:
    """What a walk reached, what it tried (once per role), and what failed."""

    reached: set[str] = field(default_factory=set)
    tried: set[tuple[str, ...]] = field(default_factory=set)
    failures: list[str] = field(default_factory=list)
    requests: int = 0
    # The indicators' figures a request computed (insights' ComputedFigures rows, by question),
    # put back after its rollback (see ``_keeping_computed_figures``).
    computed: dict[str, Any] = field(default_factory=dict)
    computations: int = 0

    def once(self, *key: str) -> bool:
        """True the first time ``key`` is seen."""
        if key in self.tried:
            return False
        self.tried.add(key)
        return True


@dataclass
class Visitor:
    label: str  # the persona
    role: str  # fields are tried once per role and page
    client: Client
    starts: list[str]
    headers: dict[str, Any] = field(default_factory=dict)


def _url_name(path: str) -> str | None:
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) < 40 else f"{text[:20]}…({len(text)} characters)"


def _send(
    walk: Walk, visitor: Visitor, method: str, url: str, data: Any = None, tried: str = ""
) -> Any:
    """One request in a savepoint rolled back afterwards; an exception or a 5xx is a failure."""
    walk.requests += 1
    try:
        with transaction.atomic():
            if isinstance(data, str):  # a JSON body
                response = visitor.client.generic(
                    method, url, data, content_type="application/json", **visitor.headers
                )
            elif method == "POST":
                response = visitor.client.post(url, data, **visitor.headers)
            else:
                response = visitor.client.get(url, data, **visitor.headers)
            transaction.set_rollback(True)
        _put_back_computed_figures(walk)
    except Exception as error:
        where = traceback.extract_tb(error.__traceback__)[-1]
        walk.failures.append(
            f"{visitor.label}: {method} {_shown(url)} {tried}: {type(error).__name__}: "
            f"{_shown(error)} ({where.filename}:{where.lineno})"
        )
        return None
    if response.status_code >= 500:
        walk.failures.append(f"{visitor.label}: {method} {_shown(url)} {tried}: {response}")
    return response


@contextmanager
def _keeping_computed_figures(walk: Walk) -> Iterator[None]:
    """While walking, the indicators' figures a request stores are kept for the next requests,
    as a server keeps them (``sentier.insights.figures``): they are computed from the demo,
    which every request finds the same (each rolls back what it writes), so the next request
    asking the same question is shown them, through the same form, the same question and the
    same page, instead of computing them again inside the request (about 2 s of CPU each time:
    most of a Québec part's time before). Each question the walk asks is still computed inside a
    request the first time, and again once its figures are ``SENTIER_STATISTICS_SECONDS`` old."""
    from django.db.models.signals import post_save

    from sentier.insights.models import ComputedFigures

    def stored(instance: ComputedFigures, **kwargs: Any) -> None:
        walk.computed[instance.key] = instance

    post_save.connect(stored, sender=ComputedFigures, dispatch_uid="extreme-values-walk")
    try:
        yield
    finally:
        post_save.disconnect(sender=ComputedFigures, dispatch_uid="extreme-values-walk")


def _put_back_computed_figures(walk: Walk) -> None:
    """After a request's rollback: the figures it computed (with the rows' own keys)."""
    if not walk.computed:
        return
    rows, walk.computed = list(walk.computed.values()), {}
    for row in rows:
        if row.computed_at is not None:
            walk.computations += 1
            row.save()  # the row as the request left it (an update, or an insert again)
    walk.computed.clear()  # what saving again recorded


def _pages(walk: Walk, visitor: Visitor) -> Iterator[tuple[str, PageParser]]:
    """The pages the visitor reaches by following links, a few of each kind."""
    queue = list(visitor.starts)
    seen: set[str] = set()
    per_name: dict[str, int] = defaultdict(int)
    opened = 0
    while queue and opened < PER_PERSONA:
        url = queue.pop(0)
        parts = urlsplit(url)
        if url in seen or parts.netloc or not parts.path.startswith(f"/{LANGUAGE}/"):
            continue
        seen.add(url)
        name = _url_name(parts.path)
        if name is None or name in SKIPPED_NAMES or name.startswith("admin:"):
            continue
        if per_name[name] >= PER_NAME:
            continue
        per_name[name] += 1
        opened += 1
        response = _send(walk, visitor, "GET", url)
        if response is None or response.status_code != 200:
            continue
        if "html" not in response.get("Content-Type", ""):
            continue
        walk.reached.add(name)
        page = PageParser()
        page.feed(response.content.decode())
        queue.extend(page.links)
        yield url, page


def _try_query(walk: Walk, visitor: Visitor, url: str) -> None:
    """Each query parameter of a link or a GET form, fed the extremes of its kind."""
    parts = urlsplit(url)
    params = parse_qsl(parts.query, keep_blank_values=True)
    name = _url_name(parts.path) or parts.path
    for key, value in dict(params).items():
        if not walk.once("GET", name, key, visitor.role):
            continue
        for extreme in EXTREMES[_kind_of(value)]:
            query = urlencode([(k, extreme if k == key else v) for k, v in params])
            _send(walk, visitor, "GET", f"{parts.path}?{query}", tried=f"{key}={_shown(extreme)}")


def _try_form(walk: Walk, visitor: Visitor, page_url: str, form: Form) -> None:
    """A GET form is a filter: its parameters are tried as a link's. A POST form: each date, time
    and number field in turn gets its extremes, every other field what the page proposes."""
    action = form.action or page_url
    path = urlsplit(action).path or urlsplit(page_url).path
    name = _url_name(path)
    if name is None or name in SKIPPED_NAMES:
        return
    walk.reached.add(name)
    base = [(c.name, _baseline(c)) for c in form.controls]
    if form.method == "get":
        _try_query(walk, visitor, f"{path}?{urlencode(base)}")
        return
    for control in form.controls:
        if not control.extremes or not walk.once("POST", name, control.name, visitor.role):
            continue
        for extreme in EXTREMES[control.extremes]:
            data: dict[str, list[str]] = defaultdict(list)
            for key, value in base:
                data[key].append(extreme if key == control.name else value)
            _send(walk, visitor, "POST", action, dict(data), f"{control.name}={_shown(extreme)}")


def _walk(walk: Walk, visitor: Visitor) -> None:
    for url, page in _pages(walk, visitor):
        if urlsplit(url).query:
            _try_query(walk, visitor, url)
        for form in page.forms:
            _try_form(walk, visitor, url, form)
            for action in form.other_actions:
                _try_form(walk, visitor, url, Form(form.method, action, form.controls))


def _page_names(jurisdiction: str) -> set[str]:
    """Every named page of this configuration under the language prefix, the admin's and the
    sign-in library's (allauth: no date or number field) aside. The Ontario walk answers for the
    Ontario pages; the pages both configurations share are walked in Québec's."""

    def names(patterns: list[Any], namespace: str = "") -> Iterator[str]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace
                if inner and namespace:
                    inner = f"{namespace}:{inner}"
                yield from names(pattern.url_patterns, inner or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name

    return {
        name
        for name in names(get_resolver().url_patterns)
        if ":" in name
        and not name.startswith(("admin:", "api:"))
        and name not in SKIPPED_NAMES
        and app_enabled(name.split(":")[0])
        and (jurisdiction == "qc" or APP_JURISDICTION.get(name.split(":")[0]) == jurisdiction)
    }


# ---------------------------------------------------------------------------------------------
# The tests


def _visitors(jurisdiction: str) -> Iterator[Visitor]:
    from sentier.accounts.demo import PERSONAS
    from sentier.accounts.models import User
    from sentier.ontario.demo import ONTARIO_MINISTRY_PERSONAS, ONTARIO_PERSONAS
    from sentier.ontario.odsp.demo import ODSP_COLLEAGUE

    home = f"/{LANGUAGE}/"
    anonymous = Client()
    # An application draft to walk through (starting one is a POST, which the walk never keeps).
    draft = anonymous.post(f"/{LANGUAGE}/apply/")["Location"]
    yield Visitor("anonymous", "anonymous", anonymous, [home, f"/{LANGUAGE}/apply/", draft])
    personas = (
        PERSONAS
        if jurisdiction == "qc"
        else (
            *ONTARIO_PERSONAS,
            ODSP_COLLEAGUE,
            *ONTARIO_MINISTRY_PERSONAS,  # Ontario's analyst and administrator, not Québec's
        )
    )
    # The ODSP queue lists what is left to do oldest first, packages included: its decisions are
    # on the applications still to confirm, which the walk reaches from that stage's list.
    to_confirm = f"/{LANGUAGE}/ontario/odsp/?stage=received"
    for persona in personas:
        client = Client()
        user = User.objects.get(email=persona.email)
        client.force_login(user)
        starts = [home, to_confirm] if persona is ODSP_COLLEAGUE else [home]
        yield Visitor(persona.key, f"{user.role}:{persona.office}", client, starts)


def _load_demo(jurisdiction: str) -> None:
    """The demo of the configuration, and what it lacks for the walk to reach every page with a
    date or a number (made through the real actions)."""
    from django.utils import translation

    from sentier.accounts.models import User
    from sentier.ontario import demo as ontario_demo
    from sentier.ontario.odsp import demo as odsp_demo
    from sentier.paas.statements import actions as statement_actions
    from sentier.participants.actions import save_search
    from sentier.participants.models import Participant
    from sentier.reference.loading import LoadReport, load_ontario_data
    from sentier.serviceplans import actions as serviceplans
    from sentier.serviceplans.models import InitiatorKind, Situation

    if jurisdiction == "on":
        with translation.override("fr-ca"):
            load_ontario_data(LoadReport())
        ontario_demo.load_demo()
        odsp_demo.load_odsp_demo()
        return
    call_command("load_demo", "--quiet-logins", verbosity=0)
    users = {u.email.split("@")[0]: u for u in User.objects.filter(email__endswith=".demo")}
    save_search(owner=users["caseworker.laval"], name="Mes dossiers", query="scope=mine")
    # A service plan waiting for the person's answer (its date is a field).
    someone = Participant.objects.filter(
        region__code="13", status="active", service_plan_requests__isnull=True
    ).first()
    assert someone is not None
    request = serviceplans.request_service_plan(
        actor=users["caseworker.laval"],
        participant=someone,
        situations=list(Situation.objects.filter(active=True)[:2]),
        reasons="Plusieurs réseaux interviennent sans se parler.",
        initiator_kind=InitiatorKind.MINISTRY,
    )
    serviceplans.approve_request(actor=users["coordinator.laval"], request=request)
    last_month = (timezone.localdate().replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    statement_actions.generate_statements(actor=users["admin"], month=last_month)


#: Each configuration's walk is cut into parts that the suite's processes share (pytest-xdist):
#: visitor number i (in ``_visitors``' order) walks in part i % PARTS, after its own demo load.
PARTS = 2
WALK_PARTS = [(jurisdiction, part) for jurisdiction in ("qc", "on") for part in range(PARTS)]


@pytest.fixture(scope="session")
def walk_records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder every process of this run shares (and no other run): the pages each part reached.
    Under pytest-xdist each process's temporary folder is inside the run's own."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent
    folder = root / "extreme-value-walks"
    folder.mkdir(exist_ok=True)
    return folder


def _record(folder: Path, jurisdiction: str, part: int, reached: set[str]) -> None:
    record = folder / f"{jurisdiction}-{part}.json"
    written = record.with_suffix(".tmp")
    written.write_text(json.dumps(sorted(reached)))
    written.replace(record)  # whole or absent, for a part reading it from another process


def _reached_by_every_part(folder: Path, jurisdiction: str) -> set[str] | None:
    """The pages the parts of this configuration reached, or None while a part has not ended."""
    reached: set[str] = set()
    for part in range(PARTS):
        record = folder / f"{jurisdiction}-{part}.json"
        if not record.exists():
            return None
        reached |= set(json.loads(record.read_text()))
    return reached


@pytest.mark.parametrize(("jurisdiction", "part"), WALK_PARTS)
def test_no_extreme_value_in_a_page_gives_a_server_error(
    settings: Any, jurisdiction: str, part: int, walk_records: Path
) -> None:
    """Every page must be reached by some persona: each part records the pages it reached, and
    the part that ends last (it finds every other part's record after writing its own, whichever
    process ran them) checks their union. A part run alone checks nothing of the kind."""
    started, cpu = time.monotonic(), time.process_time()
    settings.SENTIER_JURISDICTION = jurisdiction
    _load_demo(jurisdiction)
    walk = Walk()
    with _keeping_computed_figures(walk):
        for number, visitor in enumerate(_visitors(jurisdiction)):
            if number % PARTS == part:
                _walk(walk, visitor)
    elapsed, used = time.monotonic() - started, time.process_time() - cpu
    print(
        f"\n{jurisdiction} part {part}: {walk.requests} requests in {elapsed:.0f} s "
        f"({used:.0f} s of CPU), the indicators' figures computed {walk.computations} times"
    )
    _record(walk_records, jurisdiction, part, walk.reached)
    assert not walk.failures, "\n".join(walk.failures[:40])
    reached = _reached_by_every_part(walk_records, jurisdiction)
    if reached is None:
        return
    missed = _page_names(jurisdiction) - reached - set(NOT_WALKED)
    assert not missed, f"pages no persona reached (link them, or say why in NOT_WALKED): {missed}"


def test_the_pages_reached_are_checked_once_every_part_has_ended(tmp_path: Path) -> None:
    """The coverage check waits for every part: none before the last record, the union after."""
    for part in range(PARTS - 1):
        _record(tmp_path, "qc", part, {f"app:page{part}"})
        assert _reached_by_every_part(tmp_path, "qc") is None
    _record(tmp_path, "on", PARTS - 1, {"ontario:home"})
    assert _reached_by_every_part(tmp_path, "qc") is None
    _record(tmp_path, "qc", PARTS - 1, {"app:last"})
    assert _reached_by_every_part(tmp_path, "qc") == {
        *(f"app:page{part}" for part in range(PARTS - 1)),
        "app:last",
    }
    assert not list(tmp_path.glob("*.tmp"))


# ---------------------------------------------------------------------------------------------
# API


def _example(schema: dict[str, Any], components: dict[str, Any]) -> Any:
    """A plausible value for an OpenAPI schema (its example, else from its type)."""
    if "$ref" in schema:
        schema = components["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    if "allOf" in schema:
        return _example(schema["allOf"][0], components)
    if "oneOf" in schema:
        return _example(schema["oneOf"][0], components)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object":
        return {
            name: _example(sub, components) for name, sub in schema.get("properties", {}).items()
        }
    if kind == "array":
        return [_example(schema.get("items", {}), components)]
    return {"integer": 1, "number": 1.5, "boolean": True}.get(str(kind), "Test")


def _leaves(value: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _leaves(inner, (*path, key))
    elif path:
        yield path


def _replaced(body: Any, path: tuple[str, ...], new: Any) -> Any:
    copy = json.loads(json.dumps(body))
    target = copy
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = new
    return copy


def _api_extremes(kind: str) -> tuple[Any, ...]:
    values = EXTREMES[kind if kind in EXTREMES else "other"]
    return (*values, None, -(2**63), 2**64, 1e308, -1.5, True, [], {})


def test_no_extreme_value_in_the_api_gives_a_server_error(client_for: Any) -> None:
    """Every query parameter and body field of every operation of the OpenAPI schema."""
    from drf_spectacular.generators import SchemaGenerator

    from sentier.exchange.demo import DEMO_KEY

    started, cpu = time.monotonic(), time.process_time()
    call_command("load_demo", "--quiet-logins", verbosity=0)
    cache.clear()  # the API keys' request counts
    schema = SchemaGenerator().get_schema(request=None, public=True)  # type: ignore[no-untyped-call]
    components = schema.get("components", {})
    partner = Visitor("partner system", "key", Client(), [], {"HTTP_X_API_KEY": DEMO_KEY})
    staff = Visitor("caseworker_laval", "staff", client_for("caseworker_laval"), [])
    from sentier.participants.models import Participant

    # Path parameters: objects the key's organization (or the caseworker) may see.
    path_values = {
        "referral_uuid": partner.client.get("/api/v1/referrals", **partner.headers).json()[
            "results"
        ][0]["uuid"],
        "service_uuid": partner.client.get("/api/v1/services", **partner.headers).json()[0]["uuid"],
        "participant_uuid": str(Participant.objects.get(first_name="Julie").uuid),
    }
    walk = Walk()
    for path, operations in schema["paths"].items():
        url = re.sub(r"\{(\w+)\}", lambda m: path_values[m.group(1)], path)
        for method, operation in operations.items():
            visitor = partner if {"ApiKey": []} in operation.get("security", []) else staff
            for parameter in operation.get("parameters", []):
                if parameter["in"] != "query":
                    continue
                kind = {"integer": "number", "string": "other"}.get(
                    parameter["schema"].get("type", ""), "other"
                )
                if parameter["schema"].get("format") == "date-time":
                    kind = "datetime"
                for extreme in EXTREMES[kind]:
                    query = urlencode({parameter["name"]: extreme})
                    tried = f"{parameter['name']}={_shown(extreme)}"
                    _send(walk, visitor, "GET", f"{url}?{query}", tried=tried)
            content = operation.get("requestBody", {}).get("content", {})
            body_schema = content.get("application/json", {})
            if not body_schema:
                continue
            examples = body_schema.get("examples", {})
            body = (
                next(iter(examples.values()))["value"]
                if examples
                else _example(body_schema.get("schema", {}), components)
            )
            for leaf in _leaves(body):
                for extreme in _api_extremes("date" if leaf[-1] == "date" else "number"):
                    data = json.dumps(_replaced(body, leaf, extreme))
                    tried = f"{'.'.join(leaf)}={_shown(extreme)}"
                    _send(walk, visitor, method.upper(), url, data, tried)
    elapsed, used = time.monotonic() - started, time.process_time() - cpu
    print(f"\napi: {walk.requests} requests in {elapsed:.0f} s ({used:.0f} s of CPU)")
    assert walk.requests > 100
    assert not walk.failures, "\n".join(walk.failures[:40])
