"""The API does what its OpenAPI document says, checked by schemathesis with every check.

Schemathesis reads the document ``/api/v1/schema/`` serves (built here by the same generator)
and, for every operation, sends the document's examples, the boundary and type-mutation cases of
its coverage phase and fuzzed requests, valid and invalid, to the WSGI application in process.
Every built-in check runs on every answer: no server error; documented status codes, content
types and headers; answers that match their schema; valid input accepted and invalid input
refused; authentication enforced; no undocumented method allowed.

Partner operations are called with OPEX'82's API key, staff ones with the Laval caseworker's
session and its CSRF token. Half of the valid requests name real rows (the referral sent to
OPEX'82, its service, the caseworker's participant) so that successful answers are checked too.

Deterministic (derandomized, fixed seed) and bounded: ``MAX_EXAMPLES`` fuzzed requests per
operation besides the coverage cases, and ``WORKFLOWS`` sequences of up to six calls that follow
the links schemathesis infers between operations; some 700 requests in all, no deadline.
"""

from __future__ import annotations

import json
import uuid
import zlib
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.contrib.sessions.models import Session
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from schemathesis import AuthContext, Case, GenerationMode
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation.meta import TestPhase

from sentier.api.authentication import ApiKeyRateThrottle, ApiUserRateThrottle
from sentier.exchange.actions import NewKey, hash_key
from sentier.exchange.models import ApiKey
from sentier.network.models import Service
from sentier.referrals.models import Referral

MAX_EXAMPLES = 40
WORKFLOWS = 10
SEED = 20260501

# The coverage phase's requests are built when the tests are collected, credentials included:
# the credentials are fixed strings, given to rows made in each test (see ``credentials``).
API_KEY = "snt_c0ffee5e1f7e_schemathesis-partner-key-of-the-conformance-run"
SESSION_KEY = "schemathesisconformancerunsession0001"
CSRF_TOKEN = "SchemathesisConformanceRunCsrf01"  # 32 letters and digits, as Django makes them


def project_schema() -> dict[str, Any]:
    """The OpenAPI document as ``/api/v1/schema/?format=json`` serves it."""
    generator = SchemaGenerator()  # type: ignore[no-untyped-call]
    document = generator.get_schema(request=None, public=True)  # type: ignore[no-untyped-call]
    loaded: dict[str, Any] = json.loads(OpenApiJsonRenderer().render(document))
    return loaded


schema = schemathesis.openapi.from_dict(
    project_schema(),
    config=schemathesis.Config.from_dict(
        {
            "seed": SEED,
            "generation": {"deterministic": True, "max-examples": MAX_EXAMPLES},
            # `?page_size=5&page_size=6` too: a repeated parameter is refused, not half-read.
            "phases": {"coverage": {"generate-duplicate-query-parameters": True}},
            "checks": {"enabled": True},
        }
    ),
)
schema.app = get_wsgi_application()


@schema.auth(refresh_interval=None)
class SignIn:
    """OPEX'82's key where the operation asks for a key, the staff session (and, for writes,
    its CSRF token) where it asks for those."""

    def get(self, case: Case[Any], ctx: AuthContext) -> set[str]:
        security = ctx.operation.definition.raw.get("security", [])
        return {name for requirement in security for name in requirement}

    def set(self, case: Case[Any], data: set[str], ctx: AuthContext) -> None:
        if "ApiKey" in data:
            case.headers["X-Api-Key"] = API_KEY
        if "cookieAuth" in data:
            case.cookies["sessionid"] = SESSION_KEY
        if "csrfToken" in data:
            case.cookies["csrftoken"] = CSRF_TOKEN
            case.headers["X-CSRFToken"] = CSRF_TOKEN


REAL_ROWS: dict[str, str] = {}


@pytest.fixture(autouse=True)
def one_connection() -> Iterator[None]:
    """Requests reach Django's WSGI handler as from a server, which closes the database
    connection at the end of each one; the test's transaction lives on it. Django's test client
    keeps it open the same way."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture(autouse=True)
def credentials(
    personas: dict[str, Any],
    referral: Referral,
    opex_key: NewKey,
    opex_service: Service,
    laval_participant: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """OPEX'82's key, made by the action, answers to ``API_KEY``; the Laval caseworker's session,
    opened by signing in, is kept under ``SESSION_KEY``."""
    prefix = API_KEY.split("_")[1]
    ApiKey.objects.filter(pk=opex_key.key.pk).update(prefix=prefix, secret_hash=hash_key(API_KEY))
    staff = Client()
    staff.force_login(personas["caseworker_laval"])
    Session.objects.filter(session_key=staff.session.session_key).update(session_key=SESSION_KEY)
    # The run sends far more requests than a partner would; 429 is documented, but answers
    # that say "wait" check nothing else.
    for throttle in (ApiKeyRateThrottle, ApiUserRateThrottle):
        monkeypatch.setattr(throttle, "rate", "1000000/minute", raising=False)
    monkeypatch.setattr(
        "sentier.api.tests.test_openapi_conformance.REAL_ROWS",
        {
            "referral_uuid": str(referral.uuid),
            "service_uuid": str(opex_service.uuid),
            "participant_uuid": str(laval_participant.uuid),
        },
    )


@pytest.mark.django_db
@schema.parametrize()
@settings(
    deadline=None,
    derandomize=True,
    database=None,
    # The rows the run reads and changes (a referral, a service, a key) are made once for all
    # the requests to an operation, on purpose: the referral moves along as a partner's would.
    # And on a busy machine generating a case can be slow: the run is bounded by its number of
    # examples, not by time.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_does_what_its_openapi_document_says(case: Case[Any]) -> None:
    name_real_rows(case)
    keep_places_available_within_the_maximum(case)
    case.call_and_validate()


class Workflows(schema.as_state_machine()):  # type: ignore[misc]
    """Sequences the document's links allow: a list, then one of its referrals, that referral's
    FHIR bundle or a change of its status; the services, then one's capacity."""

    def before_call(self, case: Case[Any]) -> None:
        keep_places_available_within_the_maximum(case)


@pytest.mark.django_db
def test_sequences_of_calls_do_what_the_document_says(credentials: None) -> None:
    Workflows.run(
        settings=settings(
            max_examples=WORKFLOWS,
            stateful_step_count=6,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=[HealthCheck.too_slow],
        )
    )


def name_real_rows(case: Case[Any]) -> None:
    """Valid identifiers in the path become a real row's: all of the coverage phase's (so that
    its bodies and queries reach validation) and half of the fuzzed ones, by a stable checksum
    (the others are a 404)."""
    meta = case.meta
    path = meta.components.get(ParameterLocation.PATH) if meta is not None else None
    if meta is None or path is None or path.mode != GenerationMode.POSITIVE:
        return
    for name, value in case.path_parameters.items():
        coverage = meta.phase.name == TestPhase.COVERAGE
        if name in REAL_ROWS and (coverage or zlib.crc32(str(value).encode()) % 2 == 0):
            case.path_parameters[name] = REAL_ROWS[name]


def keep_places_available_within_the_maximum(case: Case[Any]) -> None:
    """A rule the document says in words: no more places available than the maximum (the one
    given, else the service's current one). JSON Schema cannot compare two values, so valid
    bodies are brought within it here; test_partner_capacity checks that the server refuses
    the others and changes nothing."""
    if case.meta is None or case.meta.generation.mode != GenerationMode.POSITIVE:
        return
    if case.operation.path != "/api/v1/services/{service_uuid}/capacity":
        return
    body = case.body if isinstance(case.body, dict) else {}
    available = body.get("capacity_available")
    if "capacity_maximum" in body:
        maximum = body["capacity_maximum"]
    else:
        try:
            key = uuid.UUID(str(case.path_parameters["service_uuid"]))
        except ValueError:
            return  # no such service: a 404 whatever the body
        service = Service.objects.filter(uuid=key)
        maximum = service.values_list("capacity_maximum", flat=True).first()
    if isinstance(available, int) and isinstance(maximum, int) and available > maximum:
        body["capacity_available"] = maximum
