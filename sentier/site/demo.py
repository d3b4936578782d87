"""``sentier load_demo``: every app's demo data, in the order they build on each other.

Each app owns its demo (``<app>/demo.py``, idempotent); the personas are in
``sentier.accounts.demo``, the participants in ``sentier.participants.demo``.
"""

from __future__ import annotations

from django.db import transaction

from sentier.accounts.demo import DEMO_PASSWORD
from sentier.consent import demo as consent_demo
from sentier.core.jurisdiction import app_enabled
from sentier.decisions import demo as decisions_demo
from sentier.exchange import demo as exchange_demo
from sentier.intake import demo as intake_demo
from sentier.network import demo as network_demo
from sentier.ontario import demo as ontario_demo
from sentier.ontario import odsp_demo
from sentier.paas import demo as paas_demo
from sentier.participants import demo as participants_demo
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


@transaction.atomic
def load_demo(count: int = 200, seed: int = 2026, password: str = DEMO_PASSWORD) -> int:
    """Personas, ``count`` synthetic participants and every capability's demo (idempotent);
    returns how many participant files were created."""
    created = participants_demo.load_demo_participants(count, seed, password)
    decisions_demo.load_demo()
    if app_enabled("paas"):  # a Québec measure: an Ontario installation has none of it
        paas_demo.load_demo()
    intake_demo.load_demo()
    if app_enabled("plans"):
        for module in QUEBEC_SCENARIOS:
            module.load_demo()
    ontario_demo.load_demo()
    odsp_demo.load_odsp_demo()  # after the Ontario personas exist
    return created
