"""Who may do what with an Ontario client's file: every page whose address names a person's row,
tried by every Ontario unit and role, in the Ontario configuration (issue 21).

A unit reaches the clients of its own program and its own queue, nothing else: the Ontario Works
local office its area's OW clients, the ODSP intake unit the applicants in its provincial queue.
The pages are read from the URL configuration, not copied: a page whose address names a row
must have its lines in :data:`TABLE`, or be said not to name a person (:data:`NOT_A_PERSON`), or
belong to a capability Ontario does not offer, or ``test_every_addressed_page_is_classified``
fails naming it.

Columns are the personas of ``access_world`` (ta om: OW local offices of Toronto and Ottawa;
ir ma: ODSP intake, accounts naming Toronto and Ottawa; ch ol: supervisors of the Toronto and
Ottawa local offices (coordinator accounts: in Ontario they read their own office's OW clients,
hand out its work and act on no file; see ``ontario.units``); ad: administrator; cl: the OW
client signed in; an: the ministry's program analyst (no file); eo: Employment Ontario
staff; ag: community agency staff; fn: a First Nations ODSP site's staff, who reach only their
site's queue: every "cannot" here is the 404 of a missing row, nothing changed; we: the
provincial OW intake unit, which reaches no file once the grant transferred it (see
``test_ow_intake_scope`` for before). Rows are the OW client's (``ow``) and the ODSP
applicant's (``odsp``; ``dau``: the same, with the refusal notice of an applicant whose
disability the Disability Adjudication Unit did not confirm). Each cell says what happens:

- ``ok``: the page is served or the POST processed (200, 302, or 400 for a refused input, 409
  for a decision on a row already decided);
  on pages marked as writing, a processed POST changed something;
- ``no``: the persona reads the file but may not do this: refused (403, or back to the file
  with a message), and nothing changed; ``no+``: the same, but the page logged the read in the
  access log before refusing (the application review: it loads the application first);
- ``.``: the same 404 as for a row that does not exist (the page compared with the missing
  row's, byte for byte), and nothing changed.

Rows are snapshot before and after every refusal; each try runs in a savepoint rolled back
after it, so every cell starts from the same rows.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

import pytest
from django.apps import apps
from django.conf import settings
from django.core.signals import request_started
from django.db import connection, transaction
from django.db.models import BinaryField
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from sentier.consent.texts import TEXT_VERSION
from sentier.core.jurisdiction import APP_JURISDICTION
from sentier.core.testing.written import Written
from sentier.network.models import Service
from sentier.ontario.demo import submit_ontario_application
from sentier.ontario.tests.access_world import PERSONAS, Rows, World, build_world
from sentier.participants.forms import ParticipantDetailsForm
from sentier.participants.models import Participant

# It loads the whole demo or walks every page: longer than the suite's 5-minute limit per test
# allows on a loaded machine (make test: UNIT_LIMITS).
pytestmark = [pytest.mark.django_db, pytest.mark.timeout(900)]

T = TypeVar("T")
Kwargs = Callable[[World, Rows], dict[str, Any] | None]
Data = Callable[[World, Rows], dict[str, Any]]

#: Stands for a row that does not exist.
MISSING = uuid.UUID("00000000-0000-4000-8000-00000000dead")


@dataclass(frozen=True)
class Page:
    """How to address a page for one client (None: that client has no such row) and what to
    POST to it; ``writes``: a processed POST changes rows."""

    kwargs: Kwargs
    data: Data | None = None
    writes: bool = False


def _participant(world: World, rows: Rows) -> dict[str, Any]:
    return {"participant_uuid": rows.participant.uuid}


def _details(world: World, rows: Rows) -> dict[str, Any]:
    form = ParticipantDetailsForm(instance=rows.participant)
    data = {name: form[name].value() for name in form.fields}
    data = {name: "" if value is None else value for name, value in data.items()}
    return {**data, "phone": "416 555-0199"}


def _referral_consent(world: World, rows: Rows) -> dict[str, Any]:
    return {
        "recipient_kind": "organization",
        "recipient_organization": str(world.agency.uuid),
        "categories": ["identity"],
        "step": "agree",
        "version": TEXT_VERSION,
        "agree": "on",
        "channel": "phone",
    }


def _nothing(world: World, rows: Rows) -> dict[str, Any]:
    return {}


def _key(name: str, row: Callable[[Rows], Any]) -> Kwargs:
    def kwargs(world: World, rows: Rows) -> dict[str, Any] | None:
        found = row(rows)
        return None if found is None else {name: found.uuid}

    return kwargs


def _service(world: World, rows: Rows) -> dict[str, Any]:
    return {"service_uuid": world.service.uuid}


#: Every participant-scoped page and how to try it.
PAGES: dict[str, Page] = {
    "participants:file": Page(_participant),
    "participants:edit": Page(_participant, _details, writes=True),
    "participants:add_note": Page(_participant, lambda w, r: {"text": "A note"}, writes=True),
    "participants:history": Page(_participant),
    "api:participant": Page(_participant),
    "consent:record": Page(
        lambda w, r: {"participant_uuid": r.participant.uuid, "purpose": "referral"},
        _referral_consent,
        writes=True,
    ),
    "consent:withdraw": Page(
        _key("consent_uuid", lambda r: r.consent), lambda w, r: {"channel": "phone"}, writes=True
    ),
    "referrals:send": Page(
        _participant, lambda w, r: {"step": "need", "kind": "community", "need": "Housing"}
    ),
    "referrals:detail": Page(_key("referral_uuid", lambda r: r.referral)),
    "referrals:cancel": Page(
        _key("referral_uuid", lambda r: r.referral), lambda w, r: {"reason": "Moved"}, writes=True
    ),
    "referrals:inbox_detail": Page(
        _key("referral_uuid", lambda r: r.referral),
        lambda w, r: {"to": "accepted", "text": "We call tomorrow"},
        writes=True,
    ),
    "intake:review": Page(
        _key("recommendation_uuid", lambda r: r.recommendation),
        lambda w, r: {"final_path": "none", "reason": "Another path"},
        writes=True,
    ),
    "intake:assign": Page(_key("recommendation_uuid", lambda r: r.recommendation), _nothing),
    "decisions:new": Page(_participant, _nothing),
    "decisions:detail": Page(_key("decision_uuid", lambda r: r.decision)),
    "decisions:replay": Page(_key("decision_uuid", lambda r: r.decision), _nothing),
    "decisions:handle_change": Page(_key("change_uuid", lambda r: r.change), _nothing, writes=True),
    "network:add_to_waiting_list": Page(_participant, _nothing),
    "network:waiting_list": Page(_service),
    "network:free_place": Page(_service, _nothing, writes=True),
    "network:pass_offer": Page(_key("offer_uuid", lambda r: r.offer), _nothing, writes=True),
    "network:answer_offer": Page(
        _key("offer_uuid", lambda r: r.offer), lambda w, r: {"answer": "decline"}, writes=True
    ),
    "network:withdraw_entry": Page(_key("entry_uuid", lambda r: r.entry), _nothing, writes=True),
    # The notice pages: whoever may not see the notice (the client, the analyst, partner staff:
    # no caseload) gets the missing row's 404, like every page that names a row.
    "correspondence:call": Page(
        _key("notice_uuid", lambda r: r.call),
        lambda w, r: {"outcome": "reached", "note": ""},
        writes=True,
    ),
    # The call is not a failed notice: trying it again is refused with a message, no change.
    "correspondence:retry": Page(_key("notice_uuid", lambda r: r.call), _nothing),
    # Nor is it an e-mail to replace by a letter or a call: refused with a message, no change.
    "correspondence:replace": Page(_key("notice_uuid", lambda r: r.call), _nothing),
    "correspondence:contact_preference": Page(
        _participant, lambda w, r: {"channel": "letter"}, writes=True
    ),
    "ontario:ow_application": Page(_key("ow_uuid", lambda r: r.ow), _nothing),
    "ontario:take_ow_application": Page(_key("ow_uuid", lambda r: r.ow), _nothing),
    "ontario:assessment": Page(
        _key("assessment_uuid", lambda r: r.assessment),
        lambda w, r: {"action": "complete", "summary": "Seen; plan in place"},
        writes=True,
    ),
    "ontario:take_assessment": Page(_key("assessment_uuid", lambda r: r.assessment), _nothing),
    "ontario:odsp_application": Page(_key("odsp_uuid", lambda r: r.odsp), _nothing),
    "ontario:odsp_assign": Page(
        _key("odsp_uuid", lambda r: r.odsp),
        lambda w, r: {"assignee": str(w.people["ma"].uuid)},
        writes=True,
    ),
    "ontario:odsp_assign_to_me": Page(_key("odsp_uuid", lambda r: r.odsp), _nothing, writes=True),
    "ontario:package_pdf": Page(_key("package_uuid", lambda r: r.package)),
    "ontario:package_mailed": Page(
        _key("package_uuid", lambda r: r.package), _nothing, writes=True
    ),
    "ontario:notice_pdf": Page(_key("notice_uuid", lambda r: r.notice)),
    "ontario:notice_mailed": Page(_key("notice_uuid", lambda r: r.notice), _nothing, writes=True),
    # The applicant is already confirmed: a withdrawal is the conflict page (409), no change.
    "ontario:odsp_decide": Page(
        lambda w, r: None if r.odsp is None else {"odsp_uuid": r.odsp.uuid, "decision": "withdraw"},
        _nothing,
    ),
    "ontario:package_step": Page(
        lambda w, r: (
            None if r.package is None else {"package_uuid": r.package.uuid, "step": "deliver"}
        ),
        lambda w, r: {"delivery": "in_person", "reason": "Asked for it at the office"},
        writes=True,
    ),
}

#: Who may do what. One line per page, client and method; one cell per persona (see above).
TABLE = """
page                         row  method ta om ir ma ch ol ad cl an eo ag fn we
participants:file            ow   GET    ok .  .  .  ok .  ok ok .  .  .  .  .
participants:file            odsp GET    .  .  ok ok .  .  ok .  .  .  .  .  .
participants:edit            ow   GET    ok .  .  .  no .  ok no .  .  .  .  .
participants:edit            ow   POST   ok .  .  .  no .  ok no .  .  .  .  .
participants:edit            odsp GET    .  .  ok ok .  .  ok .  .  .  .  .  .
participants:edit            odsp POST   .  .  ok ok .  .  ok .  .  .  .  .  .
participants:add_note        ow   POST   ok .  .  .  no .  ok no .  .  .  .  .
participants:add_note        odsp POST   .  .  ok ok .  .  ok .  .  .  .  .  .
participants:history         ow   GET    ok .  .  .  ok .  ok no .  .  .  .  .
participants:history         odsp GET    .  .  ok ok .  .  ok .  .  .  .  .  .
api:participant              ow   GET    ok .  .  .  ok .  ok ok .  .  .  .  .
api:participant              odsp GET    .  .  ok ok .  .  ok .  .  .  .  .  .
consent:record               ow   GET    ok .  .  .  .  .  ok .  .  .  .  .  .
consent:record               ow   POST   ok .  .  .  .  .  ok .  .  .  .  .  .
consent:record               odsp GET    .  .  ok ok .  .  ok .  .  .  .  .  .
consent:record               odsp POST   .  .  ok ok .  .  ok .  .  .  .  .  .
consent:withdraw             ow   GET    ok .  .  .  .  .  ok ok .  .  .  .  .
consent:withdraw             ow   POST   ok .  .  .  .  .  ok ok .  .  .  .  .
consent:withdraw             odsp GET    .  .  ok ok .  .  ok .  .  .  .  .  .
consent:withdraw             odsp POST   .  .  ok ok .  .  ok .  .  .  .  .  .
referrals:send               ow   GET    ok .  .  .  .  .  ok .  .  .  .  .  .
referrals:send               ow   POST   ok .  .  .  .  .  ok .  .  .  .  .  .
referrals:send               odsp GET    .  .  ok ok .  .  ok .  .  .  .  .  .
referrals:send               odsp POST   .  .  ok ok .  .  ok .  .  .  .  .  .
referrals:detail             ow   GET    ok .  .  .  ok .  ok .  .  .  .  .  .
referrals:detail             odsp GET    .  .  ok ok .  .  ok .  .  .  .  .  .
referrals:cancel             ow   GET    ok .  .  .  .  .  ok .  .  .  .  .  .
referrals:cancel             ow   POST   ok .  .  .  .  .  ok .  .  .  .  .  .
referrals:cancel             odsp GET    .  .  ok ok .  .  ok .  .  .  .  .  .
referrals:cancel             odsp POST   .  .  ok ok .  .  ok .  .  .  .  .  .
referrals:inbox_detail       ow   GET    .  .  .  .  .  .  .  .  .  ok .  .  .
referrals:inbox_detail       ow   POST   .  .  .  .  .  .  .  .  .  ok .  .  .
referrals:inbox_detail       odsp GET    .  .  .  .  .  .  .  .  .  .  ok .  .
referrals:inbox_detail       odsp POST   .  .  .  .  .  .  .  .  .  .  ok .  .
intake:review                ow   GET    ok .  .  .  ok .  ok .  .  .  .  .  .
intake:review                ow   POST   ok .  .  .  no+ .  ok .  .  .  .  .  .
intake:review                odsp GET    .  .  .  .  .  .  .  .  .  .  .  .  .
intake:review                odsp POST   .  .  .  .  .  .  .  .  .  .  .  .  .
intake:assign                ow   POST   ok .  .  .  no .  ok .  .  .  .  .  .
intake:assign                odsp POST   .  .  .  .  .  .  .  .  .  .  .  .  .
decisions:new                ow   GET    ok .  .  .  no .  ok no .  .  .  .  .
decisions:new                ow   POST   ok .  .  .  no .  ok no .  .  .  .  .
decisions:new                odsp GET    .  .  ok ok .  .  ok .  .  .  .  .  .
decisions:new                odsp POST   .  .  ok ok .  .  ok .  .  .  .  .  .
decisions:detail             ow   GET    ok .  .  .  ok .  ok ok .  .  .  .  .
decisions:detail             odsp GET    .  .  ok ok .  .  ok .  .  .  .  .  .
decisions:replay             ow   POST   ok .  .  .  ok .  ok ok .  .  .  .  .
decisions:replay             odsp POST   .  .  ok ok .  .  ok .  .  .  .  .  .
decisions:handle_change      ow   POST   ok .  .  .  no .  ok no .  .  .  .  .
decisions:handle_change      odsp POST   .  .  ok ok .  .  ok .  .  .  .  .  .
network:add_to_waiting_list  ow   POST   ok .  .  .  no .  ok no .  .  .  .  .
network:add_to_waiting_list  odsp POST   .  .  ok ok .  .  ok .  .  .  .  .  .
network:waiting_list         ow   GET    .  .  .  .  .  .  ok .  .  ok .  .  .
network:free_place           ow   POST   .  .  .  .  .  .  ok .  .  ok .  .  .
network:pass_offer           ow   POST   .  .  .  .  .  .  ok .  .  ok .  .  .
network:pass_offer           odsp POST   .  .  .  .  .  .  ok .  .  ok .  .  .
network:answer_offer         ow   POST   ok .  .  .  .  .  ok ok .  .  .  .  .
network:answer_offer         odsp POST   .  .  ok ok .  .  ok .  .  .  .  .  .
network:withdraw_entry       ow   POST   ok .  .  .  .  .  ok .  .  ok .  .  .
network:withdraw_entry       odsp POST   .  .  ok ok .  .  ok .  .  ok .  .  .
correspondence:call          ow   GET    ok .  .  .  ok .  ok .  .  .  .  .  .
correspondence:call          ow   POST   ok .  .  .  no .  ok .  .  .  .  .  .
correspondence:call          odsp GET    .  .  ok ok .  .  ok .  .  .  .  .  .
correspondence:call          odsp POST   .  .  ok ok .  .  ok .  .  .  .  .  .
correspondence:retry         ow   POST   ok .  .  .  ok .  ok .  .  .  .  .  .
correspondence:retry         odsp POST   .  .  ok ok .  .  ok .  .  .  .  .  .
correspondence:replace       ow   POST   ok .  .  .  ok .  ok .  .  .  .  .  .
correspondence:replace       odsp POST   .  .  ok ok .  .  ok .  .  .  .  .  .
correspondence:contact_preference ow   POST ok .  .  .  no .  ok ok .  .  .  .  .
correspondence:contact_preference odsp POST .  .  ok ok .  .  ok .  .  .  .  .  .
ontario:ow_application       ow   GET    ok .  .  .  ok .  ok .  .  .  .  .  .
ontario:ow_application       ow   POST   ok .  .  .  no .  ok .  .  .  .  .  .
ontario:take_ow_application  ow   POST   ok .  .  .  no .  ok .  .  .  .  .  .
ontario:assessment           ow   GET    ok .  .  .  ok .  ok .  .  .  .  .  .
ontario:assessment           ow   POST   ok .  .  .  no .  ok .  .  .  .  .  .
ontario:take_assessment      ow   POST   ok .  .  .  no .  ok .  .  .  .  .  .
ontario:odsp_application     odsp GET    .  .  ok ok .  .  ok .  .  .  .  .  .
ontario:odsp_application     odsp POST   .  .  ok ok .  .  ok .  .  .  .  .  .
ontario:odsp_assign          odsp POST   .  .  ok ok .  .  ok .  .  .  .  .  .
ontario:odsp_assign_to_me    odsp POST   .  .  ok ok .  .  ok .  .  .  .  .  .
ontario:package_pdf          odsp GET    .  .  ok ok .  .  ok .  .  .  .  .  .
ontario:package_mailed       odsp POST   .  .  ok ok .  .  ok .  .  .  .  .  .
ontario:notice_pdf           ow   GET    .  .  .  .  .  .  ok .  .  .  .  .  ok
ontario:notice_pdf           odsp GET    .  .  ok ok .  .  ok .  .  .  .  .  .
ontario:notice_mailed        ow   POST   .  .  .  .  .  .  ok .  .  .  .  .  ok
ontario:notice_mailed        odsp POST   .  .  ok ok .  .  ok .  .  .  .  .  .
ontario:notice_pdf           dau  GET    .  .  ok ok .  .  ok .  .  .  .  .  .
ontario:notice_mailed        dau  POST   .  .  ok ok .  .  ok .  .  .  .  .  .
ontario:odsp_decide          odsp POST   .  .  ok ok .  .  ok .  .  .  .  .  .
ontario:package_step         odsp POST   .  .  ok ok .  .  ok .  .  .  .  .  .
"""

#: Pages whose address names a row but no person's file, and why.
NOT_A_PERSON: dict[str, str] = {
    "participants:delete_search": "the signed-in user's own saved search: a filter",
    "consent:give": "a purpose: the signed-in person gives their own consent",
    "feedback:survey": "the signed-in participant's own survey after one of their own plans or "
    "referrals (looked up among their own milestones only): the same 404 for anyone else, tried "
    "in feedback/tests/test_participant_survey.py",
    "intake:step": "the application's secret resume link, held by the applicant",
    "intake:summary": "the application's secret resume link, held by the applicant",
    "intake:confirmation": "the application's secret resume link, held by the applicant",
    "referrals:link": "a signed single-use link sent to an organization without an account",
    "network:capacity_update": "a service's capacity figures",
    "network:import_job": "a directory import: services, no person",
    "exchange:revoke": "an organization's API key",
    "simulations:detail": "a saved simulation: protected aggregates over the files, no person",
    "simulations:rerun": "a saved simulation run again: protected aggregates, no person",
    "simulations:yaml": "a saved simulation's parameter changes (YAML lines), no person",
    "insights:pilots:page": "a pilot's comparison: protected aggregates over regions, no person",
    "insights:pilots:freeze": "a pilot's month frozen as a report: protected aggregates, no person",
    "insights:pilots:report": "a frozen pilot report: protected aggregates, no person",
    "insights:pilots:report_pdf": "a frozen pilot report's PDF: protected aggregates, no person",
    "exchange:turn_off_webhook": "an organization's webhook",
    "exchange:retry": "a delivery to the organization's own webhook, tried again",
    "api:service_capacity": "a service's capacity figures (partner systems)",
}

#: The partner API: a system reads and answers the referrals sent to its own organization.
#: Columns: the API key of Employment Ontario's system, of the agency's, and none (staff).
API_TABLE = """
page                 row  method eo ag staff
api:referral         ow   GET    ok .  401
api:referral         odsp GET    .  ok 401
api:referral_fhir    ow   GET    ok .  401
api:referral_fhir    odsp GET    .  ok 401
api:referral_status  ow   POST   ok .  401
api:referral_status  odsp POST   .  ok 401
"""

#: Pages the tables do not enumerate: the sign-in pages (django-allauth); Django's admin pages
#: (namespace ``admin``) are left out too.
OUTSIDE = ("allauth.",)


@dataclass(frozen=True)
class Line:
    page: str
    row: str
    method: str
    cells: dict[str, str]


def _lines(table: str) -> list[Line]:
    header, *rows = [line.split() for line in table.strip().splitlines()]
    columns = header[3:]
    return [Line(r[0], r[1], r[2], dict(zip(columns, r[3:], strict=True))) for r in rows]


LINES = _lines(TABLE)
API_LINES = _lines(API_TABLE)


def _patterns(resolver: URLResolver, namespace: str = "") -> Iterator[tuple[str, URLPattern]]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, ":".join(filter(None, [namespace, entry.namespace])))
        elif entry.name:
            yield ":".join(filter(None, [namespace, entry.name])), entry


def addressed_pages() -> dict[str, URLPattern]:
    """Every named page whose address carries a value (a UUID, a key, a code)."""
    found = {}
    for name, pattern in _patterns(get_resolver()):
        module = getattr(pattern.callback, "__module__", "")
        if name.startswith("admin:") or module.startswith(OUTSIDE):
            continue
        if pattern.pattern.converters or pattern.pattern.regex.groupindex:
            found[name] = pattern
    return found


def not_offered_in_ontario(name: str) -> bool:
    app = name.split(":", 1)[0]
    return APP_JURISDICTION.get(app, "on") != "on"


#: The personas who reach an Ontario file at all (the others are refused every file above):
#: they try the pages of the measures Ontario does not offer.
REACHING = ("ta", "ir", "ch", "ad")

#: A row of a measure Ontario does not offer (none exists here).
ELSEWHERE = uuid.UUID("00000000-0000-4000-8000-0000000000e1")


def _fill(name: str, pattern: URLPattern, rows: Rows) -> dict[str, Any]:
    """An address for a page of a measure Ontario does not offer, naming the OW client where
    the page names a person."""
    values: dict[str, Any] = {}
    for kwarg in pattern.pattern.converters:
        if kwarg == "participant_uuid":
            values[kwarg] = rows.participant.uuid
        elif kwarg.endswith("_uuid"):
            values[kwarg] = ELSEWHERE
        elif kwarg == "token":
            values[kwarg] = "a-calendar-token"
        elif kwarg == "region_code":
            values[kwarg] = rows.participant.region.code
        else:
            raise AssertionError(f"{name}: say how to fill {kwarg!r} in _fill")
    return values


# ---------------------------------------------------------------------------------- the rows

#: What a refusal must leave as it was: every table of the person-facing apps (their change
#: history, timelines, transition logs and the access log included) and the waiting lists.
SNAPSHOT_APPS = (
    "participants",
    "intake",
    "consent",
    "referrals",
    "decisions",
    "ontario",
    "audit",
    "correspondence",
)
SNAPSHOT_NETWORK = ("service", "waitinglistentry", "offer", "waitinglistlog", "capacityupdate")
#: Tables only ever added to (change histories too): counted. Other rows: compared field by field.
APPEND_ONLY = ("AccessLog", "TimelineEvent", "ReferralTransition", "WaitingListLog")
#: What pages change on a service: its figures (not its directory description).
SERVICE_FIGURES = ("id", "capacity_available", "capacity_maximum", "capacity_updated_at", "status")


@dataclass(frozen=True)
class Snapshot:
    """How the rows are read: one query counts every table; rows that can change in place are
    read field by field (without binary contents)."""

    counted: list[Any]
    compared: list[tuple[Any, list[str]]]

    @classmethod
    def plan(cls) -> Snapshot:
        counted, compared = [], []
        for model in apps.get_models():
            label, name = model._meta.app_label, model._meta.model_name or ""
            if label not in SNAPSHOT_APPS and not (
                label == "network" and name.removeprefix("historical") in SNAPSHOT_NETWORK
            ):
                continue
            counted.append(model)
            if name.startswith("historical") or model.__name__ in APPEND_ONLY:
                continue
            fields = [
                field.attname
                for field in model._meta.concrete_fields
                if not isinstance(field, BinaryField)
                and (model is not Service or field.attname in SERVICE_FIGURES)
            ]
            compared.append((model, fields))
        return cls(counted, compared)

    @property
    def tables(self) -> set[str]:
        return {model._meta.db_table for model in self.counted}

    def take(self, tables: Collection[str] | None = None) -> dict[str, Any]:
        """The rows of every table (``tables``: of those only)."""
        counted = [m for m in self.counted if tables is None or m._meta.db_table in tables]
        taken: dict[str, Any] = {}
        if counted:
            quote = connection.ops.quote_name
            counts = ", ".join(
                f"(SELECT COUNT(*) FROM {quote(model._meta.db_table)})"  # noqa: S608
                for model in counted
            )
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT {counts}")
                sizes = cursor.fetchone()
            taken = {
                f"{model._meta.label} (rows)": size
                for model, size in zip(counted, sizes, strict=True)
            }
        for model, fields in self.compared:
            if tables is None or model._meta.db_table in tables:
                taken[model._meta.label] = list(model.objects.order_by("pk").values_list(*fields))
        return taken


# ---------------------------------------------------------------------------------- the tries

CSRF = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]+')
NONCE = re.compile(rb'(nonce=")[^"]+')


def _normal(response: HttpResponse, key: str) -> bytes:
    """The body without what changes on every response (CSRF token, CSP nonce), the row's
    key written as the missing one's."""
    body = CSRF.sub(rb"\1", NONCE.sub(rb"\1", response.content))
    return body.replace(key.encode(), str(MISSING).encode())


