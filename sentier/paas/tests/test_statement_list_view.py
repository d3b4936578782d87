"""The statement list: the Ministry generates a month; organizations see only their own."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sentier.paas.models import Statement
from sentier.paas.tests.statement_factories import (
    generate,
    grant,
    laval_file,
    months_ago,
    opex,
    place,
    sorif,
)

URL = reverse("paas:statement_list")


@pytest.fixture
def two_statements(personas: dict[str, Any], laval_participant: Any) -> None:
    grant(personas, opex(personas))
    grant(personas, sorif(personas))
    place(personas, laval_participant, opex(personas), months_ago(2))
    place(personas, laval_file(personas), sorif(personas), months_ago(2))
    generate(personas, opex(personas), months_ago(1))
    generate(personas, sorif(personas), months_ago(1))


def test_administrator_sees_every_statement_and_the_generate_form(
    client_for: Any, two_statements: None
) -> None:
    response = client_for("admin").get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "SORIF" in body
    assert "OPEX" in body
    assert reverse("paas:statement_generate") in body
    assert "373,00\xa0$" in body  # 173 $ allowance + 200 $ for the place


def test_partner_sees_only_its_own(client_for: Any, two_statements: None) -> None:
    body = client_for("partner_sorif").get(URL).content.decode()
    assert "SORIF" in body
    assert "OPEX" not in body
    assert reverse("paas:statement_generate") not in body


@pytest.mark.parametrize(
    ("who", "sees_claims"), [("admin", True), ("partner_sorif", True), ("coordinator", False)]
)
def test_the_claims_link_shows_only_to_those_who_may_open_the_claims(
    client_for: Any, who: str, sees_claims: bool
) -> None:
    """A coordinator reads the statements, not the claims: no link that answers 403."""
    claims = reverse("paas:claim_list")
    assert (claims in client_for(who).get(URL).content.decode()) is sees_claims
    assert (client_for(who).get(claims).status_code == 200) is sees_claims


@pytest.mark.parametrize("who", ["caseworker_laval", "participant", "analyst"])
def test_others_are_refused(client_for: Any, who: str) -> None:
    assert client_for(who).get(URL).status_code == 403


def test_generate_a_month(
    client_for: Any, personas: dict[str, Any], laval_participant: Any
) -> None:
    grant(personas, opex(personas))
    place(personas, laval_participant, opex(personas), months_ago(2))
    client = client_for("coordinator")
    response = client.post(reverse("paas:statement_generate"), {"month": f"{months_ago(1):%Y-%m}"})
    assert response.status_code == 302
    assert Statement.objects.get().organization == opex(personas)
    client.post(reverse("paas:statement_generate"), {"month": f"{months_ago(1):%Y-%m}"})
    assert Statement.objects.count() == 1


def test_partner_cannot_generate(client_for: Any, personas: dict[str, Any]) -> None:
    grant(personas, opex(personas))
    response = client_for("partner_opex").post(
        reverse("paas:statement_generate"), {"month": f"{months_ago(1):%Y-%m}"}
    )
    assert response.status_code == 403
    assert not Statement.objects.exists()


def test_the_list_does_a_fixed_number_of_queries(client_for: Any, two_statements: None) -> None:
    client = client_for("admin")
    client.get(URL)
    with CaptureQueriesContext(connection) as queries:
        client.get(URL)
    assert len(queries) <= 8
