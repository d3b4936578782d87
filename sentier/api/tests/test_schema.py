"""The OpenAPI document stays valid and describes the partner endpoints and their key."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db


def test_the_schema_is_valid_openapi_with_the_partner_endpoints() -> None:
    generator = SchemaGenerator()  # type: ignore[no-untyped-call]
    schema: dict[str, Any] = generator.get_schema(request=None, public=True)  # type: ignore[no-untyped-call]
    validate_schema(schema)  # type: ignore[no-untyped-call]
    paths = schema["paths"]
    for path in (
        "/api/v1/referrals",
        "/api/v1/referrals/{referral_uuid}",
        "/api/v1/referrals/{referral_uuid}/status",
        "/api/v1/referrals/{referral_uuid}/fhir",
        "/api/v1/services",
        "/api/v1/services/{service_uuid}/capacity",
    ):
        assert path in paths, path
    assert schema["components"]["securitySchemes"]["ApiKey"] == {
        "type": "apiKey",
        "in": "header",
        "name": "X-Api-Key",
    }
    assert "409" in paths["/api/v1/referrals/{referral_uuid}/status"]["post"]["responses"]


def test_the_schema_generates_without_warnings() -> None:
    call_command("spectacular", "--validate", "--fail-on-warn", stdout=io.StringIO())
