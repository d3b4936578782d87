"""Property: the triage only recommends a measure the rules say the person may have that day.

For random Québec applications (date, program, region, claim booklet, asylum claim and any
answers to the questionnaire of that date), a recommended ``support_plan``, ``service_plan`` or
``paas_action`` is one :func:`sentier_rules.decide` finds the person eligible for on that date,
from the same facts (issue 16: an ASM-2 holder in Laval was recommended a support plan 001
refuses them). Run under the shipped parameters and under a reform that excludes asylum
seekers, so that the asylum fact matters too.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sentier_rules.codes import PROGRAMS, REGION_CODES
from sentier_rules.reforms import with_parameters
from sentier_rules.triage import MEASURE_OF_PATH, Triage

QUEBEC_PROGRAMS = sorted(code for code, (_, _, where) in PROGRAMS.items() if where == "QC")
BOOKLETS = [None, "", "ASM-1", "ASM-2", "ASM-5"]
FIRST_DAY = dt.date(2025, 10, 1)
LAST_DAY = dt.date(2028, 12, 31)

ASYLUM_EXCLUDED = {
    f"{measure}.asylum_seekers.excluded": {"2026-06-01": True}
    for measure in ("support_plan", "service_plan", "paas_action")
}


@functools.cache
def _triage(reform: bool) -> Triage:
    return Triage(with_parameters(ASYLUM_EXCLUDED)) if reform else Triage()


@st.composite
def applications(draw: st.DrawFn) -> dict[str, Any]:
    day = draw(st.dates(min_value=FIRST_DAY, max_value=LAST_DAY))
    answers: dict[str, Any] = {}
    for question in _triage(False).questions(day, "QC"):
        codes = [option.code for option in question.options]
        if question.kind == "multi":
            chosen = draw(st.lists(st.sampled_from(codes), unique=True, max_size=4))
            if len(chosen) > 1:
                chosen = [code for code in chosen if code not in question.exclusive]
            value: Any = chosen
        else:
            value = draw(st.none() | st.sampled_from(codes))
        if value not in (None, []):
            answers[question.code] = value
    return {
        "answers": answers,
        "date": day.isoformat(),
        "program": draw(st.sampled_from(QUEBEC_PROGRAMS)),
        "region": draw(st.sampled_from(REGION_CODES)),
        "claim_booklet": draw(st.sampled_from(BOOKLETS)),
        "asylum_seeker": draw(st.booleans()),
    }


def _check(application: dict[str, Any], reform: bool) -> None:
    triage = _triage(reform)
    result = triage.triage(
        application["answers"],
        date=application["date"],
        jurisdiction="QC",
        program=application["program"],
        region=application["region"],
        application_channel="online",
        claim_booklet=application["claim_booklet"],
        asylum_seeker=application["asylum_seeker"],
    )
    measure = MEASURE_OF_PATH.get(result["path"])
    if measure is None:
        return  # none or employment services: no eligibility rule to break
    person: dict[str, Any] = {
        "program": application["program"],
        "region": application["region"],
        "asylum_seeker": application["asylum_seeker"],
    }
    if measure == "support_plan":
        person["claim_booklet"] = application["claim_booklet"] or None
    if measure == "paas_action":
        person["weekly_hours"] = 0
    request = {"measure": measure, "date": application["date"], "person": person}
    [answer] = triage.engine.decide(request)
    assert answer.get("eligible") is True, (result["path"], application, answer)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(applications())
def test_the_recommended_measure_is_one_the_person_is_eligible_for(
    application: dict[str, Any],
) -> None:
    _check(application, reform=False)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(applications())
def test_the_same_holds_when_asylum_seekers_are_excluded(application: dict[str, Any]) -> None:
    _check(application, reform=True)
