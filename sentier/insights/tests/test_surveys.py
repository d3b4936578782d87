"""Survey results: protected so that no count under the threshold shows or can be worked out,
shown to analysts and coordinators (their region), never the comments, exported and logged."""

from __future__ import annotations

import itertools
import random
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from sentier.feedback.models import ParticipantSurveyResponse
from sentier.insights import surveys
from sentier.insights.disclosure import TOTAL
from sentier.insights.models import DashboardView
from sentier.insights.surveys import protect_survey
from sentier.plans.tests.helpers import active_plan

QUESTIONS = ("a", "b")


def _answers(region: str, n: int, agree: int) -> list[dict[str, Any]]:
    return [
        {"region": region, "a": 5 if i < agree else 2, "b": 4 if i % 2 else 1} for i in range(n)
    ]


def test_a_small_region_is_suppressed_and_cannot_be_worked_out_from_the_total() -> None:
    answers = _answers("13", 30, 20) + _answers("06", 25, 12) + _answers("02", 4, 4)
    counted, tables = protect_survey(
        answers, key="region", values=["13", "06", "02"], questions=QUESTIONS, threshold=10
    )
    shown = {c.group["region"]: c for c in counted}
    assert shown["02"].suppressed
    # One more is hidden: the total minus the others would give region 02 back.
    assert sum(c.suppressed for c in counted) >= 2
    for table in tables.values():
        for cell in table:
            assert cell.suppressed or cell.value is None or cell.value >= 10


def test_visible_counts_never_give_back_a_small_one_on_random_tables() -> None:
    rng = random.Random(17)
    for _ in range(40):
        values = ["01", "02", "03", "04"]
        answers = list(
            itertools.chain.from_iterable(
                _answers(v, rng.randint(0, 30), rng.randint(0, 30)) for v in values
            )
        )
        counted, tables = protect_survey(
            answers, key="region", values=values, questions=QUESTIONS, threshold=10
        )
        visible = {c.group["region"]: c.value for c in counted if not c.suppressed}
        assert all((value or 0) >= 10 for value in visible.values())
        # Only one hidden group along the line (its total visible) would be given back.
        hidden = [c for c in counted if c.suppressed]
        assert len(hidden) != 1
        for table in tables.values():
            for answer in ("yes", "no", TOTAL):
                line = [c for c in table if c.group["answer"] == answer]
                assert sum(c.suppressed for c in line) != 1
            assert all(c.suppressed or (c.value or 0) >= 10 for c in table)
            # A group's total is hidden in the statement's table wherever the answers hide it.
            hidden_n = {
                c.group["region"] for c in table if c.group["answer"] == TOTAL and c.suppressed
            }
            assert hidden_n == {c.group["region"] for c in hidden}


@pytest.fixture
def answered(personas: dict[str, Any], laval_participant: Any, client_for: Any) -> Any:
    plan = active_plan(personas, laval_participant)
    with translation.override("fr-ca"):
        url = reverse("feedback:survey", args=["plan_agreed", plan.uuid])
    client_for("participant").post(
        url,
        {"understood": "4", "listened": "4", "helped": "4", "overall": "4", "comment": "SECRET-42"},
    )
    assert ParticipantSurveyResponse.objects.count() == 1
    return plan


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["analyst", "coordinator"])
def test_results_page_shows_one_answer_as_suppressed_never_the_comment(
    client_for: Any, answered: Any, who: str
) -> None:
    client = client_for(who)
    page = client.get(reverse("insights:surveys"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "SECRET-42" not in text
    assert "data-suppressed" in text
    for name in ("insights:surveys_csv", "insights:surveys_xlsx"):
        export = client.get(reverse(name))
        assert export.status_code == 200
        assert b"SECRET-42" not in export.content
    assert DashboardView.objects.filter(indicator="surveys").count() == 3


@pytest.mark.django_db
def test_coordinator_sees_only_their_region(client_for: Any, answered: Any) -> None:
    text = client_for("coordinator").get(reverse("insights:surveys")).content.decode()
    assert "06 " not in text
    assert "13 " in text
    assert 'data-panel="participant-area"' not in text
    analyst = client_for("analyst").get(reverse("insights:surveys")).content.decode()
    assert 'data-panel="participant-area"' in analyst


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["participant", "caseworker_laval", "partner_opex"])
def test_others_cannot_read_the_results(client_for: Any, who: str) -> None:
    client = client_for(who)
    for name in ("insights:surveys", "insights:surveys_csv", "insights:quality"):
        assert client.get(reverse(name)).status_code == 403
    assert not DashboardView.objects.exists()


@pytest.mark.django_db
def test_csv_neutralises_formulas_and_states_the_version(client_for: Any, answered: Any) -> None:
    body = client_for("analyst").get(reverse("insights:surveys_csv")).content.decode()
    assert body.splitlines()[0].startswith("version,measure,label,definition")
    assert surveys.VERSION in body
