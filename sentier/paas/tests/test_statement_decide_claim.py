"""approve_claim / reject_claim: the participant's caseworker decides; rejecting needs a reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from sentier.paas.models import ClaimStatus, ExpenseClaim
from sentier.paas.statements.actions import (
    StatementRefused,
    approve_claim,
    reject_claim,
    submit_claim,
)
from sentier.paas.tests.statement_factories import grant, months_ago, opex, place, receipt
from sentier.paas.timeline_kinds import PaasEventKind


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def claim(personas: dict[str, Any], laval_participant: Any) -> ExpenseClaim:
    grant(personas, opex(personas))
    placement = place(personas, laval_participant, opex(personas), months_ago(2))
    return submit_claim(
        actor=personas["partner_opex"],
        placement=placement,
        month=months_ago(1),
        kind="childcare",
        amount_cents=12000,
        receipt=receipt(),
    )


def test_the_caseworker_approves(personas: dict[str, Any], claim: ExpenseClaim) -> None:
    approved = approve_claim(actor=personas["caseworker_laval"], claim=claim)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED == approved.status
    assert claim.decided_by == personas["caseworker_laval"]
    assert claim.decided_at is not None


def test_the_caseworker_rejects_with_a_reason(personas: dict[str, Any], claim: Any) -> None:
    reject_claim(actor=personas["caseworker_laval"], claim=claim, reason="  Reçu illisible ")
    claim.refresh_from_db()
    assert (claim.status, claim.decision_reason) == (ClaimStatus.REJECTED, "Reçu illisible")


def test_rejection_without_a_reason_is_refused(personas: dict[str, Any], claim: Any) -> None:
    with pytest.raises(StatementRefused):
        reject_claim(actor=personas["caseworker_laval"], claim=claim, reason="   ")
    claim.refresh_from_db()
    assert (claim.status, claim.decided_by, claim.decision_reason) == ("submitted", None, "")


@pytest.mark.parametrize(
    "who", ["partner_opex", "partner_sorif", "caseworker_montreal", "coordinator", "participant"]
)
def test_others_cannot_decide(personas: dict[str, Any], claim: Any, who: str) -> None:
    with pytest.raises(PermissionDenied):
        approve_claim(actor=personas[who], claim=claim)
    with pytest.raises(PermissionDenied):
        reject_claim(actor=personas[who], claim=claim, reason="Non")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED
    assert claim.decided_by is None


def test_a_decided_claim_cannot_be_decided_again(personas: dict[str, Any], claim: Any) -> None:
    approve_claim(actor=personas["caseworker_laval"], claim=claim)
    with pytest.raises(StatementRefused):
        reject_claim(actor=personas["caseworker_laval"], claim=claim, reason="Finalement non")
    claim.refresh_from_db()
    assert (claim.status, claim.decision_reason) == (ClaimStatus.APPROVED, "")


def test_submission_and_decision_appear_on_the_participant_timeline(
    personas: dict[str, Any], claim: ExpenseClaim, laval_participant: Any
) -> None:

    reject_claim(actor=personas["caseworker_laval"], claim=claim, reason="Reçu illisible")
    events = list(
        laval_participant.events.filter(
            kind__in=[PaasEventKind.PAAS_CLAIM_SUBMITTED, PaasEventKind.PAAS_CLAIM_DECIDED]
        ).order_by("occurred_at", "id")
    )
    assert [e.kind for e in events] == ["paas_claim_submitted", "paas_claim_decided"]
    assert [e.actor for e in events] == [personas["partner_opex"], personas["caseworker_laval"]]
    assert "120,00" in events[0].detail
    assert events[1].data["reason"] == "Reçu illisible"
