"""GET /api/v1/referrals: the answer and the query parameters are what the OpenAPI document says
(a paginated object; each parameter once and not empty; pages from 1, page sizes up to 200; a page
past the last one is a 404 that says so)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from drf_spectacular.generators import SchemaGenerator

from sentier.referrals.models import Referral

pytestmark = pytest.mark.django_db
URL = "/api/v1/referrals"


def test_the_list_is_a_paginated_object(opex_api: Client, referral: Referral) -> None:
    response = opex_api.get(URL, {"page_size": 1})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 1
    assert [item["uuid"] for item in body["results"]] == [str(referral.uuid)]


def test_the_document_says_the_list_is_a_paginated_object() -> None:
    generator = SchemaGenerator()  # type: ignore[no-untyped-call]
    schema: dict[str, Any] = generator.get_schema(request=None, public=True)  # type: ignore[no-untyped-call]
    ok = schema["paths"]["/api/v1/referrals"]["get"]["responses"]["200"]
    reference = ok["content"]["application/json"]["schema"]["$ref"]
    paginated = schema["components"]["schemas"][reference.rsplit("/", 1)[1]]
    assert paginated["type"] == "object"
    assert paginated["properties"]["results"]["type"] == "array"
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/referrals"]["get"]["parameters"]}
    assert parameters["page"]["schema"]["minimum"] == 1
    assert parameters["page_size"]["schema"] == {"type": "integer", "minimum": 1, "maximum": 200}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("updated_since=", "updated_since"),
        ("status=", "status"),
        ("page=", "page"),
        ("page=0", "page"),
        ("page=1.0", "page"),
        ("page_size=", "page_size"),
        ("page_size=abc", "page_size"),
        ("page_size=2.5", "page_size"),
        ("page_size=0", "page_size"),
        ("page_size=201", "page_size"),
        ("page_size=5&page_size=6", "page_size"),
        ("page=1&page=2", "page"),
        ("status=requested&status=accepted", "status"),
    ],
)
def test_invalid_parameters_are_refused_with_the_field_named(
    opex_api: Client, referral: Referral, query: str, field: str
) -> None:
    response = opex_api.get(f"{URL}?{query}")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert list(error["fields"]) == [field]


def test_a_repeated_parameter_is_said_to_be_given_once(
    opex_api: Client, referral: Referral
) -> None:
    response = opex_api.get(f"{URL}?page_size=5&page_size=6", HTTP_ACCEPT_LANGUAGE="en-ca")
    assert response.json()["error"]["fields"] == {"page_size": ["Give this parameter once only."]}


def test_a_page_past_the_last_one_is_a_404_that_says_so(
    opex_api: Client, referral: Referral
) -> None:
    response = opex_api.get(URL, {"page": 2}, HTTP_ACCEPT_LANGUAGE="en-ca")
    assert response.status_code == 404
    assert response.json() == {
        "error": {"code": "page_not_found", "message": "There is no page 2 in this list."}
    }


def test_the_largest_page_size_is_taken(opex_api: Client, referral: Referral) -> None:
    response = opex_api.get(URL, {"page_size": 200, "page": 1})
    assert response.status_code == 200
    assert response.json()["count"] == 1
