"""POST /api/v1/decisions: the same contract as ``sentier decide``."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db
URL = "/api/v1/decisions"
GOOD = {
    "measure": "support_plan",
    "date": "2026-05-01",
    "person": {"jurisdiction": "QC", "region": "13", "program": "PAS", "claim_booklet": None},
}


def test_one_object_gets_one_answer(client_for: Any) -> None:
    response = client_for("caseworker_laval").post(URL, GOOD, content_type="application/json")
    assert response.status_code == 200
    (answer,) = response.json()
    assert answer["eligible"] is True
    assert answer["measure"] == "support_plan"


def test_per_item_errors_do_not_stop_the_others(client_for: Any) -> None:
    body = [GOOD, {"measure": "nope", "date": "2026-05-01", "person": {}}, GOOD]
    response = client_for("analyst").post(URL, body, content_type="application/json")
    assert response.status_code == 200
    answers = response.json()
    assert [("error" in a) for a in answers] == [False, True, False]
    assert set(answers[1]["error"]) == {"code", "fr", "en", "field"}


@pytest.mark.parametrize("body", ["not json", "42", '"text"', "[]"])
def test_malformed_body_is_400(client_for: Any, body: str) -> None:
    response = client_for("caseworker_laval").post(URL, body, content_type="application/json")
    assert response.status_code == 400


def test_participants_and_anonymous_are_refused(client_for: Any, client: Any) -> None:
    assert (
        client_for("participant").post(URL, GOOD, content_type="application/json").status_code
        == 403
    )
    assert client.post(URL, GOOD, content_type="application/json").status_code == 403