@dataclass
class Tryer:
    """Signed-in clients, one per persona, and a savepoint around every request: each try
    starts from the same rows. Only the session cookie is kept between tries (a message left
    by one page must not show on the next). A try's changes are the differences between the
    rows before the tries and after it, in the tables the try wrote to (``written``)."""

    world: World
    clients: dict[str, Client]
    snapshot: Snapshot
    before: dict[str, Any]
    written: Written

    @classmethod
    @contextmanager
    def of(cls, world: World) -> Iterator[Tryer]:
        clients = {}
        for column, user in world.people.items():
            clients[column] = Client()
            clients[column].force_login(user)
        plan = Snapshot.plan()
        with Written.watching(plan.tables) as written:
            yield cls(world, clients, plan, plan.take(), written)

    def within(self, act: Callable[[], T], *, look: bool = True) -> tuple[T, list[str]]:
        """What ``act`` returned, run in a savepoint rolled back after it, and what it changed
        (when ``look``): each table's row count (``label (rows)``) and, but for the append-only
        ones, its rows (``label``)."""
        with transaction.atomic():
            mark = self.written.mark() if look else None
            done = act()
            changed = self._changed(self.written.since(mark)) if look else []
            transaction.set_rollback(True)
        return done, changed

    def _changed(self, tables: Collection[str]) -> list[str]:
        after = self.snapshot.take(tables)
        return [label for label, rows in after.items() if rows != self.before[label]]

    def send(
        self, column: str, method: str, url: str, data: dict[str, Any] | None, *, look: bool
    ) -> tuple[HttpResponse, list[str]]:
        """The response, and which tables it changed (when ``look``)."""
        client = self.clients[column]
        for name in [name for name in client.cookies if name != settings.SESSION_COOKIE_NAME]:
            del client.cookies[name]
        sent, changed = self.within(
            lambda: client.get(url) if method == "GET" else client.post(url, data or {}),
            look=look,
        )
        response: HttpResponse = sent  # type: ignore[assignment]  # the test client's subclass
        return response, changed


