"""Writing a survey answer: permission first, then the checks, then one append-only row.

A refused answer (not the person's milestone, already answered, a quarter already answered)
raises :class:`sentier.core.lifecycle.Refusal` and writes nothing. Two answers sent at once for
the same milestone end with one row: the unique constraint refuses the second.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.core.lifecycle import Refusal
from sentier.core.ratings import ratings
from sentier.feedback import selectors
from sentier.feedback.models import (
    PARTNER_QUESTIONS,
    ParticipantSurveyResponse,
    PartnerSurveyResponse,
    questions_for,
)
from sentier.participants.models import Participant
from sentier.reference.models import Region


def answer_participant_survey(
    *,
    actor: User,
    participant: Participant,
    milestone: selectors.Milestone,
    answers: Mapping[str, int],
    comment: str = "",
    language: str = "",
) -> ParticipantSurveyResponse:
    """The participant's answer for one of their milestones, once, to that milestone's
    questions (a PAAS Action participation has its own)."""
    if participant.user_id != actor.pk:
        raise Refusal(_("This survey is not yours."))
    answered = ratings(answers, questions_for(milestone.moment))
    with transaction.atomic():
        if selectors.find_milestone(participant, milestone.moment, milestone.subject) is None:
            raise Refusal(_("This survey is not yours."))
        if selectors.has_answered(participant, milestone):
            raise Refusal(_("You have already answered this survey. Thank you."))
        try:
            with transaction.atomic():
                return ParticipantSurveyResponse.objects.create(
                    participant=participant,
                    moment=milestone.moment,
                    subject=milestone.subject,
                    moment_at=milestone.at,
                    language=language[:8],
                    comment=comment.strip(),
                    **answered,
                )
        except IntegrityError:
            raise Refusal(_("You have already answered this survey. Thank you.")) from None


def answer_partner_survey(
    *,
    actor: User,
    region: Region,
    answers: Mapping[str, int],
    comment: str = "",
    language: str = "",
) -> PartnerSurveyResponse:
    """A partner staff member's answer for the current quarter, once per quarter."""
    organization_id = actor.organization_id
    if not may(actor, "accounts.work_for_organization") or organization_id is None:
        raise Refusal(_("Only the staff of a partner organization answer this survey."))
    if region not in selectors.organization_regions(organization_id):
        raise Refusal(_("Choose one answer."), field="region")
    answered = ratings(answers, PARTNER_QUESTIONS)
    period = selectors.current_quarter()
    with transaction.atomic():
        if selectors.partner_has_answered(actor, period):
            raise Refusal(_("You have already answered this quarter’s survey. Thank you."))
        try:
            with transaction.atomic():
                return PartnerSurveyResponse.objects.create(
                    organization_id=organization_id,
                    respondent=actor,
                    region=region,
                    period=period,
                    language=language[:8],
                    comment=comment.strip(),
                    **answered,
                )
        except IntegrityError:
            raise Refusal(
                _("You have already answered this quarter’s survey. Thank you.")
            ) from None
