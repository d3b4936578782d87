"""approve_statement: the Ministry approves a draft; an approved statement never changes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from sentier.paas.models import Placement, Statement, StatementLine, StatementStatus
from sentier.paas.statements.actions import StatementRefused, approve_statement, export_statement
from sentier.paas.tests.statement_factories import (
    approved_claim,
    generate,
    grant,
    lines,
    months_ago,
    opex,
    place,
)


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def draft(personas: dict[str, Any], laval_participant: Any) -> Statement:
    grant(personas, opex(personas))
    place(personas, laval_participant, opex(personas), months_ago(2))
    return generate(personas, opex(personas), months_ago(1))


def test_the_laval_coordinator_approves(personas: dict[str, Any], draft: Statement) -> None:
    approved = approve_statement(actor=personas["coordinator"], statement=draft)
    draft.refresh_from_db()
    assert draft.status == StatementStatus.APPROVED == approved.status
    assert draft.approved_by == personas["coordinator"]
    assert draft.approved_at is not None
    assert draft.history.first().history_change_reason == "approved"


def test_approval_freezes_the_statement(personas: dict[str, Any], draft: Statement) -> None:
    approve_statement(actor=personas["admin"], statement=draft)
    before = list(StatementLine.objects.order_by("id").values())
    placement = Placement.objects.get()
    approved_claim(personas, placement, months_ago(1), amount_cents=5000)
    again = generate(personas, opex(personas), months_ago(1))
    assert again.pk == draft.pk
    assert again.status == StatementStatus.APPROVED
    assert list(StatementLine.objects.order_by("id").values()) == before
    with pytest.raises(StatementRefused):
        approve_statement(actor=personas["admin"], statement=draft)


def test_an_outdated_draft_cannot_be_approved(personas: dict[str, Any], draft: Statement) -> None:
    placement = Placement.objects.get()
    approved_claim(personas, placement, months_ago(1), amount_cents=5000)
    with pytest.raises(StatementRefused):
        approve_statement(actor=personas["admin"], statement=draft)
    draft.refresh_from_db()
    assert draft.status == StatementStatus.DRAFT
    regenerated = generate(personas, opex(personas), months_ago(1))
    assert ("transport", 5000) in lines(regenerated)
    assert approve_statement(actor=personas["admin"], statement=regenerated).status == "approved"


@pytest.mark.parametrize(
    "who", ["partner_opex", "partner_sorif", "caseworker_laval", "analyst", "participant"]
)
def test_others_cannot_approve_or_export(personas: dict[str, Any], draft: Any, who: str) -> None:
    with pytest.raises(PermissionDenied):
        approve_statement(actor=personas[who], statement=draft)
    approve_statement(actor=personas["admin"], statement=draft)
    with pytest.raises(PermissionDenied):
        export_statement(actor=personas[who], statement=draft)
    draft.refresh_from_db()
    assert (draft.status, draft.approved_by, draft.exported_at) == (
        StatementStatus.APPROVED,
        personas["admin"],
        None,
    )


def test_export_after_approval_only(personas: dict[str, Any], draft: Statement) -> None:
    with pytest.raises(StatementRefused):
        export_statement(actor=personas["admin"], statement=draft)
    approve_statement(actor=personas["admin"], statement=draft)
    exported = export_statement(actor=personas["coordinator"], statement=draft)
    assert exported.status == StatementStatus.EXPORTED
    first = exported.exported_at
    assert export_statement(actor=personas["admin"], statement=draft).exported_at == first


def test_a_new_working_language_does_not_block_approval(
    personas: dict[str, Any], draft: Statement
) -> None:
    organization = draft.organization
    organization.language = "en-ca"
    organization.save()
    approved = approve_statement(actor=personas["admin"], statement=draft)
    assert approved.status == StatementStatus.APPROVED


def test_a_statement_covering_another_region_goes_to_an_administrator(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    grant(personas, opex(personas))
    grant(personas, opex(personas), "06")  # OPEX'82 also holds places in Montréal
    place(personas, laval_participant, opex(personas), months_ago(2))
    draft = generate(personas, opex(personas), months_ago(1))
    with pytest.raises(PermissionDenied):
        approve_statement(actor=personas["coordinator"], statement=draft)
    draft.refresh_from_db()
    assert (draft.status, draft.approved_by) == (StatementStatus.DRAFT, None)
    approve_statement(actor=personas["admin"], statement=draft)
    draft.refresh_from_db()
    assert draft.status == StatementStatus.APPROVED
