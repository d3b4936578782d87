"""The PAAS participant's money and hours, month by month: the allowance paid, reimbursements,
what is pending; their own claim with its receipt (plain form, no JavaScript needed)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from sentier.paas import actions as paas_actions
from sentier.paas.models import ExpenseClaim, Placement
from sentier.paas.selectors import week_start
from sentier.paas.statements import actions as statement_actions
from sentier.paas.tests.statement_factories import (
    generate,
    grant,
    laval_file,
    months_ago,
    opex,
    place,
    receipt,
)

pytestmark = pytest.mark.django_db


def _in_french(text: str) -> str:
    """The page's words whether or not the catalogs already hold them."""
    with translation.override("fr-ca"):
        return gettext(text)


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def placement(personas: dict[str, Any], laval_participant: Any) -> Placement:
    grant(personas, opex(personas))
    return place(personas, laval_participant, opex(personas), months_ago(2))


def test_the_participant_sends_a_childcare_claim_sees_it_pending_then_paid(
    personas: dict[str, Any], placement: Placement, client_for: Any
) -> None:
    client = client_for("participant")
    assert client.get(reverse("paas:my_claim")).status_code == 200
    month = months_ago(1)
    sent = client.post(
        reverse("paas:my_claim"),
        {
            "placement": str(placement.uuid),
            "month": month.strftime("%Y-%m"),
            "kind": "childcare",
            "amount": "42,50",
            "receipt": receipt(),
        },
    )
    assert sent.status_code == 302, sent.content.decode()[:3000]
    claim = ExpenseClaim.objects.get()
    assert (claim.kind, claim.amount_cents, claim.status) == ("childcare", 4250, "submitted")
    page = client.get(reverse("paas:my_money")).content.decode()
    assert _in_french("Pending: waiting for your caseworker") in page
    assert "42,50" in page
    statement_actions.approve_claim(actor=personas["caseworker_laval"], claim=claim)
    statement = generate(personas, opex(personas), month)
    statement_actions.approve_statement(actor=personas["coordinator"], statement=statement)
    page = client.get(reverse("paas:my_money")).content.decode()
    assert _in_french("Paid") in page
    assert _in_french("Pending: waiting for your caseworker") not in page


def test_the_participant_sees_their_own_hours(
    personas: dict[str, Any], placement: Placement, client_for: Any
) -> None:
    week = week_start(months_ago(1)) + dt.timedelta(days=7)
    paas_actions.record_attendance(
        actor=personas["partner_opex"], placement=placement, week_start=week, hours=Decimal(6)
    )
    page = client_for("participant").get(reverse("paas:my_money")).content.decode()
    assert "6.0 h" in page or "6,0 h" in page


def test_bad_input_is_explained_next_to_the_field_and_nothing_is_saved(
    personas: dict[str, Any], placement: Placement, client_for: Any
) -> None:
    refused = client_for("participant").post(
        reverse("paas:my_claim"),
        {
            "placement": str(placement.uuid),
            "month": months_ago(-2).strftime("%Y-%m"),
            "kind": "childcare",
            "amount": "-3",
            "receipt": receipt("recu.exe"),
        },
    )
    assert refused.status_code == 400
    assert not ExpenseClaim.objects.exists()


def test_another_participants_placement_cannot_be_claimed_for(
    personas: dict[str, Any], placement: Placement, client_for: Any
) -> None:
    other = place(personas, laval_file(personas), opex(personas), months_ago(2))
    refused = client_for("participant").post(
        reverse("paas:my_claim"),
        {
            "placement": str(other.uuid),
            "month": months_ago(1).strftime("%Y-%m"),
            "kind": "childcare",
            "amount": "10",
            "receipt": receipt(),
        },
    )
    assert refused.status_code == 400
    assert not ExpenseClaim.objects.exists()


def test_staff_and_people_without_placement_get_404(client_for: Any) -> None:
    assert client_for("caseworker_laval").get(reverse("paas:my_money")).status_code == 404
    assert client_for("participant").get(reverse("paas:my_claim")).status_code == 404
