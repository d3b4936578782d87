"""submit_claim: organization staff (or a caseworker of the region) submit a cost with a receipt."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from sentier.paas.models import ClaimStatus, ExpenseClaim, Placement
from sentier.paas.statements.actions import StatementRefused, submit_claim
from sentier.paas.tests.statement_factories import (
    PDF_BYTES,
    PNG_BYTES,
    grant,
    laval_file,
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


def submit(
    personas: dict[str, Any], placement: Placement, who: str = "partner_opex", **kw: Any
) -> ExpenseClaim:
    values: dict[str, Any] = {
        "month": months_ago(1),
        "kind": "transport",
        "amount_cents": 4250,
        "receipt": receipt(),
    }
    values.update(kw)
    return submit_claim(actor=personas[who], placement=placement, **values)


def test_partner_staff_submit_a_transport_claim(personas: dict[str, Any], placement: Any) -> None:
    claim = submit(personas, placement)
    assert claim.status == ClaimStatus.SUBMITTED
    assert (claim.month, claim.kind, claim.amount_cents) == (months_ago(1), "transport", 4250)
    assert claim.submitted_by == personas["partner_opex"]
    assert claim.receipt.name.endswith(".pdf")
    assert claim.history.count() == 1


def test_caseworker_of_the_region_may_submit(personas: dict[str, Any], placement: Any) -> None:
    claim = submit(personas, placement, who="caseworker_laval", kind="childcare")
    assert claim.kind == "childcare"


def test_a_png_receipt_is_accepted(personas: dict[str, Any], placement: Any) -> None:
    claim = submit(personas, placement, receipt=receipt("ticket.png", PNG_BYTES))
    assert claim.receipt.name.endswith(".png")


@pytest.mark.parametrize("who", ["partner_sorif", "caseworker_montreal", "analyst"])
def test_others_cannot_submit(personas: dict[str, Any], placement: Any, who: str) -> None:
    with pytest.raises(PermissionDenied):
        submit(personas, placement, who=who)
    assert not ExpenseClaim.objects.exists()


def test_the_participant_submits_their_own_claim(personas: dict[str, Any], placement: Any) -> None:
    claim = submit(personas, placement, who="participant", kind="childcare")
    assert (claim.submitted_by, claim.status) == (personas["participant"], ClaimStatus.SUBMITTED)


def test_a_participant_cannot_submit_for_someone_elses_placement(
    personas: dict[str, Any], placement: Any
) -> None:
    other = place(personas, laval_file(personas), opex(personas), months_ago(2))
    with pytest.raises(PermissionDenied):
        submit(personas, other, who="participant")
    assert not ExpenseClaim.objects.exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (("recu.exe", PDF_BYTES, "application/pdf"), "PDF, JPEG or PNG"),
        (("recu.pdf", PDF_BYTES, "text/html"), "PDF, JPEG or PNG"),
        (("recu.pdf", b"<html>not a pdf</html>", "application/pdf"), "does not match"),
        (("recu.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024), "application/pdf"), "5 MB or less"),
    ],
)
def test_bad_receipts_are_refused(
    personas: dict[str, Any], placement: Any, upload: tuple[str, bytes, str], message: str
) -> None:
    with translation.override("en-ca"), pytest.raises(StatementRefused) as refused:
        submit(personas, placement, receipt=receipt(*upload))
    assert message in str(refused.value)
    assert not ExpenseClaim.objects.exists()


def test_a_month_outside_the_placement_is_refused(personas: dict[str, Any], placement: Any) -> None:
    with pytest.raises(StatementRefused):
        submit(personas, placement, month=months_ago(3))
    with pytest.raises(StatementRefused):
        submit(personas, placement, amount_cents=0)
    assert not ExpenseClaim.objects.exists()