@pytest.fixture
def tryer(ontario: dict[str, Any]) -> Iterator[Tryer]:
    """The world of both clients, and every persona signed in to try it."""
    with Tryer.of(build_world(ontario)) as tryer:
        yield tryer


def _missing(kwargs: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """The same address with the row's key replaced by one that names nothing."""
    keys = [name for name in kwargs if name.endswith("_uuid")]
    assert len(keys) == 1, kwargs
    return {**kwargs, keys[0]: MISSING}, str(kwargs[keys[0]])


def _is_login(response: HttpResponse) -> bool:
    return response.status_code == 302 and "/accounts/login/" in response.get("Location", "")


def _verdict(
    expected: str, response: HttpResponse, changed: list[str], *, writes: bool, same: bool
) -> str:
    """What is wrong with this try (empty: nothing)."""
    status = response.status_code
    if _is_login(response) or status >= 500:
        return f"got {status} {response.get('Location', '')}"
    if expected == "no+":
        changed = [label for label in changed if not label.startswith("audit.AccessLog")]
        expected = "no"
    also = f"; changed {', '.join(changed)}" if changed else ""
    if expected == ".":
        if status != 404:
            return f"got {status}, not a 404{also}"
        if changed:
            return f"a 404, but changed {', '.join(changed)}"
        return "" if same else "a 404 unlike a missing row's"
    if expected == "no":
        if status == 404:
            return f"got a 404, though the persona reads the file{also}"
        return f"refused ({status}) but changed {', '.join(changed)}" if changed else ""
    if status not in (200, 302, 400, 409):
        return f"got {status}, not served"
    return "" if changed or not writes else f"processed ({status}) but changed nothing"


# ---------------------------------------------------------------------------------- the tests


def test_every_addressed_page_is_classified() -> None:
    """A new page naming a row gets its lines in the table (or is said to name no person)."""
    tabled = {line.page for line in LINES} | {line.page for line in API_LINES}
    unclassified = sorted(
        name
        for name in addressed_pages()
        if name not in tabled and name not in NOT_A_PERSON and not not_offered_in_ontario(name)
    )
    assert not unclassified, (
        "Pages naming a row that the Ontario access matrix does not classify: "
        f"{', '.join(unclassified)}. Add their lines to TABLE (and how to try them to PAGES), "
        "or say in NOT_A_PERSON why they name no person's file."
    )
    assert set(PAGES) == {line.page for line in LINES}
    assert not set(NOT_A_PERSON) & tabled
    assert set(NOT_A_PERSON) <= set(addressed_pages()), "NOT_A_PERSON names a page that left"


def test_who_may_do_what_with_an_ontario_clients_file(tryer: Tryer) -> None:
    world = tryer.world
    wrong: list[str] = []
    missing_bodies: dict[tuple[str, str, str], HttpResponse] = {}
    for line in LINES:
        page = PAGES[line.page]
        rows = world.rows[line.row]
        kwargs = page.kwargs(world, rows)
        assert kwargs is not None, f"{line.page}: the {line.row} client has no such row"
        url = reverse(line.page, kwargs=kwargs)
        missing_kwargs, key = _missing(kwargs)
        missing_url = reverse(line.page, kwargs=missing_kwargs)
        data = page.data(world, rows) if line.method == "POST" and page.data else None
        writes = page.writes and line.method == "POST"
        for column in PERSONAS:
            expected = line.cells[column]
            look = expected != "ok" or writes
            response, changed = tryer.send(column, line.method, url, data, look=look)
            same = True
            if response.status_code == 404:
                cached = (missing_url, line.method, column)
                if cached not in missing_bodies:
                    missing_bodies[cached], _ = tryer.send(
                        column, line.method, missing_url, data, look=False
                    )
                missing = missing_bodies[cached]
                same = missing.status_code == 404 and _normal(missing, str(MISSING)) == _normal(
                    response, key
                )
            problem = _verdict(expected, response, changed, writes=writes, same=same)
            if problem:
                wrong.append(
                    f"{line.page} {line.row} {line.method} {column} ({expected}): {problem}"
                )
    assert not wrong, "\n".join(wrong)


def test_a_try_that_writes_is_seen_to_change_rows(tryer: Tryer) -> None:
    """The rows read again after a try are those of the tables the database says it wrote to:
    a write made while a refused page is served, through the ORM or in raw SQL, is still
    reported; a write that leaves its row as it was is not; the access log's new row is."""
    participant = tryer.world.rows["ow"].participant
    url = reverse("participants:file", kwargs={"participant_uuid": participant.uuid})

    def write(**kwargs: Any) -> None:
        Participant.objects.filter(pk=participant.pk).update(phone="416 555-0123")

    request_started.connect(write)
    try:
        response, changed = tryer.send("om", "GET", url, None, look=True)
    finally:
        request_started.disconnect(write)
    assert response.status_code == 404
    assert changed == ["participants.Participant"]
    assert _verdict(".", response, changed, writes=False, same=True) == (
        "a 404, but changed participants.Participant"
    )

    def raw(phone: str) -> None:
        quote = connection.ops.quote_name
        table, column = Participant._meta.db_table, Participant._meta.get_field("phone").column
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {quote(table)} SET {quote(column)} = %s WHERE id = %s",  # noqa: S608
                [phone, participant.pk],
            )

    assert tryer.within(partial(raw, "416 555-0123"))[1] == ["participants.Participant"]
    assert tryer.within(partial(raw, participant.phone))[1] == []
    # Back to the rows before: the savepoint was rolled back.
    assert tryer.within(lambda: None)[1] == []
    assert Participant.objects.get(pk=participant.pk).phone == participant.phone

    response, changed = tryer.send("ta", "GET", url, None, look=True)
    assert response.status_code == 200
    assert changed == ["audit.AccessLog (rows)"]


def test_measures_ontario_does_not_offer_are_a_404_for_everyone(tryer: Tryer) -> None:
    """PAAS Action, support plans and service plans: every page naming a row is the same 404
    as a missing file's to whoever reaches the client's file, and the administrator (who reaches
    every row) gets a 404 on all the others; nothing changes."""
    rows = tryer.world.rows["ow"]
    key = str(rows.participant.uuid)
    wrong: list[str] = []
    for name, pattern in sorted(addressed_pages().items()):
        if not not_offered_in_ontario(name):
            continue
        kwargs = _fill(name, pattern, rows)
        url = reverse(name, kwargs=kwargs)
        names_person = "participant_uuid" in kwargs
        missing_url = (
            reverse(name, kwargs={**kwargs, "participant_uuid": MISSING}) if names_person else url
        )
        for method in ("GET", "POST"):
            for column in REACHING if names_person else ("ad",):
                response, changed = tryer.send(column, method, url, {}, look=True)
                same = True
                if names_person:
                    missing, _ = tryer.send(column, method, missing_url, {}, look=False)
                    same = _normal(missing, str(MISSING)) == _normal(response, key)
                problem = _verdict(".", response, changed, writes=False, same=same)
                if problem:
                    wrong.append(f"{name} {method} {column}: {problem}")
    assert not wrong, "\n".join(wrong)


