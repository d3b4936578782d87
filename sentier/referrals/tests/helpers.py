"""Shared set-up for referral tests: consent and send through the real actions, run queued tasks."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from sentier.consent.actions import record_consent
from sentier.consent.models import Channel, Consent, Purpose, RecipientKind
from sentier.network.models import Organization
from sentier.participants.models import Participant
from sentier.referrals import actions
from sentier.referrals.models import Referral


def opex() -> Organization:
    return Organization.objects.get(name__startswith="Centre de main-d’œuvre OPEX’82")


def sorif() -> Organization:
    return Organization.objects.get(name="SORIF")


def without_account() -> Organization:
    """An organization nobody of which has an account (and that has an e-mail address)."""
    organization = Organization.objects.get(slug="comsep-emploi")
    organization.email = "accueil@comsep.example"
    organization.save(update_fields=["email"])
    return organization


def consent(
    personas: dict[str, Any],
    participant: Participant,
    organization: Organization,
    categories: list[str] | None = None,
    at: dt.datetime | None = None,
) -> Consent:
    return record_consent(
        actor=personas["caseworker_laval"],
        participant=participant,
        purpose=Purpose.REFERRAL,
        recipient_kind=RecipientKind.ORGANIZATION,
        recipient_organization=organization,
        categories=categories or ["identity", "program"],
        channel=Channel.PHONE,
        at=at,
    )


def send(
    personas: dict[str, Any],
    participant: Participant,
    organization: Organization,
    at: dt.datetime | None = None,
    categories: list[str] | None = None,
) -> Referral:
    at = at or timezone.now()
    consent(personas, participant, organization, categories, at=at - dt.timedelta(minutes=1))
    return actions.send_referral(
        actor=personas["caseworker_laval"],
        participant=participant,
        organization=organization,
        need="Accompagnement vers l'emploi",
        categories=categories or ["identity"],
        at=at,
    )


def run_tasks() -> int:
    """Run every queued django-tasks task, as the worker would; how many ran."""
    count = 0
    for row in DBTaskResult.objects.ready().order_by("enqueued_at"):
        row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
        row.delete()
        count += 1
    return count


def mails_to(address: str) -> list[Any]:
    return [m for m in mail.outbox if address in m.to]
