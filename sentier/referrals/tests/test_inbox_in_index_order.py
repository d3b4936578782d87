"""The partner's inbox read in two parts in index order (``first_referrals_for_organization``):
the same referrals in the same order as the single sorted list it replaces, late answers first,
for every status filter and every page length, and the same page and access log."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from sentier.audit.models import AccessLog
from sentier.network.models import Organization
from sentier.participants.models import Participant
from sentier.referrals import actions, selectors
from sentier.referrals.models import Referral, ReferralStatus
from sentier.referrals.tests.helpers import opex, send
from sentier.site.tests.test_pages_markup_unchanged import unmasked

pytestmark = pytest.mark.django_db


@pytest.fixture
def spread(personas: dict[str, Any], laval_participant: Participant) -> Organization:
    """Referrals to OPEX in every status, late and not, some sent at the same instant (the id
    decides), one never sent but no longer a draft, and a draft."""
    organization = opex()
    now = timezone.now()
    sent = [send(personas, laval_participant, organization, at=now)] + [
        actions.send_referral(
            actor=personas["caseworker_laval"],
            participant=laval_participant,
            organization=organization,
            need="Accompagnement vers l'emploi",
            categories=["identity"],
            at=now,
            send_anyway=True,
        )
        for _ in range(11)
    ]
    statuses = [
        ReferralStatus.REQUESTED,
        ReferralStatus.REQUESTED,
        ReferralStatus.ACCEPTED,
        ReferralStatus.REQUESTED,
        ReferralStatus.COMPLETED,
        ReferralStatus.REJECTED,
        ReferralStatus.REQUESTED,
        ReferralStatus.IN_PROGRESS,
        ReferralStatus.REQUESTED,
        ReferralStatus.DRAFT,
        ReferralStatus.REQUESTED,
        ReferralStatus.ACCEPTED,
    ]
    ages = [40, 40, 40, 3, 3, 90, 12, 1, 40, 2, 0, 40]  # days; 40 twice for a tie on the date
    for referral, status, age in zip(sent, statuses, ages, strict=True):
        Referral.objects.filter(pk=referral.pk).update(
            status=status, sent_at=now - dt.timedelta(days=age)
        )
    Referral.objects.filter(pk=sent[10].pk).update(sent_at=None)  # requested, never sent
    return organization


def overdue(referral: Any) -> Any:
    """The selector's annotation: 1 for a late answer, 0 for any other."""
    return referral.overdue


def statuses() -> list[str]:
    return ["", *ReferralStatus.values]


@pytest.mark.parametrize("status", statuses())
def test_the_same_referrals_in_the_same_order_for_every_length(
    personas: dict[str, Any], spread: Organization, status: str
) -> None:
    partner = personas["partner_opex"]
    now = timezone.now()
    whole = list(selectors.list_referrals_for_organization(partner, status=status, now=now))
    if not status:
        assert len(whole) >= 11
        assert any(overdue(r) for r in whole)
        assert any(not overdue(r) for r in whole)
        assert any(r.sent_at is None for r in whole)
    for limit in range(len(whole) + 2):
        old = list(
            selectors.list_referrals_for_organization(partner, status=status, now=now)[:limit]
        )
        new = selectors.first_referrals_for_organization(
            partner, status=status, limit=limit, now=now
        )
        assert [(r.pk, overdue(r)) for r in new] == [(r.pk, overdue(r)) for r in old]
        assert [r.participant.full_name for r in new] == [r.participant.full_name for r in old]
        assert [r.service_id for r in new] == [r.service_id for r in old]


@pytest.mark.parametrize("language", ["fr-ca", "en-ca"])
@pytest.mark.parametrize("query", ["", "?status=requested", "?status=accepted"])
def test_the_inbox_page_and_its_access_log_are_as_before(
    client_for: Any,
    spread: Organization,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    query: str,
) -> None:
    with translation.override(language):
        url = reverse("referrals:inbox") + query
    client = client_for("partner_opex")

    def page() -> tuple[str, list[tuple[Any, ...]]]:
        last = AccessLog.objects.order_by("-id").values_list("id", flat=True).first() or 0
        html = client.get(url).content.decode()
        logged = (
            AccessLog.objects.filter(id__gt=last)
            .order_by("id")
            .values_list(
                "user_id", "participant_id", "kind", "what", "affiliation", "channel", "path"
            )
        )
        return html, list(logged)

    new = page()
    monkeypatch.setattr(
        selectors,
        "first_referrals_for_organization",
        lambda user, *, limit, status="", now=None: list(
            selectors.list_referrals_for_organization(user, status=status, now=now)[:limit]
        ),
    )
    old = page()
    assert unmasked(new[0]) == unmasked(old[0])
    assert new[1] == old[1]
    assert len(new[1]) > 0
