"""Reads of the surveys: which survey a participant is offered now, and whether a partner staff
member has answered this quarter's."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.utils import timezone

from sentier.accounts.models import User
from sentier.core.ratings import quarter_of
from sentier.feedback.models import Moment, ParticipantSurveyResponse, PartnerSurveyResponse
from sentier.network.models import Location
from sentier.paas.models import Placement, PlacementStatus
from sentier.participants.models import Participant
from sentier.plans.models import PlanStatus, SupportPlan
from sentier.reference.models import Region
from sentier.referrals.models import Referral, ReferralStatus

#: A milestone's survey is offered for this many days after it (then it would ask for memories).
OFFER_DAYS = 90


@dataclass(frozen=True)
class Milestone:
    """One milestone of a participant that a survey may follow."""

    moment: str
    subject: uuid.UUID
    at: dt.datetime

    @property
    def label(self) -> str:
        return str(Moment(self.moment).label)


def milestones_of(participant: Participant) -> list[Milestone]:
    """The participant's plans agreed and ended, referrals completed and PAAS Action
    participations ended, newest first."""
    found: list[Milestone] = []
    plans = SupportPlan.objects.filter(participant=participant).values_list(
        "uuid", "agreed_at", "status", "ended_at"
    )
    for subject, agreed_at, status, ended_at in plans:
        if agreed_at is not None:
            found.append(Milestone(Moment.PLAN_AGREED, subject, agreed_at))
        if ended_at is not None and status in (PlanStatus.ENDED, PlanStatus.COMPLETED):
            found.append(Milestone(Moment.PLAN_ENDED, subject, ended_at))
    referrals = Referral.objects.filter(
        participant=participant, status=ReferralStatus.COMPLETED, closed_at__isnull=False
    ).values_list("uuid", "closed_at")
    for subject, closed_at in referrals:
        if closed_at is not None:
            found.append(Milestone(Moment.REFERRAL_COMPLETED, subject, closed_at))
    placements = Placement.objects.filter(
        participant=participant, status=PlacementStatus.ENDED, end_date__isnull=False
    ).values_list("uuid", "end_date")
    for subject, end_date in placements:
        if end_date is not None:
            # The placement ends on a local day: reached at its start, offered from that day on.
            at = timezone.make_aware(dt.datetime.combine(end_date, dt.time.min))
            found.append(Milestone(Moment.PLACEMENT_ENDED, subject, at))
    return sorted(found, key=lambda m: m.at, reverse=True)


def surveys_offered(participant: Participant, *, now: dt.datetime | None = None) -> list[Milestone]:
    """The milestones of the last ``OFFER_DAYS`` days the participant has not answered for."""
    now = now or timezone.now()
    since = now - dt.timedelta(days=OFFER_DAYS)
    answered = set(
        ParticipantSurveyResponse.objects.filter(participant=participant).values_list(
            "moment", "subject"
        )
    )
    return [
        m
        for m in milestones_of(participant)
        if since <= m.at <= now and (m.moment, m.subject) not in answered
    ]


def find_milestone(participant: Participant, moment: str, subject: uuid.UUID) -> Milestone | None:
    """The participant's milestone named by ``moment`` and ``subject``, answered or not, or None
    (not theirs, or not reached)."""
    now = timezone.now()
    for milestone in milestones_of(participant):
        # A PAAS Action participation may be ended from a day still to come: reached that day.
        if milestone.moment == moment and milestone.subject == subject and milestone.at <= now:
            return milestone
    return None


def has_answered(participant: Participant, milestone: Milestone) -> bool:
    return ParticipantSurveyResponse.objects.filter(
        participant=participant, moment=milestone.moment, subject=milestone.subject
    ).exists()


def current_quarter() -> str:
    return quarter_of(timezone.localdate())


def partner_has_answered(user: User, period: str) -> bool:
    return PartnerSurveyResponse.objects.filter(respondent=user, period=period).exists()


def organization_regions(organization_id: int) -> list[Region]:
    """The regions where the organization has a point of service (its answers are about one)."""
    codes = (
        Location.objects.filter(organization_id=organization_id)
        .values_list("region_id", flat=True)
        .distinct()
    )
    return list(Region.objects.filter(pk__in=codes).order_by("code"))
