"""The answers to the participant and partner surveys (issue 17, "Feedback").

Each answer is evidence for the evaluation: written once, never edited (append-only, refused by
the database on PostgreSQL). A participant answers once per milestone (a plan agreed, a plan
ended, a referral completed); a partner organization's staff member once per quarter. The
answers are read only as aggregates, through the disclosure layer (``sentier.insights.surveys``);
the free text is kept for the record and never shown to analysts nor exported.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sentier.core.models import AppendOnly


class Moment(models.TextChoices):
    """The milestones after which a participant is asked how it went."""

    PLAN_AGREED = "plan_agreed", _("Support plan agreed")
    PLAN_ENDED = "plan_ended", _("Support plan ended")
    REFERRAL_COMPLETED = "referral_completed", _("Referral completed")


class Rating(models.IntegerChoices):
    """A five-point agreement scale, from « Pas du tout d’accord » to « Tout à fait d’accord »."""

    STRONGLY_DISAGREE = 1, _("Strongly disagree")
    DISAGREE = 2, _("Disagree")
    NEUTRAL = 3, _("Neither agree nor disagree")
    AGREE = 4, _("Agree")
    STRONGLY_AGREE = 5, _("Strongly agree")


#: A rating that counts as satisfied (agree or strongly agree).
SATISFIED = frozenset({Rating.AGREE, Rating.STRONGLY_AGREE})

#: The longest comment kept (characters).
COMMENT_MAX = 1000


def _rating(label: Any) -> models.PositiveSmallIntegerField[int, int]:
    return models.PositiveSmallIntegerField(label, choices=Rating.choices)


class ParticipantSurveyResponse(AppendOnly, models.Model):
    """One participant's answer after one milestone."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    participant = models.ForeignKey(
        "participants.Participant",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("participant"),
    )
    moment = models.CharField(_("milestone"), max_length=24, choices=Moment.choices)
    # The plan's or the referral's uuid: with the participant and the milestone, what makes the
    # answer the only one.
    subject = models.UUIDField(_("plan or referral"))
    moment_at = models.DateTimeField(_("milestone reached on"))
    answered_at = models.DateTimeField(_("answered on"), auto_now_add=True, db_index=True)
    language = models.CharField(_("language"), max_length=8)
    understood = _rating(_("I understood what was offered to me"))
    listened = _rating(_("I was listened to"))
    helped = _rating(_("The support helped me"))
    overall = _rating(_("Overall, I am satisfied"))
    comment = models.TextField(_("comment"), blank=True, max_length=COMMENT_MAX)

    class Meta:
        ordering = ["-answered_at", "-id"]
        verbose_name = _("participant survey answer")
        verbose_name_plural = _("participant survey answers")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "moment", "subject"], name="one_answer_per_milestone"
            )
        ]

    def __str__(self) -> str:
        return f"{self.moment} {self.answered_at:%Y-%m-%d}"


class PartnerSurveyResponse(AppendOnly, models.Model):
    """One partner organization staff member's answer for one quarter."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "network.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organization"),
    )
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("respondent"),
    )
    # The region the answers are about (one of the organization's points of service).
    region = models.ForeignKey(
        "reference.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    # The local quarter answered for: "2026-Q4".
    period = models.CharField(_("quarter"), max_length=7)
    answered_at = models.DateTimeField(_("answered on"), auto_now_add=True, db_index=True)
    language = models.CharField(_("language"), max_length=8)
    complete = _rating(_("The referrals we receive hold what we need to start"))
    timely = _rating(_("We have enough time to answer a referral"))
    reachable = _rating(_("We can reach the person’s caseworker when we need to"))
    overall = _rating(_("Overall, the referral process works well"))
    comment = models.TextField(_("comment"), blank=True, max_length=COMMENT_MAX)

    class Meta:
        ordering = ["-answered_at", "-id"]
        verbose_name = _("partner survey answer")
        verbose_name_plural = _("partner survey answers")
        constraints = [
            models.UniqueConstraint(
                fields=["respondent", "period"], name="one_partner_answer_per_quarter"
            )
        ]

    def __str__(self) -> str:
        return f"{self.period} {self.answered_at:%Y-%m-%d}"


#: The questions of each survey, in order (field names).
PARTICIPANT_QUESTIONS = ("understood", "listened", "helped", "overall")
PARTNER_QUESTIONS = ("complete", "timely", "reachable", "overall")
