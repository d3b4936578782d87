"""GET /api/v1/participants/<uuid>: same permissions as the pages, one access row per answer."""

from __future__ import annotations

from typing import Any

import pytest

from sentier.audit.models import AccessChannel, AccessLog

pytestmark = pytest.mark.django_db


def test_caseworker_reads_a_file_and_it_is_logged(client_for: Any, laval_participant: Any) -> None:
    before = AccessLog.objects.count()
    response = client_for("caseworker_laval").get(f"/api/v1/participants/{laval_participant.uuid}")
    assert response.status_code == 200
    assert response.json()["file_number"] == laval_participant.file_number
    assert AccessLog.objects.count() == before + 1
    assert AccessLog.objects.latest("id").channel == AccessChannel.API


def test_other_region_gets_404(client_for: Any, laval_participant: Any) -> None:
    before = AccessLog.objects.count()
    response = client_for("caseworker_montreal").get(
        f"/api/v1/participants/{laval_participant.uuid}"
    )
    assert response.status_code == 404
    assert AccessLog.objects.count() == before


def test_anonymous_is_refused(client: Any, laval_participant: Any) -> None:
    assert client.get(f"/api/v1/participants/{laval_participant.uuid}").status_code == 403


def test_schema_is_served(client: Any) -> None:
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    assert b"openapi" in response.content


@pytest.mark.parametrize("value", ["null,null", "0", "not-a-uuid"])
def test_a_malformed_identifier_is_a_json_404(client_for: Any, value: str) -> None:
    response = client_for("caseworker_laval").get(f"/api/v1/participants/{value}")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert set(response.json()) == {"detail"}
