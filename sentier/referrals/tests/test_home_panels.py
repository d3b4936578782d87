"""Home panels: partner staff see how many referrals await their answer; the sender sees news
of expired referrals."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from sentier.referrals.deadlines import run_deadlines
from sentier.referrals.tests.helpers import opex, send

pytestmark = pytest.mark.django_db


def test_partner_home_counts_pending_referrals_of_their_organization_only(
    client_for: Any, personas: dict[str, Any], laval_participant: Any
) -> None:
    send(personas, laval_participant, opex())
    send(personas, laval_participant, opex())
    opex_home = client_for("partner_opex").get("/en-ca/").content.decode()
    assert "2 referrals await your answer." in opex_home
    sorif_home = client_for("partner_sorif").get("/en-ca/").content.decode()
    assert "0 referrals await your answer." in sorif_home


def test_the_sender_sees_an_expired_referral_on_their_home_page(
    client_for: Any, personas: dict[str, Any], laval_participant: Any
) -> None:
    sent_at = timezone.now() - dt.timedelta(days=40)
    referral = send(personas, laval_participant, opex(), at=sent_at)
    assert (
        "News of my referrals" not in client_for("caseworker_laval").get("/en-ca/").content.decode()
    )
    run_deadlines(now=timezone.now())
    home = client_for("caseworker_laval").get("/en-ca/").content.decode()
    assert "expired without an answer" in home
    assert f"/referrals/{referral.uuid}/" in home
    sent_page = client_for("caseworker_laval").get("/en-ca/referrals/sent/").content.decode()
    assert "expired without an answer" in sent_page
    assert (
        "News of my referrals"
        not in client_for("caseworker_montreal").get("/en-ca/").content.decode()
    )


def test_my_file_shows_my_consents_and_referrals(
    client_for: Any, personas: dict[str, Any], laval_participant: Any
) -> None:
    send(personas, laval_participant, opex())
    page = client_for("participant").get("/en-ca/participants/me/").content.decode()
    assert "My consents" in page
    assert "My referrals" in page
