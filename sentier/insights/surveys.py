"""The surveys as protected aggregates: the participants' after a plan or a referral and after a
PAAS Action participation, and the partner organizations' (``sentier.feedback``); in Ontario,
the Ontario Works sites' quarterly survey (``sentier.ontario.site_survey``).

For each survey: the number of answers and, for each statement, the share of answers that agree
(« D’accord » or « Tout à fait d’accord »), by pilot and other regions (analysts, in Québec) and
by region; the sites' survey, for the ministry's analysts only, by quarter (a site answers once a
quarter: by site, every cell would be a single answer). No free text is shown or exported: a
comment can name a person or a caseworker, and in a small region it would identify its writer
(issue 17: "free text is never exported with identifiers"; here it is not exported at all).

Protection (:mod:`sentier.insights.disclosure`), so that nothing on the page gives back a count
under the threshold, even by subtraction:

- the answers per group, with their total, go through ``protect_counts``;
- for each statement, the table of agree / do not agree per group, with its margins (the
  answers per group are its row totals, suppressed wherever the answers' table suppressed them),
  goes through ``protect_counts`` too. A group's row total hidden there is hidden in the answers'
  column as well, and the tables are protected again until nothing changes;
- a share is shown only where its group's agree, do-not-agree and total cells all stayed
  visible (each then at least the threshold, so never 0 % or 100 % on a small group).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sentier.core.ratings import SATISFIED, quarter_of
from sentier.feedback.models import (
    PARTICIPANT_QUESTIONS,
    PARTNER_QUESTIONS,
    PLACEMENT_QUESTIONS,
    Moment,
    ParticipantSurveyResponse,
    PartnerSurveyResponse,
)
from sentier.insights import disclosure
from sentier.insights.disclosure import TOTAL, Cell, protect_counts
from sentier.insights.evidence import Measure, local_day_start
from sentier.insights.indicators import Period
from sentier.insights.milestones import Scope, pilot_regions
from sentier.insights.report import scope_regions
from sentier.ontario.models import SITE_QUESTIONS, SiteSurveyResponse
from sentier.ontario.site_survey import FIRST_QUARTER
from sentier.reference.selectors import current_jurisdiction

#: The version of these measures' definitions (exports and the view log state it). surveys-2:
#: the PAAS Action participants' survey, kept apart from the plans' and referrals', and the
#: Ontario sites' survey.
VERSION = "surveys-2"

PARTICIPANT_LABELS = {
    "understood": _("I understood what was offered to me"),
    "listened": _("I was listened to"),
    "helped": _("The support helped me"),
    "overall": _("Overall, I am satisfied"),
}
PARTNER_LABELS = {
    "complete": _("The referrals we receive hold what we need to start"),
    "timely": _("We have enough time to answer a referral"),
    "reachable": _("We can reach the person’s caseworker when we need to"),
    "overall": _("Overall, the referral process works well"),
}
PLACEMENT_LABELS = {
    "activities": _("The activities were right for me"),
    "pace": _("I could go at my own pace"),
    "staff": _("Someone was there to help me when I needed it"),
    "overall": _("Overall, I am satisfied"),
}
SITE_LABELS = {
    "informed": _("We know which of our clients were referred to Employment Ontario at grant time"),
    "supported": _("Clients referred at grant time still get the full range of our supports"),
    "targets": _("Our targets still fit the clients we can refer ourselves"),
    "ministry": _("The ministry’s operational supports answer our questions"),
    "overall": _("Overall, the new referral pathways work well for our clients"),
}


@dataclass(frozen=True)
class Survey:
    id: str
    title: Any
    population: Any
    questions: tuple[str, ...]
    labels: Mapping[str, Any]
    load: Callable[[Scope, Period | None], list[dict[str, Any]]]
    #: How its tables break the answers down (``area`` only where pilots are compared).
    keys: tuple[str, ...] = ("area", "region")
    #: The only jurisdiction that has it (``QC``, ``ON``); None: every one.
    jurisdiction: str | None = None
    #: Shown to whoever reads every region only (the ministry's analysts).
    every_region_only: bool = False

    def shown_to(self, scope: Scope) -> bool:
        here = self.jurisdiction is None or self.jurisdiction == current_jurisdiction()
        return here and (scope.regions is None or not self.every_region_only)


def answered_within(period: Period | None) -> Q:
    """Answers given in the period (local days, both included); every answer without one."""
    if period is None:
        return Q()
    return Q(answered_at__gte=local_day_start(period.start)) & Q(
        answered_at__lt=local_day_start(period.end + dt.timedelta(days=1))
    )


def _participant_rows(scope: Scope, period: Period | None) -> list[dict[str, Any]]:
    return list(
        ParticipantSurveyResponse.objects.filter(scope.q("participant__"), answered_within(period))
        .exclude(moment=Moment.PLACEMENT_ENDED)
        .order_by()
        .values(*PARTICIPANT_QUESTIONS, region=F("participant__region__code"))
    )


def _placement_rows(scope: Scope, period: Period | None) -> list[dict[str, Any]]:
    return list(
        ParticipantSurveyResponse.objects.filter(
            scope.q("participant__"), answered_within(period), moment=Moment.PLACEMENT_ENDED
        )
        .order_by()
        .values(*PLACEMENT_QUESTIONS, region=F("participant__region__code"))
    )


def _sites_q(scope: Scope) -> Q:
    here = Q(site__jurisdiction=current_jurisdiction())
    if scope.regions is None:
        return here
    return here & Q(site__code__in=sorted(scope.regions))


def _site_rows(scope: Scope, period: Period | None) -> list[dict[str, Any]]:
    rows = (
        SiteSurveyResponse.objects.filter(_sites_q(scope), answered_within(period))
        .order_by()
        .values(*SITE_QUESTIONS, "period")
    )
    return [{"quarter": row.pop("period"), **row} for row in rows]


def _partner_rows(scope: Scope, period: Period | None) -> list[dict[str, Any]]:
    rows = (
        PartnerSurveyResponse.objects.filter(scope.q(""), answered_within(period))
        .order_by()
        .values(*PARTNER_QUESTIONS, code=F("region__code"))
    )
    return [{"region": row.pop("code"), **row} for row in rows]


SURVEYS = (
    Survey(
        "participant",
        _("Participant survey"),
        _(
            "Answers of participants after their support plan was agreed or ended, or a "
            "referral completed (one answer per person and milestone), by the region of "
            "their file."
        ),
        PARTICIPANT_QUESTIONS,
        PARTICIPANT_LABELS,
        _participant_rows,
    ),
    Survey(
        "placement",
        _("PAAS Action participant survey"),
        _(
            "Answers of participants after their PAAS Action participation ended (one answer "
            "per person and participation), by the region of their file."
        ),
        PLACEMENT_QUESTIONS,
        PLACEMENT_LABELS,
        _placement_rows,
        jurisdiction="QC",
    ),
    Survey(
        "partner",
        _("Partner organization survey"),
        _(
            "Answers of partner organization staff about the referral process (one answer per "
            "person and quarter), by the region the answers are about."
        ),
        PARTNER_QUESTIONS,
        PARTNER_LABELS,
        _partner_rows,
    ),
    Survey(
        "site",
        _("Ontario Works site survey"),
        _(
            "Answers of Ontario Works sites about the new referral pathways, by a supervisor of "
            "the site (one answer per site and quarter), by the quarter answered for."
        ),
        SITE_QUESTIONS,
        SITE_LABELS,
        _site_rows,
        keys=("quarter",),
        jurisdiction="ON",
        every_region_only=True,
    ),
)


def surveys_for(scope: Scope) -> list[Survey]:
    """The surveys of this jurisdiction that ``scope`` reads."""
    return [survey for survey in SURVEYS if survey.shown_to(scope)]


def protect_survey(
    answers: Sequence[Mapping[str, Any]],
    *,
    key: str,
    values: Sequence[str],
    questions: Sequence[str],
    threshold: int,
) -> tuple[list[Cell], dict[str, list[Cell]]]:
    """The protected answers per group (with the total) and, per question, the protected
    agree (``answer=yes``) / do not agree (``no``) table with its margins (see the module)."""
    groups = [*values, TOTAL]
    n = {v: sum(1 for a in answers if a[key] == v) for v in values}
    n[TOTAL] = sum(n[v] for v in values)
    yes = {
        q: {
            v: sum(1 for a in answers if (v == TOTAL or a[key] == v) and a[q] in SATISFIED)
            for v in groups
        }
        for q in questions
    }
    hidden: set[str] = set()
    while True:
        counted = protect_counts(
            [Cell({key: v}, n[v], suppressed=v in hidden) for v in groups],
            threshold=threshold,
            margins=(key,),
        )
        now_hidden = hidden | {c.group[key] for c in counted if c.suppressed}
        tables: dict[str, list[Cell]] = {}
        for q in questions:
            cells = []
            for v in groups:
                cells.append(Cell({key: v, "answer": "yes"}, yes[q][v]))
                cells.append(Cell({key: v, "answer": "no"}, n[v] - yes[q][v]))
                cells.append(Cell({key: v, "answer": TOTAL}, n[v], suppressed=v in now_hidden))
            tables[q] = protect_counts(cells, threshold=threshold, margins=(key, "answer"))
            now_hidden |= {
                c.group[key] for c in tables[q] if c.group["answer"] == TOTAL and c.suppressed
            }
        if now_hidden == hidden:
            return counted, tables
        hidden = now_hidden


def _shares(table: Sequence[Cell], key: str, groups: Sequence[str]) -> list[Cell]:
    by = {(c.group[key], c.group["answer"]): c for c in table}
    shares = []
    for v in groups:
        parts = [by[(v, "yes")], by[(v, "no")], by[(v, TOTAL)]]
        if any(p.suppressed or p.value is None for p in parts):
            shares.append(disclosure.suppressed_cell({key: v}))
            continue
        agree, total = int(parts[0].value or 0), int(parts[2].value or 0)
        if total == 0:  # no answer (only reached with a threshold of 0): no share of nothing
            shares.append(disclosure.suppressed_cell({key: v}))
            continue
        shares.append(Cell({key: v}, agree / total))
    return shares


def survey_measures(
    survey: Survey,
    scope: Scope,
    *,
    key: str,
    threshold: int | None = None,
    period: Period | None = None,
) -> tuple[list[Measure], list[str]]:
    """The survey's measures by ``key`` (``region`` or ``area``) and the group values, in order
    (the total last), over the answers given in ``period`` (every answer without one)."""
    threshold = disclosure.THRESHOLD if threshold is None else threshold
    answers = survey.load(scope, period)
    values = _group_values(scope, key, period)
    if key == "area":
        pilots = pilot_regions()[0]
        answers = [{**a, "area": "pilot" if a["region"] in pilots else "other"} for a in answers]
    counted, tables = protect_survey(
        answers, key=key, values=values, questions=survey.questions, threshold=threshold
    )
    groups = [*values, TOTAL]
    measures = [
        Measure(
            f"{survey.id}_answers",
            _("Answers"),
            survey.population,
            "count",
            key,
            counted,
        )
    ]
    for q in survey.questions:
        measures.append(
            Measure(
                f"{survey.id}_{q}",
                survey.labels[q],
                _(
                    "Share of the answers that agree or strongly agree with the statement, out "
                    "of all answers of the group."
                ),
                "rate",
                key,
                _shares(tables[q], key, groups),
            )
        )
    return measures, groups


def _group_values(scope: Scope, key: str, period: Period | None) -> list[str]:
    if key == "area":
        return ["pilot", "other"]
    if key == "quarter":
        return quarters(period)
    return scope_regions(scope)


def quarters(period: Period | None) -> list[str]:
    """The quarters the sites' survey was asked in (from ``FIRST_QUARTER``) within the period
    (up to today's without one), in order."""
    today = timezone.localdate()
    first = period.start if period else dt.date(2025, 10, 1)
    last = min(period.end, today) if period else today
    found: list[str] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        quarter = quarter_of(dt.date(year, month, 1))
        if quarter >= FIRST_QUARTER and quarter not in found:
            found.append(quarter)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def compares_areas(scope: Scope) -> bool:
    """Pilot and other regions side by side: analysts (every region), in Québec."""
    return scope.regions is None and current_jurisdiction() == "QC" and bool(pilot_regions()[0])
