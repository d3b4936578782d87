"""Claim pages: organization staff submit with a receipt; the caseworker approves or rejects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from sentier.paas.models import ClaimStatus, ExpenseClaim, Placement
from sentier.paas.statements.actions import submit_claim
from sentier.paas.tests.statement_factories import (
    PDF_BYTES,
    grant,
    months_ago,
    opex,
    place,
    receipt,
)


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def placement(personas: dict[str, Any], laval_participant: Any) -> Placement:
    grant(personas, opex(personas))
    return place(personas, laval_participant, opex(personas), months_ago(2))


@pytest.fixture
def claim(personas: dict[str, Any], placement: Placement) -> ExpenseClaim:
    return submit_claim(
        actor=personas["partner_opex"],
        placement=placement,
        month=months_ago(1),
        kind="transport",
        amount_cents=4250,
        receipt=receipt(),
    )


def form_data(placement: Placement, **changes: Any) -> dict[str, Any]:
    data = {
        "placement": str(placement.uuid),
        "month": f"{months_ago(1):%Y-%m}",
        "kind": "transport",
        "amount": "42,50",
        "receipt": receipt(),
    }
    data.update(changes)
    return data


def test_partner_submits_a_claim(client_for: Any, placement: Placement) -> None:
    client = client_for("partner_opex")
    page = client.get(reverse("paas:claim_new"))
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.content.decode()
    response = client.post(reverse("paas:claim_new"), form_data(placement))
    assert response.status_code == 302
    claim = ExpenseClaim.objects.get()
    assert (claim.amount_cents, claim.kind, claim.month) == (4250, "transport", months_ago(1))


def test_a_bad_receipt_is_shown_as_an_error(client_for: Any, placement: Placement) -> None:
    with translation.override("en-ca"):
        address = reverse("paas:claim_new")
    response = client_for("partner_opex").post(
        address, form_data(placement, receipt=receipt("recu.pdf", b"GIF89a", "application/pdf"))
    )
    assert response.status_code == 400
    assert "does not match" in response.content.decode()
    assert not ExpenseClaim.objects.exists()


def test_sorif_cannot_claim_for_opex_placement(client_for: Any, placement: Placement) -> None:
    response = client_for("partner_sorif").post(reverse("paas:claim_new"), form_data(placement))
    assert response.status_code == 403  # SORIF has no placement to claim for
    assert not ExpenseClaim.objects.exists()


def test_the_caseworker_sees_the_claim_to_approve(client_for: Any, claim: ExpenseClaim) -> None:
    body = client_for("caseworker_laval").get(reverse("paas:claim_list")).content.decode()
    assert "Julie Lavoie" in body
    assert reverse("paas:claim_detail", args=[claim.uuid]) in body
    detail = client_for("caseworker_laval").get(reverse("paas:claim_detail", args=[claim.uuid]))
    assert reverse("paas:claim_approve", args=[claim.uuid]) in detail.content.decode()


def test_the_caseworker_approves(client_for: Any, claim: ExpenseClaim) -> None:
    response = client_for("caseworker_laval").post(reverse("paas:claim_approve", args=[claim.uuid]))
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED


def test_rejection_without_reason_is_refused(client_for: Any, claim: ExpenseClaim) -> None:
    response = client_for("caseworker_laval").post(
        reverse("paas:claim_reject", args=[claim.uuid]), {"reason": " "}
    )
    assert response.status_code == 400
    claim.refresh_from_db()
    assert (claim.status, claim.decision_reason, claim.decided_by) == ("submitted", "", None)


def test_rejection_with_a_reason(client_for: Any, claim: ExpenseClaim) -> None:
    client_for("caseworker_laval").post(
        reverse("paas:claim_reject", args=[claim.uuid]), {"reason": "Reçu d’un autre mois"}
    )
    claim.refresh_from_db()
    assert (claim.status, claim.decision_reason) == ("rejected", "Reçu d’un autre mois")


def test_partner_cannot_approve_its_own_claim(client_for: Any, claim: ExpenseClaim) -> None:
    response = client_for("partner_opex").post(reverse("paas:claim_approve", args=[claim.uuid]))
    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED


@pytest.mark.parametrize("who", ["partner_sorif", "caseworker_montreal"])
def test_others_get_404_on_the_claim(client_for: Any, claim: ExpenseClaim, who: str) -> None:
    client = client_for(who)
    for name in ("claim_detail", "claim_receipt"):
        assert client.get(reverse(f"paas:{name}", args=[claim.uuid])).status_code == 404
    assert client.post(reverse("paas:claim_approve", args=[claim.uuid])).status_code == 404
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED


def test_the_receipt_downloads_for_the_caseworker(client_for: Any, claim: ExpenseClaim) -> None:
    response = client_for("caseworker_laval").get(reverse("paas:claim_receipt", args=[claim.uuid]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_opening_the_receipt_is_in_the_person_s_access_log(
    client_for: Any, claim: ExpenseClaim, personas: dict[str, Any]
) -> None:
    from sentier.audit.models import AccessKind, AccessLog

    url = reverse("paas:claim_receipt", args=[claim.uuid])
    assert client_for("caseworker_montreal").get(url).status_code == 404
    assert not AccessLog.objects.exists()  # nothing for a refusal
    response = client_for("caseworker_laval").get(url)
    assert response.status_code == 200
    b"".join(response.streaming_content)
    (row,) = AccessLog.objects.all()
    assert (row.user, row.participant_id, row.kind, row.path) == (
        personas["caseworker_laval"],
        claim.placement.participant_id,
        AccessKind.PAAS_CLAIM_RECEIPT,
        url,
    )


@pytest.mark.parametrize("who", ["caseworker_laval", "partner_opex"])
def test_the_claims_list_logs_the_people_it_names(
    client_for: Any, claim: ExpenseClaim, personas: dict[str, Any], who: str
) -> None:
    from sentier.audit.models import AccessKind, AccessLog

    page = client_for(who).get(reverse("paas:claim_list"))
    assert claim.placement.participant.full_name in page.content.decode()
    rows = AccessLog.objects.filter(kind=AccessKind.PAAS_CLAIMS)
    assert list(rows.values_list("user", "participant")) == [
        (personas[who].pk, claim.placement.participant_id)
    ]
