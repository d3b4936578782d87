"""Demo survey answers, so that the survey results show figures (issue 17, "Demo"): participants
of the indicators' demo journeys answer after their plan was agreed or ended, their referral
completed or their PAAS Action participation ended, and staff of the indicators' demo
organization answer each quarter since October 2025, about their region. The large regions'
cells show; the small ones (Nord-du-Québec, Côte-Nord, Gaspésie…) stay suppressed, as in the
other demo tables. PAAS Action participations are fewer (one file in eight takes part): their
figures show for every region together and for pilot and other regions, each region's stay
suppressed.

Answers are dated a few days after their milestone (never in the future), in the demo's own
files only (``prefix``), with no comment. The respondents are inactive accounts of a domain that
is never a real person's. Idempotent: a second run adds nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import models, transaction
from django.utils import timezone

from sentier.accounts.models import Role, User
from sentier.core.ratings import quarter_of
from sentier.feedback.models import (
    PARTNER_QUESTIONS,
    Moment,
    ParticipantSurveyResponse,
    PartnerSurveyResponse,
    questions_for,
)
from sentier.network.models import Organization
from sentier.paas.models import Placement, PlacementStatus
from sentier.participants.models import Participant
from sentier.plans.models import SupportPlan
from sentier.reference.models import Region
from sentier.referrals.models import Referral, ReferralStatus

DOMAIN = "sondages.synth.sentier.invalid"
#: The share of milestones answered.
ANSWER_RATE = 0.55
#: The share of PAAS Action participations answered: higher, as the organization hands the
#: survey over at the last meeting. With it the larger groups (every region, pilot and other
#: regions) show figures while each region's cells stay suppressed.
PLACEMENT_ANSWER_RATE = 0.8
#: Partner staff answering, per region of the demo files: about one for 12 files.
FILES_PER_RESPONDENT = 12
FIRST_QUARTER_DAY = dt.date(2025, 10, 1)
#: The share of answers that agree, by milestone (others: 0.74).
AGREE: dict[str, float] = {Moment.PLAN_ENDED: 0.62, Moment.PLACEMENT_ENDED: 0.58}


@contextmanager
def _answered_on_their_day(model: type[models.Model]) -> Iterator[None]:
    """``answered_at`` is stamped at insert (``auto_now_add``) and the table refuses any later
    change: the demo, whose answers were given over past months, writes its own day instead."""
    field: Any = model._meta.get_field("answered_at")
    field.auto_now_add = False
    try:
        yield
    finally:
        field.auto_now_add = True


def _rating(rng: random.Random, agree: float) -> int:
    """4 or 5 with probability ``agree``, else 1 to 3."""
    return rng.choice((4, 5)) if rng.random() < agree else rng.choice((1, 2, 3, 3))


def _answered(rng: random.Random, at: dt.datetime, now: dt.datetime) -> dt.datetime | None:
    answered = at + dt.timedelta(days=rng.randint(0, 12), hours=rng.randint(1, 8))
    return answered if answered < now else None


def load_demo_answers(prefix: str, organization_slug: str, seed: int = 17) -> int:
    """The demo answers for the files numbered ``prefix…`` and the organization's demo staff;
    returns how many were written (0 on a second run)."""
    people = Participant.objects.filter(file_number__startswith=prefix)
    if ParticipantSurveyResponse.objects.filter(participant__in=people).exists():
        return 0
    rng = random.Random(seed)
    with transaction.atomic():
        written = _participant_answers(rng, people)
        organization = Organization.objects.filter(slug=organization_slug).first()
        if organization is not None:
            written += _partner_answers(rng, people, organization)
    return written


def _participant_answers(rng: random.Random, people: Any) -> int:
    now = timezone.now()
    milestones: list[tuple[int, str, Any, Any, str]] = []
    plans = SupportPlan.objects.filter(participant__in=people).values_list(
        "participant_id", "uuid", "agreed_at", "ended_at", "participant__preferred_language"
    )
    for person, subject, agreed_at, ended_at, language in plans:
        if agreed_at is not None:
            milestones.append((person, Moment.PLAN_AGREED, subject, agreed_at, language))
        if ended_at is not None:
            milestones.append((person, Moment.PLAN_ENDED, subject, ended_at, language))
    referrals = Referral.objects.filter(
        participant__in=people, status=ReferralStatus.COMPLETED, closed_at__isnull=False
    ).values_list("participant_id", "uuid", "closed_at", "participant__preferred_language")
    for person, subject, closed_at, language in referrals:
        milestones.append((person, Moment.REFERRAL_COMPLETED, subject, closed_at, language))
    placements = Placement.objects.filter(
        participant__in=people, status=PlacementStatus.ENDED, end_date__isnull=False
    ).values_list("participant_id", "uuid", "end_date", "participant__preferred_language")
    for person, subject, end_date, language in placements:
        if end_date is not None:
            at = timezone.make_aware(dt.datetime.combine(end_date, dt.time.min))
            milestones.append((person, Moment.PLACEMENT_ENDED, subject, at, language))
    rows = []
    for person, moment, subject, at, language in milestones:
        answered = _answered(rng, at, now)
        rate = PLACEMENT_ANSWER_RATE if moment == Moment.PLACEMENT_ENDED else ANSWER_RATE
        if answered is None or rng.random() > rate:
            continue
        # Most people are satisfied; an ended plan a little less than an agreed one, a PAAS
        # Action participation (some left before the end) less still.
        agree = AGREE.get(moment, 0.74)
        rows.append(
            ParticipantSurveyResponse(
                participant_id=person,
                moment=moment,
                subject=subject,
                moment_at=at,
                answered_at=answered,
                language=(language or "fr")[:2],
                **{q: _rating(rng, agree) for q in questions_for(moment)},
            )
        )
    with _answered_on_their_day(ParticipantSurveyResponse):
        ParticipantSurveyResponse.objects.bulk_create(rows)
    return len(rows)


def _quarters(today: dt.date) -> list[tuple[str, dt.date]]:
    """Each quarter from October 2025 to today's: its name and first day."""
    quarters = []
    day = FIRST_QUARTER_DAY
    while day <= today:
        quarters.append((quarter_of(day), day))
        month = day.month + 3
        day = dt.date(day.year + (month > 12), (month - 1) % 12 + 1, 1)
    return quarters


