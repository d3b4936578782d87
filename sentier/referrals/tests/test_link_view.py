"""The signed link of an organization without an account: one referral, once, until it expires;
tampered, reused and expired links get a clear page, never a 500."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from sentier.referrals import notify
from sentier.referrals.models import Referral, ReferralLink, ReferralStatus, Side
from sentier.referrals.tests.helpers import mails_to, run_tasks, send, without_account

pytestmark = pytest.mark.django_db


@pytest.fixture
def referral(personas: dict[str, Any], laval_participant: Any) -> Referral:
    return send(personas, laval_participant, without_account())


def link_url(referral: Referral) -> str:
    link = ReferralLink.objects.get(referral=referral)
    with translation.override("en-ca"):
        return reverse("referrals:link", kwargs={"token": notify.sign_link(link)})


def test_the_link_is_e_mailed_to_the_organization(referral: Referral) -> None:
    run_tasks()
    (message,) = mails_to(referral.organization.email)
    assert "/answer/" in message.body
    assert referral.participant.last_name not in message.body


def test_the_page_shows_only_the_consented_data(client: Any, referral: Referral) -> None:
    page = client.get(link_url(referral)).content.decode()
    assert referral.participant.last_name in page  # identity was consented and sent
    assert referral.participant.file_number not in page  # program was consented, not sent


def test_opening_the_link_is_in_the_person_s_access_log(client: Any, referral: Referral) -> None:
    from sentier.audit.models import AccessKind, AccessLog

    client.get(link_url(referral))
    (row,) = AccessLog.objects.filter(participant=referral.participant, user=None)
    assert row.visitor == referral.organization.name
    assert row.kind == AccessKind.REFERRAL_LINK


def test_declining_needs_a_reason_then_works_once(client: Any, referral: Referral) -> None:
    url = link_url(referral)
    refused = client.post(url, {"answer": "rejected", "reason": ""})
    assert refused.status_code == 400
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.REQUESTED
    done = client.post(url, {"answer": "rejected", "reason": "Plus de place"})
    assert done.status_code == 200
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.REJECTED
    assert referral.status_reason == "Plus de place"
    last = referral.transitions.last()
    assert last is not None
    assert last.side == Side.RECEIVER
    assert last.actor is None
    again = client.post(url, {"answer": "accepted"})
    assert again.status_code == 410
    assert client.get(url).status_code == 410
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.REJECTED


def test_a_tampered_link_is_refused(client: Any, referral: Referral) -> None:
    url = link_url(referral)
    tampered = url[:-3] + ("AAA" if not url.endswith("AAA/") else "BBB") + "/"
    for address in (tampered, "/en-ca/referrals/answer/%00/", "/en-ca/referrals/answer/x:y:z/"):
        response = client.get(address)
        assert response.status_code == 400
        assert "not valid" in response.content.decode()
    assert client.post(tampered, {"answer": "accepted"}).status_code == 400
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.REQUESTED


def test_an_expired_link_is_refused(client: Any, referral: Referral) -> None:
    url = link_url(referral)
    ReferralLink.objects.filter(referral=referral).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    response = client.post(url, {"answer": "accepted"})
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.REQUESTED


def test_a_link_signed_too_long_ago_is_expired(referral: Referral, settings: Any) -> None:
    link = ReferralLink.objects.get(referral=referral)
    token = notify.sign_link(link)
    settings.SENTIER_REFERRAL_LINK_DAYS = -2
    with pytest.raises(notify.LinkProblem) as problem:
        notify.check_link(token)
    assert problem.value.kind == "expired"


def test_a_link_to_a_cancelled_referral_says_so(
    client: Any, referral: Referral, personas: dict[str, Any]
) -> None:
    from sentier.referrals.actions import transition_referral

    url = link_url(referral)
    transition_referral(
        referral=referral,
        to_status=ReferralStatus.CANCELLED,
        side=Side.SENDER,
        actor=personas["caseworker_laval"],
        reason="Erreur",
    )
    response = client.get(url)
    assert response.status_code == 410
    assert "no longer awaits" in response.content.decode()


def test_an_organization_with_accounts_gets_no_link(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    from sentier.referrals.tests.helpers import opex

    referral = send(personas, laval_participant, opex())
    assert not ReferralLink.objects.filter(referral=referral).exists()