def _ask(client: Client, method: str, address: str, data: dict[str, Any] | None) -> Any:
    if method == "GET":
        return client.get(address)
    return client.post(address, data, content_type="application/json")


def test_partner_systems_reach_only_their_organizations_referrals(tryer: Tryer) -> None:
    world = tryer.world
    staff = Client()
    staff.force_login(world.people["ta"])
    wrong = []
    for line in API_LINES:
        referral = world.rows[line.row].referral
        url = reverse(line.page, kwargs={"referral_uuid": referral.uuid})
        missing_url = reverse(line.page, kwargs={"referral_uuid": MISSING})
        data = {"status": "accepted"} if line.method == "POST" else None
        for column, expected in line.cells.items():
            client = staff if column == "staff" else Client(HTTP_X_API_KEY=world.keys[column])

            response, changed = tryer.within(partial(_ask, client, line.method, url, data))
            missing, _ = tryer.within(
                partial(_ask, client, line.method, missing_url, data), look=False
            )
            if expected == "ok":
                good = response.status_code == 200
            else:
                status = 404 if expected == "." else int(expected)
                good = (
                    response.status_code == missing.status_code == status
                    and response.content
                    == missing.content.replace(str(MISSING).encode(), str(referral.uuid).encode())
                    and not changed
                )
            if not good:
                wrong.append(
                    f"{line.page} {line.row} {column}: expected {expected}, got "
                    f"{response.status_code} (missing: {missing.status_code}), changed {changed}"
                )
    assert not wrong, "\n".join(wrong)


