"""``sentier load_demo``: every app's demo data, in the order they build on each other, for
the jurisdiction this instance serves and only for it.

Each app owns its demo (``<app>/demo.py``, idempotent). Québec: the personas of
``sentier.accounts.demo``, the synthetic participants of ``sentier.participants.demo`` and the
Québec measures' scenarios. Ontario: the Ontario personas and applications of
``sentier.ontario`` and the Ontario directory's demo set; no Québec persona, region or file
(issue 21: a Laval caseworker must not sign in on the Ontario server).
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from sentier.accounts.demo import DEMO_PASSWORD, PERSONAS, Persona
from sentier.consent import demo as consent_demo
from sentier.core.jurisdiction import app_enabled
from sentier.correspondence import demo as correspondence_demo
from sentier.decisions import demo as decisions_demo
from sentier.exchange import demo as exchange_demo
from sentier.feedback import demo as feedback_demo
from sentier.insights import budget_demo
from sentier.insights import demo as insights_demo
from sentier.intake import demo as intake_demo
from sentier.network import demo as network_demo
from sentier.network.search import refreshed_once
from sentier.ontario import demo as ontario_demo
from sentier.ontario import site_survey_demo
from sentier.ontario.odsp import demo as odsp_demo
from sentier.paas import demo as paas_demo
from sentier.participants import demo as participants_demo
from sentier.participants.models import Participant
from sentier.plans import demo as plans_demo
from sentier.referrals import demo as referrals_demo
from sentier.serviceplans import demo as serviceplans_demo

# The partner-network, consent, referral, exchange and plan scenarios are told around the
# Laval personas: an Ontario installation, where Québec staff reach no file, skips them.
QUEBEC_SCENARIOS = (
    network_demo,
    consent_demo,
    referrals_demo,
    exchange_demo,
    plans_demo,
    serviceplans_demo,
)


def demo_personas() -> tuple[Persona, ...]:
    """The demo logins of this jurisdiction (``sentier load_demo`` lists them)."""
    if settings.SENTIER_JURISDICTION == "on":
        return (
            *ontario_demo.ONTARIO_PERSONAS,
            odsp_demo.ODSP_COLLEAGUE,
            odsp_demo.FIRST_NATIONS_STAFF,
            *ontario_demo.ONTARIO_MINISTRY_PERSONAS,
        )
    return PERSONAS


@transaction.atomic
def load_demo(
    count: int = 200,
    seed: int = 2026,
    password: str = DEMO_PASSWORD,
    *,
    indicators: bool = False,
) -> int:
    """The demo of this jurisdiction (idempotent); returns how many participant files were
    created. Québec: personas, ``count`` synthetic participants and every capability's demo;
    Ontario: its personas, applications and directory (``count`` and ``seed`` do not apply).
    ``indicators``: also the indicators' journeys since October 2025 (``sentier load_demo``
    loads them; tests that only need the personas' stories leave them out)."""
    # The demo saves organizations, their locations and services one by one: their directory
    # search texts are refreshed once, at the end.
    with refreshed_once():
        return _load_demo(count, seed, password, indicators=indicators)


def _load_demo(count: int, seed: int, password: str, *, indicators: bool) -> int:
    if settings.SENTIER_JURISDICTION == "on":
        return load_ontario_demo(password)
    created = participants_demo.load_demo_participants(count, seed, password)
    decisions_demo.load_demo()
    if app_enabled("paas"):  # a Québec measure: an Ontario installation has none of it
        paas_demo.load_demo()
    intake_demo.load_demo()
    if app_enabled("plans"):
        for module in QUEBEC_SCENARIOS:
            module.load_demo()
    if app_enabled("correspondence"):
        # Last: the notices of what the scenarios above did in the last days.
        correspondence_demo.load_demo()
    if indicators and app_enabled("plans"):
        # The indicators' journeys, October 2025 to today (files IND-…, in no caseload).
        insights_demo.load_demo()
        budget_demo.load_demo_statements()  # their PAAS statements, for spending against budget
        # Their survey answers, and their organization's staff's quarterly ones.
        feedback_demo.load_demo_answers(insights_demo.PREFIX, insights_demo.ORGANIZATION_SLUG)
    return created


def load_ontario_demo(password: str = DEMO_PASSWORD) -> int:
    before = Participant.objects.count()
    ontario_demo.ensure_ontario_personas(password)
    ontario_demo.load_demo()
    odsp_demo.load_odsp_demo()  # after the Ontario personas exist
    network_demo.load_ontario_directory()
    site_survey_demo.load_demo_site_answers()  # after the Toronto supervisor persona exists
    if app_enabled("correspondence"):
        # Last, as in Québec: the notices of the last days' grants, requests and refusals, and
        # today's reminders (action plan reviews, consents about to end).
        correspondence_demo.load_demo()
    return Participant.objects.count() - before
