"""The statement page: lines and totals; the Ministry approves and exports; others get 404."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from sentier.paas.models import Statement, StatementLine, StatementStatus
from sentier.paas.tests.statement_factories import (
    approved_claim,
    generate,
    grant,
    months_ago,
    opex,
    place,
)


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def statement(personas: dict[str, Any], laval_participant: Any) -> Statement:
    grant(personas, opex(personas))
    placement = place(personas, laval_participant, opex(personas), months_ago(2))
    approved_claim(personas, placement, months_ago(1), amount_cents=4250)
    return generate(personas, opex(personas), months_ago(1))


POSTED = {"statement_approve", "statement_export", "statement_regenerate"}


def url(statement: Statement, name: str = "statement_detail") -> str:
    return reverse(f"paas:{name}", args=[statement.uuid])


def test_the_page_shows_lines_and_totals(client_for: Any, statement: Statement) -> None:
    response = client_for("coordinator").get(url(statement))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Julie Lavoie" in body
    for amount in ("173,00\xa0$", "42,50\xa0$", "200,00\xa0$", "415,50\xa0$"):
        assert amount in body
    assert url(statement, "statement_approve") in body
    assert url(statement, "statement_csv") not in body  # drafts are not downloaded


def test_viewing_a_statement_writes_one_access_row_per_participant(
    client_for: Any, personas: dict[str, Any], statement: Statement, laval_participant: Any
) -> None:
    from sentier.audit.models import AccessKind, AccessLog

    client_for("partner_opex").get(url(statement))
    rows = list(AccessLog.objects.filter(user=personas["partner_opex"]))
    assert [(row.participant_id, row.kind) for row in rows] == [
        (laval_participant.pk, AccessKind.PAAS_STATEMENT)
    ]


def test_the_coordinator_approves_then_exports(client_for: Any, statement: Statement) -> None:
    client = client_for("coordinator")
    assert client.post(url(statement, "statement_approve")).status_code == 302
    statement.refresh_from_db()
    assert statement.status == StatementStatus.APPROVED
    body = client.get(url(statement)).content.decode()
    assert url(statement, "statement_approve") not in body
    assert url(statement, "statement_csv") in body
    client.post(url(statement, "statement_export"))
    statement.refresh_from_db()
    assert statement.status == StatementStatus.EXPORTED


def test_the_organization_reads_and_downloads_but_cannot_approve(
    client_for: Any, personas: dict[str, Any], statement: Statement
) -> None:
    client = client_for("partner_opex")
    body = client.get(url(statement)).content.decode()
    assert "415,50\xa0$" in body
    assert url(statement, "statement_approve") not in body
    assert client.post(url(statement, "statement_approve")).status_code == 403
    statement.refresh_from_db()
    assert statement.status == StatementStatus.DRAFT
    assert client.get(url(statement, "statement_csv")).status_code == 404  # still a draft
    client_for("admin").post(url(statement, "statement_approve"))
    csv = client.get(url(statement, "statement_csv"))
    assert csv.status_code == 200
    assert csv["Content-Type"].startswith("text/csv")
    assert "415,50" in csv.content.decode()
    pdf = client.get(url(statement, "statement_pdf"))
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF-")


@pytest.mark.parametrize(
    "name",
    [
        "statement_detail",
        "statement_approve",
        "statement_export",
        "statement_regenerate",
        "statement_csv",
        "statement_pdf",
    ],
)
def test_sorif_gets_404_on_opex_statement_and_nothing_changes(
    client_for: Any, statement: Statement, name: str
) -> None:
    before = (list(Statement.objects.values()), list(StatementLine.objects.values()))
    client = client_for("partner_sorif")
    send = client.post if name in POSTED else client.get
    response = send(url(statement, name))
    assert response.status_code == 404
    assert (list(Statement.objects.values()), list(StatementLine.objects.values())) == before


def test_an_unknown_statement_is_404(client_for: Any) -> None:
    response = client_for("admin").get(
        reverse("paas:statement_detail", args=["00000000-0000-0000-0000-000000000000"])
    )
    assert response.status_code == 404
