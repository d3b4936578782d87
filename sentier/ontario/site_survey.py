"""The Ontario sites' quarterly survey (issue 17, "Ontario sites answer periodic surveys"): how
the new referral pathways work for a site (004: "l'incidence des nouvelles voies d'aiguillage",
Q6; municipalities' feedback "au moyen [...] de sondages", Q11).

Who answers: the supervisor of a site's Ontario Works local office (a coordinator account tied
to the site's service area, ``ontario.units``), for the site, once a quarter: the first answer
of the quarter is the site's, and a second one, by the same supervisor or another of the site, is
refused with nothing written. A site's supervisors read all their site's answers, comments
included; nobody else reads any one answer (the ministry's analysts see protected aggregates,
``sentier.insights.surveys``, and never a comment).
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.core.lifecycle import Refusal
from sentier.core.ratings import quarter_of, ratings
from sentier.ontario.models import SITE_QUESTIONS, SiteSurveyResponse
from sentier.reference.models import Region

#: The first quarter asked: the fast track started on 2025-11-10 (004 Q1).
FIRST_QUARTER = "2025-Q4"


def current_quarter() -> str:
    return quarter_of(timezone.localdate())


def site_of(user: User) -> Region | None:
    """The site ``user`` answers for (their service area), or None if they answer for none."""
    if not may(user, "ontario.answer_site_survey"):
        return None
    return user.region


def site_answer(site: Region, period: str) -> SiteSurveyResponse | None:
    """The site's answer for the quarter, if given."""
    return (
        SiteSurveyResponse.objects.filter(site=site, period=period)
        .select_related("respondent")
        .first()
    )


def answers_for_site(user: User) -> QuerySet[SiteSurveyResponse]:
    """Every answer of the site ``user`` answers for, newest quarter first (none for anyone
    else: an analyst, a caseworker, another site's supervisor reach no site's answers here)."""
    site = site_of(user)
    if site is None:
        return SiteSurveyResponse.objects.none()
    return SiteSurveyResponse.objects.filter(site=site).select_related("respondent")


def answer_site_survey(
    *,
    actor: User,
    answers: Mapping[str, int],
    comment: str = "",
    language: str = "",
) -> SiteSurveyResponse:
    """The site's answer for the current quarter, by its supervisor, once per site and quarter."""
    site = site_of(actor)
    if site is None:
        raise Refusal(_("Only the supervisor of an Ontario Works site answers this survey."))
    answered = ratings(answers, SITE_QUESTIONS)
    period = current_quarter()
    already = _("Your site has already answered this quarter’s survey. Thank you.")
    with transaction.atomic():
        if SiteSurveyResponse.objects.filter(site=site, period=period).exists():
            raise Refusal(already)
        try:
            with transaction.atomic():
                return SiteSurveyResponse.objects.create(
                    site=site,
                    respondent=actor,
                    period=period,
                    language=language[:8],
                    comment=comment.strip(),
                    **answered,
                )
        except IntegrityError:  # the site's other supervisor answered in the same instant
            raise Refusal(already) from None
