"""Which actions each Ontario page offers, state by state and persona by persona.

The pages ask the lifecycles (``states.OW_APPLICATION``, ``ASSESSMENT``, ``ODSP_APPLICATION``,
``PACKAGE``) which moves are open instead of comparing statuses; this table pins what a person
sees in each state, so the buttons follow the machine and nothing else. An action is named by
the form that posts it: its address (identifiers left out) and its ``action`` field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sentier.ontario import actions
from sentier.ontario.models import (
    Adjudication,
    CommonAssessment,
    DeterminationPackage,
    ODSPApplication,
    ODSPRefusalReason,
    OWApplication,
)
from sentier.ontario.odsp import actions as odsp_actions
from sentier.ontario.tests.helpers import odsp_of, ow_of, send_application

ClientFor = Callable[[str], Client]

FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S)
ADDRESS = re.compile(r'action="([^"]*)"')
ACTION = re.compile(r'name="action" value="([^"]*)"')
KEY = re.compile(r"/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def offered(client: Client, url: str) -> set[str] | int:
    """The POST forms of the page at ``url`` (``"<address>#<action>"``, the address without
    language prefix nor identifiers; ``"#<action>"`` for the page's own address), or the status
    code when the page is not shown."""
    response = client.get(url)
    if response.status_code != 200:
        return int(response.status_code)
    main = response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]
    found = set()
    for attributes, body in FORM.findall(main):
        if 'method="post"' not in attributes:
            continue
        address = ADDRESS.search(attributes)
        path = KEY.sub("", address.group(1)).split("/", 2)[-1] if address else ""
        action = ACTION.search(body)
        found.add(f"{path}#{action.group(1) if action else ''}")
    return found


# ---------------------------------------------------------------- Ontario Works application


def _ow(ontario: dict[str, Any], state: str) -> OWApplication:
    fast = state == "granted_fast_track"
    ow = ow_of(send_application(Client(), ready=fast, consent=fast))
    wendy = ontario["wendy"]
    due = timezone.localdate() + dt.timedelta(days=7)
    if state in ("info_asked", "closed"):
        actions.ask_ow_information(actor=wendy, ow_application=ow, what="A lease", due_on=due)
    if state == "closed":
        actions.close_unanswered_ow_applications(now=timezone.now() + dt.timedelta(days=8))
    if state.startswith("granted"):
        actions.grant_ow_application(actor=wendy, ow_application=ow)
    if state == "refused":
        actions.refuse_ow_application(actor=wendy, ow_application=ow, reason="other")
    if state == "withdrawn":
        actions.withdraw_ow_application(actor=wendy, ow_application=ow)
    ow.refresh_from_db()
    assert ow.status == state.removesuffix("_fast_track")
    return ow


DECIDE = {"#grant", "#refuse", "#withdraw"}
ASSIGN = {"#assign"}

OW_SHOWN: dict[str, dict[str, set[str] | int]] = {
    "pending": {
        "wendy": DECIDE | {"#ask"} | ASSIGN,
        "admin": DECIDE | {"#ask"} | ASSIGN,
        "tara": 404,
        "chris": 404,
    },
    "info_asked": {
        "wendy": DECIDE | {"#received"} | ASSIGN,
        "admin": DECIDE | {"#received"} | ASSIGN,
        "tara": 404,
        "chris": 404,
    },
    "refused": {"wendy": set(), "admin": set(), "tara": 404, "chris": 404},
    "withdrawn": {"wendy": set(), "admin": set(), "tara": 404, "chris": 404},
    "closed": {"wendy": set(), "admin": set(), "tara": 404, "chris": 404},
    "granted": {"wendy": 404, "admin": ASSIGN, "tara": ASSIGN, "chris": ASSIGN},
    "granted_fast_track": {
        "wendy": 404,
        "admin": ASSIGN | {"#plan"},
        "tara": ASSIGN | {"#plan"},
        "chris": ASSIGN,
    },
}


@pytest.mark.parametrize("state", list(OW_SHOWN))
def test_an_ontario_works_application_offers_the_moves_of_its_state(
    ontario: dict[str, Any], on_client: ClientFor, state: str
) -> None:
    ow = _ow(ontario, state)
    url = reverse("ontario:ow_application", args=[ow.uuid])
    shown = {who: offered(on_client(who), url) for who in OW_SHOWN[state]}
    assert shown == OW_SHOWN[state]


# ---------------------------------------------------------------- common assessment


def _assessment(ontario: dict[str, Any], state: str) -> CommonAssessment:
    ow = _ow(ontario, "granted")
    assessment = CommonAssessment.objects.get(ow_application=ow)
    if state in ("to_do_with_plan", "done"):
        actions.put_action_plan_in_place(
            actor=ontario["tara"], assessment=assessment, goal="A job", activities="A course"
        )
    if state == "done":
        actions.complete_assessment(actor=ontario["tara"], assessment=assessment, summary="Done")
    assessment.refresh_from_db()
    return assessment


WORK = {"#deferral", "#refer", "#complete"}

ASSESSMENT_SHOWN: dict[str, dict[str, set[str] | int]] = {
    "to_do": {
        "tara": ASSIGN | WORK | {"#plan"},
        "admin": ASSIGN | WORK | {"#plan"},
        "chris": ASSIGN,
        "omar": 404,
    },
    "to_do_with_plan": {
        "tara": ASSIGN | WORK | {"#plan_review"},
        "admin": ASSIGN | WORK | {"#plan_review"},
        "chris": ASSIGN,
        "omar": 404,
    },
    "done": {
        "tara": ASSIGN | {"#plan_review"},
        "admin": ASSIGN | {"#plan_review"},
        "chris": ASSIGN,
        "omar": 404,
    },
}


@pytest.mark.parametrize("state", list(ASSESSMENT_SHOWN))
def test_a_common_assessment_offers_the_moves_of_its_state(
    ontario: dict[str, Any], on_client: ClientFor, state: str
) -> None:
    assessment = _assessment(ontario, state)
    url = reverse("ontario:assessment", args=[assessment.uuid])
    shown = {who: offered(on_client(who), url) for who in ASSESSMENT_SHOWN[state]}
    assert shown == ASSESSMENT_SHOWN[state]


# ---------------------------------------------------------------- ODSP application and package


def _odsp(ontario: dict[str, Any], state: str) -> ODSPApplication:
    address = "" if state == "queued_without_address" else "100 Queen St W"
    odsp = odsp_of(send_application(Client(), program="ODSP", contact={"address": address}))
    iris = ontario["iris"]
    today = timezone.localdate()
    if state in ("info_requested", "closed"):
        odsp_actions.request_odsp_information(
            actor=iris, odsp_application=odsp, what="A lease", due_on=today + dt.timedelta(days=7)
        )
    if state == "closed":
        odsp_actions.close_unanswered_requests(now=timezone.now() + dt.timedelta(days=9))
    if state == "refused":
        odsp_actions.refuse_odsp_application(
            actor=iris,
            odsp_application=odsp,
            reason=ODSPRefusalReason.objects.get(code="income_over_limit"),
        )
    if state == "withdrawn":
        odsp_actions.withdraw_odsp_application(actor=iris, odsp_application=odsp)
    if state in PACKAGE_STATES:
        actions.confirm_odsp_financial_eligibility(actor=iris, odsp_application=odsp)
        package = DeterminationPackage.objects.defer("pdf").get(odsp_application=odsp)
        if state in ("mailed", "returned", "with_dau", "granted", "not_granted", "dau_info"):
            actions.mark_package_mailed(actor=iris, package=package)
        if state == "delivered":
            odsp_actions.deliver_package_otherwise(
                actor=iris, package=package, delivery="in_person", reason="At the office"
            )
        if state in ("returned", "with_dau", "granted", "not_granted", "dau_info"):
            package.refresh_from_db()
            odsp_actions.record_package_returned(actor=iris, package=package, returned_on=today)
        if state in ("with_dau", "granted", "not_granted", "dau_info"):
            package.refresh_from_db()
            odsp_actions.send_package_to_adjudication(actor=iris, package=package)
        answers = {
            "granted": Adjudication.ELIGIBLE,
            "not_granted": Adjudication.NOT_ELIGIBLE,
            "dau_info": Adjudication.MORE_INFORMATION,
        }
        if state in answers:
            package.refresh_from_db()
            odsp_actions.record_adjudication(
                actor=iris,
                package=package,
                answer=answers[state],
                decided_on=today,
                note="The family doctor's report.",
            )
    odsp.refresh_from_db()
    return odsp


PACKAGE_STATES = (
    "queued",
    "queued_without_address",
    "mailed",
    "delivered",
    "returned",
    "with_dau",
    "granted",
    "not_granted",
    "dau_info",
)
ODSP_ASSIGN = {"ontario/odsp/assign/#"}
ODSP_DECIDE = {
    "ontario/odsp/#",
    "ontario/odsp/decide/refuse/#",
    "ontario/odsp/decide/withdraw/#",
}
QUEUED = {"ontario/odsp/package/address/#", "ontario/odsp/package/deliver/#"}

ODSP_SHOWN: dict[str, set[str]] = {
    "received": ODSP_ASSIGN | ODSP_DECIDE | {"ontario/odsp/decide/request-info/#"},
    "info_requested": ODSP_ASSIGN | ODSP_DECIDE | {"ontario/odsp/decide/info-received/#"},
    "refused": ODSP_ASSIGN,
    "withdrawn": ODSP_ASSIGN,
    "closed": ODSP_ASSIGN,
    "queued": ODSP_ASSIGN | QUEUED | {"ontario/odsp/package/mailed/#"},
    "queued_without_address": ODSP_ASSIGN | QUEUED,
    "mailed": ODSP_ASSIGN | {"ontario/odsp/package/returned/#"},
    "delivered": ODSP_ASSIGN | {"ontario/odsp/package/returned/#"},
    "returned": ODSP_ASSIGN | {"ontario/odsp/package/to-dau/#"},
    "with_dau": ODSP_ASSIGN | {"ontario/odsp/package/adjudication/#"},
    "granted": ODSP_ASSIGN,
    "not_granted": ODSP_ASSIGN,
    "dau_info": ODSP_ASSIGN | {"ontario/odsp/package/dau-info-sent/#"},
}


@pytest.mark.parametrize("state", list(ODSP_SHOWN))
def test_an_odsp_application_offers_the_moves_of_its_state(
    ontario: dict[str, Any], on_client: ClientFor, state: str
) -> None:
    odsp = _odsp(ontario, state)
    url = reverse("ontario:odsp_application", args=[odsp.uuid])
    shown = {who: offered(on_client(who), url) for who in ("iris", "admin", "tara", "chris")}
    # The ODSP intake unit and administrators act; Ontario Works staff never see the page.
    assert shown == {
        "iris": ODSP_SHOWN[state],
        "admin": ODSP_SHOWN[state],
        "tara": 404,
        "chris": 404,
    }


# ---------------------------------------------------------------- the templates themselves

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
COMPARED = re.compile(r"\{%[^%]*\b(?:\w+\.)*status\s*(?:==|!=|in\b|not in\b)[^%]*%\}")


def test_no_ontario_template_compares_statuses() -> None:
    """Actions come from ``moves``; a sentence chosen by status goes through ``status_is``."""
    found = [
        f"{path.relative_to(TEMPLATES)}: {match.group(0)}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for match in COMPARED.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []
