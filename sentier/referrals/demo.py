"""Demo data for sentier.referrals (idempotent; called by ``sentier load_demo``).

A few files of the Laval caseworker are referred to OPEX’82 (Laval) and SORIF, each with the
person's consent first, in the states a real inbox shows: awaiting an answer (one overdue, so
reminded), accepted and in progress, declined with a reason, completed with an outcome, expired.
Everything goes through the real actions, with past times.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from sentier.accounts.models import User
from sentier.consent.actions import record_consent
from sentier.consent.models import Channel, Purpose, RecipientKind
from sentier.network.models import Organization
from sentier.participants.models import Participant
from sentier.referrals.actions import send_referral, transition_referral
from sentier.referrals.deadlines import run_deadlines
from sentier.referrals.models import Referral, ReferralStatus, Side

# (organization key, days ago sent, need, categories, what happened next)
SCENARIOS: tuple[tuple[str, int, str, list[str], list[tuple[str, str, int]]], ...] = (
    (
        "opex",
        15,
        "Retour en emploi après une période d’incarcération; cherche un emploi en entrepôt.",
        ["identity", "program", "employment"],
        [(ReferralStatus.ACCEPTED, "", 3), (ReferralStatus.IN_PROGRESS, "", 6)],
    ),
    ("opex", 2, "Accompagnement à la recherche d’emploi, horaires de jour.", ["identity"], []),
    ("opex", 12, "Préparation à l’entrevue et curriculum vitæ.", ["identity", "employment"], []),
    ("sorif", 4, "Mère monoparentale: insertion en emploi à temps partiel.", ["identity"], []),
    (
        "sorif",
        20,
        "Orientation vers un programme de formation.",
        ["identity", "situation"],
        [(ReferralStatus.REJECTED, "Aucune place avant l’été; essayez le CJE de Laval.", 2)],
    ),
    (
        "opex",
        40,
        "Soutien à l’intégration en emploi.",
        ["identity", "employment"],
        [
            (ReferralStatus.ACCEPTED, "", 2),
            (ReferralStatus.IN_PROGRESS, "", 5),
            (ReferralStatus.COMPLETED, "En emploi depuis trois semaines (entrepôt, 35 h).", 30),
        ],
    ),
    ("sorif", 35, "Recherche d’emploi et garde d’enfants.", ["identity"], []),  # expires
)


def _organizations() -> dict[str, Organization | None]:
    return {
        "opex": Organization.objects.filter(
            name__startswith="Centre de main-d’œuvre OPEX’82"
        ).first(),
        "sorif": Organization.objects.filter(name="SORIF").first(),
    }


@transaction.atomic
def load_demo() -> None:
    caseworker = User.objects.filter(email="caseworker.laval@sentier.demo").first()
    staff = {
        "opex": User.objects.filter(email="partner.opex@sentier.demo").first(),
        "sorif": User.objects.filter(email="partner.sorif@sentier.demo").first(),
    }
    organizations = _organizations()
    if caseworker is None or None in organizations.values():
        return
    persona = Participant.objects.filter(user__email="participant@sentier.demo").first()
    others = list(
        Participant.objects.filter(
            caseworker=caseworker,
            region__code="13",
            user__isnull=True,
            # opened before the oldest referral of the story
            created_at__lt=timezone.now() - dt.timedelta(days=max(s[1] for s in SCENARIOS) + 1),
        )
        .order_by("file_number")
        .exclude(referrals__isnull=False)[: len(SCENARIOS)]
    )
    if Referral.objects.filter(sender=caseworker).exists():
        return
    people = ([persona] if persona is not None else []) + others
    now = timezone.now()
    for participant, (key, days, need, categories, steps) in zip(people, SCENARIOS, strict=False):
        organization = organizations[key]
        assert organization is not None
        sent_at = now - dt.timedelta(days=days)
        record_consent(
            actor=caseworker,
            participant=participant,
            purpose=Purpose.REFERRAL,
            recipient_kind=RecipientKind.ORGANIZATION,
            recipient_organization=organization,
            categories=categories,
            channel=Channel.IN_PERSON,
            at=sent_at - dt.timedelta(hours=1),
        )
        referral = send_referral(
            actor=caseworker,
            participant=participant,
            organization=organization,
            need=need,
            categories=categories,
            at=sent_at,
        )
        for status, text, after in steps:
            transition_referral(
                referral=referral,
                to_status=status,
                side=Side.RECEIVER,
                actor=staff[key],
                reason=text if status != ReferralStatus.COMPLETED else "",
                outcome=text if status == ReferralStatus.COMPLETED else "",
                at=sent_at + dt.timedelta(days=after),
            )
    # Reminders and expiry as the daily task would have done them.
    run_deadlines(now=now)