def _partner_answers(rng: random.Random, people: Any, organization: Organization) -> int:
    now = timezone.now()
    files = {
        row["region_id"]: row["n"]
        for row in people.order_by().values("region_id").annotate(n=models.Count("id"))
    }
    regions = {r.pk: r for r in Region.objects.filter(pk__in=files)}
    rows = []
    for region_id, count in sorted(files.items()):
        region = regions[region_id]
        for number in range(max(count // FILES_PER_RESPONDENT, 1)):
            respondent, _ = User.objects.get_or_create(
                email=f"organisme{region.code}-{number + 1}@{DOMAIN}",
                defaults={
                    "role": Role.PARTNER_STAFF,
                    "organization": organization,
                    "first_name": "Démo",
                    "last_name": f"Organisme {region.code}-{number + 1}",
                    "is_active": False,
                    "password": make_password(None),
                },
            )
            for period, first in _quarters(timezone.localdate(now)):
                if rng.random() > 0.8:  # not everyone answers every quarter
                    continue
                at = timezone.make_aware(
                    dt.datetime.combine(first + dt.timedelta(days=rng.randint(20, 80)), dt.time(10))
                )
                if at >= now:
                    continue
                rows.append(
                    PartnerSurveyResponse(
                        organization=organization,
                        respondent=respondent,
                        region=region,
                        period=period,
                        answered_at=at,
                        language="fr",
                        **{q: _rating(rng, 0.6) for q in PARTNER_QUESTIONS},
                    )
                )
    with _answered_on_their_day(PartnerSurveyResponse):
        PartnerSurveyResponse.objects.bulk_create(rows)
    return len(rows)
