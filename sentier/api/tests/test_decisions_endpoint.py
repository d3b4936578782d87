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


def test_a_batch_over_the_cap_is_refused_with_a_clear_message(
    client_for: Any, settings: Any
) -> None:
    settings.SENTIER_DECISIONS_MAX_BATCH = 3
    client = client_for("analyst")
    assert len(client.post(URL, [GOOD] * 3, content_type="application/json").json()) == 3
    response = client.post(URL, [GOOD] * 4, content_type="application/json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "batch_too_large"
    assert error["en"] == (
        "At most 3 requests may be sent in one call; this one has 4. Send them in several calls."
    )
    assert "3" in error["fr"]  # the French text is the catalog's (locale/fr_CA)
    assert "4" in error["fr"]
    assert error["field"] is None


def test_the_default_cap_is_a_thousand_and_in_the_schema() -> None:
    from django.conf import settings
    from drf_spectacular.generators import SchemaGenerator

    assert settings.SENTIER_DECISIONS_MAX_BATCH == 1000
    generator = SchemaGenerator()  # type: ignore[no-untyped-call]
    schema: dict[str, Any] = generator.get_schema(request=None, public=True)  # type: ignore[no-untyped-call]
    post = schema["paths"]["/api/v1/decisions"]["post"]
    body = post["requestBody"]["content"]["application/json"]["schema"]
    (array,) = [s for s in body["oneOf"] if s["type"] == "array"]
    assert array["maxItems"] == 1000
    assert "batch_too_large" in post["responses"]["400"]["description"]
    assert "429" in post["responses"]