def test_lists_show_a_unit_its_own_clients_only(ontario: dict[str, Any]) -> None:
    """The caseload and the application review queue list what the unit reaches, nothing else
    (ODSP applications are never in the review queue: they go to the unit's own queue; an OW
    application is the intake unit's until the grant transfers it)."""
    ow = submit_ontario_application(first="Amara", last="Okafor", program="OW").participant
    odsp = submit_ontario_application(first="Noor", last="Haddad", program="ODSP").participant
    assert ow is not None
    assert odsp is not None
    # persona: (files linked from the caseload, is the OW application in the review queue?)
    # Not granted yet: the OW intake unit's (province-wide), not the local office's. The intake
    # review queue is still read by region (None: not checked here; its Ontario version is
    # still to do).
    lists: dict[str, tuple[set[Any], bool | None]] = {
        "wendy": ({ow}, None),
        "tara": (set(), False),
        "iris": ({odsp}, False),
        "omar": (set(), False),
    }
    for key, (files, reviews_ow) in lists.items():
        client = Client()
        client.force_login(ontario[key])
        caseload = client.get(reverse("participants:caseload"), {"scope": "all"})
        queue = client.get(reverse("intake:review_queue"), {"status": "all"})
        assert caseload.status_code == queue.status_code == 200
        for participant in (ow, odsp):
            linked = str(participant.uuid) in caseload.content.decode()
            assert linked == (participant in files), (key, participant)
        if reviews_ow is not None:
            assert (ow.full_name in queue.content.decode()) == reviews_ow, key
