"""The review queue: caseworkers accept or override the automated recommendation (with a reason)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from sentier.decisions.models import Decision
from sentier.intake.models import Recommendation, ReviewStatus
from sentier.intake.tests.helpers import fill, start_online
from sentier.intake.timeline_kinds import IntakeEventKind

pytestmark = pytest.mark.django_db


def send(region: str = "13", questionnaire: dict[str, Any] | None = None) -> Recommendation:
    client = Client()
    application = start_online(client)
    fill(client, application, questionnaire, contact={"region": region})
    client.post(reverse("intake:summary", args=[application.resume_key]))
    return Recommendation.objects.get(application=application)


def review_url(recommendation: Recommendation) -> str:
    return reverse("intake:review", kwargs={"recommendation_uuid": recommendation.uuid})


def test_queue_is_by_region_oldest_first(client_for: Any) -> None:
    first, second, elsewhere = send(), send(), send(region="06")
    page = client_for("caseworker_laval").get(reverse("intake:review_queue"))
    assert page.status_code == 200
    listed = list(page.context["page"].object_list)
    assert listed == [first, second]
    assert elsewhere not in listed
    assert client_for("caseworker_laval").get(review_url(elsewhere)).status_code == 404


def test_accepting_records_who_and_starts_the_next_step(client_for: Any, personas: Any) -> None:
    recommendation = send()
    response = client_for("caseworker_laval").post(
        review_url(recommendation), {"final_path": recommendation.path}
    )
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.status == ReviewStatus.ACCEPTED
    assert recommendation.reviewed_by == personas["caseworker_laval"]
    event = recommendation.participant.events.get(kind=IntakeEventKind.ORIENTATION_DECIDED)
    assert event.data["overridden"] is False
    assert recommendation.participant.caseworker == personas["caseworker_laval"]


def test_override_to_a_support_plan_asks_the_rules(client_for: Any) -> None:
    recommendation = send()
    target = "support_plan" if recommendation.path != "support_plan" else "paas_action"
    response = client_for("caseworker_laval").post(
        review_url(recommendation), {"final_path": target, "reason": "Vue en entrevue."}
    )
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.status == ReviewStatus.OVERRIDDEN
    assert recommendation.override_reason == "Vue en entrevue."
    assert Decision.objects.filter(participant=recommendation.participant).exists()
    page = client_for("caseworker_laval").get(reverse("intake:review_queue"), {"status": "all"})
    assert page.context["counts"] == {"reviewed": 1, "overridden": 1}


def test_override_without_a_reason_is_refused_and_nothing_changes(client_for: Any) -> None:
    recommendation = send()
    target = "none" if recommendation.path != "none" else "support_plan"
    response = client_for("caseworker_laval").post(
        review_url(recommendation), {"final_path": target, "reason": "  "}
    )
    assert response.status_code == 400
    assert "Expliquez pourquoi" in response.content.decode()
    recommendation.refresh_from_db()
    assert recommendation.status == ReviewStatus.PENDING
    assert recommendation.reviewed_by is None
    assert not recommendation.participant.events.filter(
        kind=IntakeEventKind.ORIENTATION_DECIDED
    ).exists()


@pytest.mark.parametrize(
    ("persona", "status"), [("coordinator", 403), ("caseworker_montreal", 404)]
)
def test_others_cannot_review(client_for: Any, persona: str, status: int) -> None:
    recommendation = send()
    response = client_for(persona).post(
        review_url(recommendation), {"final_path": recommendation.path}
    )
    assert response.status_code == status
    recommendation.refresh_from_db()
    assert recommendation.status == ReviewStatus.PENDING


@pytest.mark.parametrize("persona", ["partner_opex", "participant", "analyst"])
def test_roles_without_a_queue_are_refused(client_for: Any, persona: str) -> None:
    assert client_for(persona).get(reverse("intake:review_queue")).status_code == 403


def test_assign_to_me(client_for: Any, personas: Any) -> None:
    recommendation = send()
    client_for("caseworker_laval").post(
        reverse("intake:assign", kwargs={"recommendation_uuid": recommendation.uuid})
    )
    recommendation.refresh_from_db()
    assert recommendation.assigned_to == personas["caseworker_laval"]
    mine = client_for("caseworker_laval").get(reverse("intake:review_queue"), {"assigned": "me"})
    assert list(mine.context["page"].object_list) == [recommendation]


def test_reviewing_writes_one_access_row(client_for: Any) -> None:
    from sentier.audit.models import AccessLog

    recommendation = send()
    before = AccessLog.objects.count()
    client_for("caseworker_laval").get(review_url(recommendation))
    assert AccessLog.objects.count() == before + 1


def test_the_queue_logs_one_row_per_person_shown(client_for: Any, personas: Any) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sentier.audit.models import AccessKind, AccessLog

    def queue_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client_for("caseworker_laval").get(reverse("intake:review_queue")).status_code
        return len(captured.captured_queries)

    first = send()
    one = queue_queries()
    listed = [first, send(), send(), send(region="06")]
    assert queue_queries() == one  # three people cost what one did: one INSERT
    logged = AccessLog.objects.filter(
        user=personas["caseworker_laval"], kind=AccessKind.REVIEW_QUEUE
    ).order_by("id")
    assert [row.participant_id for row in logged] == [first.participant_id] + [
        r.participant_id for r in listed[:3]
    ]


def test_a_long_queue_is_counted_only_as_far_as_the_page_needs(
    client_for: Any, monkeypatch: pytest.MonkeyPatch, django_assert_max_num_queries: Any
) -> None:
    """No COUNT of a region's every waiting application on every page: past the bound, "more
    than N", and a later page counts further."""
    first, second, third = send(), send(), send()
    monkeypatch.setattr("sentier.intake.views.REVIEW_PAGE_SIZE", 1)
    monkeypatch.setattr("sentier.intake.views.REVIEW_COUNT_BOUND", 2)
    client = client_for("caseworker_laval")
    client.get(reverse("intake:review_queue"))
    with django_assert_max_num_queries(12) as queries:
        page = client.get(reverse("intake:review_queue"))
    paginator = page.context["page"].paginator
    assert (paginator.count, paginator.more) == (2, True)
    # Counted from the recommendations alone: outside Ontario no file is joined to leave the
    # ODSP ones out (there are none).
    [count] = [q["sql"] for q in queries.captured_queries if "SELECT COUNT(*) FROM (" in q["sql"]]
    assert "participants_participant" not in count
    assert list(page.context["page"].object_list) == [first]
    assert "Plus de 2 demandes" in page.content.decode()
    later = client.get(reverse("intake:review_queue"), {"page": "3"})
    assert list(later.context["page"].object_list) == [third]
    paginator = later.context["page"].paginator
    assert (paginator.count, paginator.more) == (3, False)
    assert second not in later.context["page"].object_list
