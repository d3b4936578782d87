"""The answers to the participant and partner surveys (issue 17, "Feedback").

Each answer is evidence for the evaluation: written once, never edited (append-only, refused by
the database on PostgreSQL). A participant answers once per milestone (a plan agreed, a plan
ended, a referral completed, a PAAS Action participation ended); a partner organization's staff
member once per quarter. A PAAS Action participation has questions of its own (the activities,
the pace, the staff's presence: what 002 asks of the organizations), in columns of its own that
the other milestones leave empty, and the reverse; the database holds each answer to its
milestone's questions (``survey_questions_match_milestone``). The
answers are read only as aggregates, through the disclosure layer (``sentier.insights.surveys``);
the free text is kept for the record and never shown to analysts nor exported.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sentier.core.models import AppendOnly
from sentier.core.ratings import COMMENT_MAX, SATISFIED, Rating, rating_field

__all__ = ["COMMENT_MAX", "SATISFIED", "Rating"]  # the scale lives in sentier.core.ratings


class Moment(models.TextChoices):
    """The milestones after which a participant is asked how it went."""

    PLAN_AGREED = "plan_agreed", _("Support plan agreed")
    PLAN_ENDED = "plan_ended", _("Support plan ended")
    REFERRAL_COMPLETED = "referral_completed", _("Referral completed")
    PLACEMENT_ENDED = "placement_ended", _("PAAS Action participation ended")


#: The questions only a plan's or a referral's survey asks, and only a placement's.
SUPPORT_ONLY = ("understood", "listened", "helped")
PLACEMENT_ONLY = ("activities", "pace", "staff")


def _answered(fields: tuple[str, ...], answered: bool) -> models.Q:
    q = models.Q()
    for name in fields:
        q &= models.Q(**{f"{name}__isnull": not answered})
    return q


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
    # The plan's, the referral's or the PAAS Action placement's uuid: with the participant and
    # the milestone, what makes the answer the only one.
    subject = models.UUIDField(_("plan, referral or placement"))
    moment_at = models.DateTimeField(_("milestone reached on"))
    answered_at = models.DateTimeField(_("answered on"), auto_now_add=True, db_index=True)
    language = models.CharField(_("language"), max_length=8)
    # A plan or a referral (empty after a PAAS Action participation).
    understood = rating_field(_("I understood what was offered to me"), null=True)
    listened = rating_field(_("I was listened to"), null=True)
    helped = rating_field(_("The support helped me"), null=True)
    # A PAAS Action participation (empty after a plan or a referral).
    activities = rating_field(_("The activities were right for me"), null=True)
    pace = rating_field(_("I could go at my own pace"), null=True)
    staff = rating_field(_("Someone was there to help me when I needed it"), null=True)
    overall = rating_field(_("Overall, I am satisfied"))
    comment = models.TextField(_("comment"), blank=True, max_length=COMMENT_MAX)

    class Meta:
        ordering = ["-answered_at", "-id"]
        verbose_name = _("participant survey answer")
        verbose_name_plural = _("participant survey answers")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "moment", "subject"], name="one_answer_per_milestone"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(moment=Moment.PLACEMENT_ENDED)
                    & _answered(PLACEMENT_ONLY, True)
                    & _answered(SUPPORT_ONLY, False)
                )
                | (
                    ~models.Q(moment=Moment.PLACEMENT_ENDED)
                    & _answered(SUPPORT_ONLY, True)
                    & _answered(PLACEMENT_ONLY, False)
                ),
                name="survey_questions_match_milestone",
            ),
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
    complete = rating_field(_("The referrals we receive hold what we need to start"))
    timely = rating_field(_("We have enough time to answer a referral"))
    reachable = rating_field(_("We can reach the person’s caseworker when we need to"))
    overall = rating_field(_("Overall, the referral process works well"))
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
PARTICIPANT_QUESTIONS = (*SUPPORT_ONLY, "overall")
PLACEMENT_QUESTIONS = (*PLACEMENT_ONLY, "overall")
PARTNER_QUESTIONS = ("complete", "timely", "reachable", "overall")


def questions_for(moment: str) -> tuple[str, ...]:
    """The questions a participant answers after this milestone."""
    return PLACEMENT_QUESTIONS if moment == Moment.PLACEMENT_ENDED else PARTICIPANT_QUESTIONS
