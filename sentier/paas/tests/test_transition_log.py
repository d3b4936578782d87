"""Every PAAS lifecycle logs its moves: placements, expense claims and monthly statements."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from sentier.core.lifecycle import Refusal
from sentier.core.models import Transition
from sentier.paas import actions, states
from sentier.paas.statements.actions import (
    StatementRefused,
    approve_statement,
    export_statement,
    reject_claim,
    submit_claim,
)
from sentier.paas.tests.statement_factories import generate, grant, months_ago, opex, place, receipt


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path


def moves(lifecycle: Any, obj: Any) -> list[tuple[str, str, str, str]]:
    rows = Transition.objects.filter(lifecycle=lifecycle.name, object_id=obj.pk)
    return [(t.from_status, t.to_status, t.side, t.reason) for t in rows]


def test_a_placement_logs_its_start_and_its_end(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    grant(personas, opex(personas))
    placement = place(personas, laval_participant, opex(personas), months_ago(2))
    actions.end_placement(
        actor=personas["partner_opex"],
        placement=placement,
        end_date=timezone.localdate(),
        outcome="completed",
        note="Parcours terminé",
    )
    assert moves(states.PLACEMENT, placement) == [
        ("", "active", states.CASEWORKER, ""),
        ("active", "ended", states.ORGANIZATION, "Parcours terminé"),
    ]


def test_a_claim_logs_its_submission_and_its_rejection(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    grant(personas, opex(personas))
    placement = place(personas, laval_participant, opex(personas), months_ago(2))
    claim = submit_claim(
        actor=personas["partner_opex"],
        placement=placement,
        month=months_ago(1),
        kind="childcare",
        amount_cents=12000,
        receipt=receipt(),
    )
    reject_claim(actor=personas["caseworker_laval"], claim=claim, reason="Reçu illisible")
    assert moves(states.CLAIM, claim) == [
        ("", "submitted", states.SUBMITTER, ""),
        ("submitted", "rejected", states.CASEWORKER, "Reçu illisible"),
    ]


def test_a_statement_logs_its_generation_approval_and_export(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    grant(personas, opex(personas))
    place(personas, laval_participant, opex(personas), months_ago(2))
    draft = generate(personas, opex(personas), months_ago(1))
    approve_statement(actor=personas["coordinator"], statement=draft)
    export_statement(actor=personas["coordinator"], statement=draft)
    assert [m[:3] for m in moves(states.STATEMENT, draft)] == [
        ("", "draft", states.COORDINATOR),
        ("draft", "approved", states.COORDINATOR),
        ("approved", "exported", states.COORDINATOR),
    ]


def test_statement_refusals_are_refusals() -> None:
    assert issubclass(StatementRefused, Refusal)
