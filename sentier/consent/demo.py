"""Demo data for sentier.consent (idempotent; called by ``sentier load_demo``).

The participant persona (a Laval file) has agreed, by phone, to share some information with the
health and social services network for a service plan; the referral demo adds her consent to
OPEX’82. She can see both in "My consents" and withdraw them.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from sentier.accounts.models import User
from sentier.consent.actions import record_consent
from sentier.consent.models import Channel, Consent, Purpose, RecipientKind
from sentier.participants.models import Participant


def load_demo() -> None:
    participant = Participant.objects.filter(user__email="participant@sentier.demo").first()
    caseworker = User.objects.filter(email="caseworker.laval@sentier.demo").first()
    if participant is None or caseworker is None:
        return
    if Consent.objects.filter(participant=participant, purpose=Purpose.SERVICE_PLAN).exists():
        return
    record_consent(
        actor=caseworker,
        participant=participant,
        purpose=Purpose.SERVICE_PLAN,
        recipient_kind=RecipientKind.HEALTH,
        categories=["identity", "situation", "plan"],
        channel=Channel.PHONE,
        at=timezone.now() - dt.timedelta(days=20),
    )
