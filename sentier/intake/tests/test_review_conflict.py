"""Deciding a recommendation from a page read before someone else decided it: the page says who
decided what, beside the decision and reason typed (kept on the page), and nothing changes."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from sentier.intake import actions
from sentier.intake.models import Recommendation, ReviewStatus
from sentier.intake.tests.test_review_pages import send
from sentier.intake.timeline_kinds import IntakeEventKind

pytestmark = pytest.mark.django_db

REASON = "Besoin de logement exprimé au téléphone, à revoir avec la personne."


def review_url(recommendation: Recommendation) -> str:
    """The review page in English (the assertions read the English words)."""
    with translation.override("en-ca"):
        return reverse("intake:review", kwargs={"recommendation_uuid": recommendation.uuid})


def other_path(recommendation: Recommendation) -> str:
    return "support_plan" if recommendation.path != "support_plan" else "paas_action"


def state(recommendation: Recommendation) -> tuple[Any, ...]:
    row = Recommendation.objects.get(pk=recommendation.pk)
    decided = row.participant.events.filter(kind=IntakeEventKind.ORIENTATION_DECIDED).count()
    return (row.status, row.final_path, row.override_reason, row.reviewed_by_id, decided)


def test_a_decision_from_a_stale_page_shows_who_decided_and_keeps_the_reason(
    client_for: Any, personas: dict[str, Any]
) -> None:
    recommendation = send()
    stale = client_for("caseworker_laval")
    assert stale.get(review_url(recommendation)).status_code == 200  # the tab left open
    client_for("admin").post(review_url(recommendation), {"final_path": recommendation.path})
    before = state(recommendation)
    assert before[0] == ReviewStatus.ACCEPTED
    response = stale.post(
        review_url(recommendation), {"final_path": other_path(recommendation), "reason": REASON}
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "decided this orientation while your page was open" in page
    assert str(personas["admin"]) in page
    assert f"readonly>{REASON}</textarea>" in page
    assert page.count(REASON) == 2  # in the comparison and in the box to copy it from
    assert state(recommendation) == before


def test_a_decision_with_a_form_error_on_a_stale_page_gets_the_same_screen(
    client_for: Any,
) -> None:
    recommendation = send()
    client_for("admin").post(review_url(recommendation), {"final_path": recommendation.path})
    before = state(recommendation)
    response = client_for("caseworker_laval").post(review_url(recommendation), {"reason": REASON})
    assert response.status_code == 409
    assert REASON in response.content.decode()
    assert state(recommendation) == before


def test_the_same_decision_sent_twice_is_simply_recorded_once(client_for: Any) -> None:
    recommendation = send()
    client = client_for("caseworker_laval")
    data = {"final_path": other_path(recommendation), "reason": REASON}
    assert client.post(review_url(recommendation), data).status_code == 302
    before = state(recommendation)
    again = client.post(review_url(recommendation), data)
    assert again.status_code == 302
    assert "already recorded" in client.get(again["Location"]).content.decode()
    assert state(recommendation) == before


def test_another_decision_of_mine_from_another_tab_is_compared_not_recorded(
    client_for: Any,
) -> None:
    recommendation = send()
    client = client_for("caseworker_laval")
    client.post(review_url(recommendation), {"final_path": recommendation.path})
    before = state(recommendation)
    response = client.post(
        review_url(recommendation), {"final_path": other_path(recommendation), "reason": REASON}
    )
    assert response.status_code == 409
    assert "You already decided this orientation in another window" in response.content.decode()
    assert state(recommendation) == before


def test_the_action_reads_the_recommendation_again_before_deciding(
    personas: dict[str, Any],
) -> None:
    recommendation = send()
    stale_copy = Recommendation.objects.get(pk=recommendation.pk)
    actions.review_recommendation(
        actor=personas["admin"], recommendation=recommendation, final_path=recommendation.path
    )
    before = state(recommendation)
    with pytest.raises(actions.AlreadyReviewed) as raised:
        actions.review_recommendation(
            actor=personas["caseworker_laval"],
            recommendation=stale_copy,  # still "pending" in memory
            final_path=other_path(recommendation),
            reason=REASON,
        )
    assert isinstance(raised.value, ValidationError)
    assert raised.value.saved.reviewed_by == personas["admin"]
    assert state(recommendation) == before
