"""The invitation to call for a personalized support plan goes only to a person the rules offer
it to on that date (001: residents of the pilot regions, PAS/PRB/PSS, not ASM-2 or ASM-5
holders); anyone else reads why, and what is available to them (issue 16)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from sentier.participants.models import Participant
from sentier.plans import selectors
from sentier.reference.models import Program, Region

pytestmark = pytest.mark.django_db

INVITATION = "To ask for one, call 1 877 767-8773"
NOT_OFFERED = "The personalized support plan is not offered to you at this time."


def _pages(client_for: Any) -> list[str]:
    client = client_for("participant")
    return [
        client.get(reverse(name).replace("/fr-ca/", "/en-ca/", 1)).content.decode()
        for name in ("plans:my_plan", "participants:my_file")
    ]


def _with(participant: Participant, **facts: Any) -> None:
    Participant.objects.filter(pk=participant.pk).update(**facts)


def test_a_laval_pas_recipient_is_invited(client_for: Any, laval_participant: Any) -> None:
    assert selectors.current_plan_for(laval_participant) is None
    for page in _pages(client_for):
        assert INVITATION in page
        assert NOT_OFFERED not in page


@pytest.mark.parametrize(
    ("facts", "reason"),
    [
        ({"claim_booklet": "ASM-2"}, "ASM-2"),
        ({"claim_booklet": "ASM-5"}, "ASM-5"),
        ({"region": "06"}, "Montréal"),
        ({"program": "POE"}, "POE"),
    ],
)
def test_no_invitation_where_the_plan_is_not_offered(
    client_for: Any, laval_participant: Any, facts: dict[str, str], reason: str
) -> None:
    if "region" in facts:
        facts = {"region": Region.objects.get(code=facts["region"])}  # type: ignore[dict-item]
    if "program" in facts:
        facts = {"program": Program.objects.get(code=facts["program"])}  # type: ignore[dict-item]
    _with(laval_participant, **facts)
    offer = selectors.support_plan_offer(Participant.objects.get(pk=laval_participant.pk))
    assert not offer.offered
    assert offer.reason is not None
    assert offer.paas_action  # 002 excludes no booklet, region or listed program
    for page in _pages(client_for):
        assert INVITATION not in page
        assert NOT_OFFERED in page
        assert "What is available to you:" in page
        assert "PAAS Action" in page
        assert reverse("network:directory").replace("/fr-ca/", "/en-ca/", 1) in page


def test_outside_the_pilot_regions_no_service_plan_is_promised(
    client_for: Any, laval_participant: Any
) -> None:
    _with(laval_participant, region=Region.objects.get(code="06"))
    offer = selectors.support_plan_offer(Participant.objects.get(pk=laval_participant.pk))
    assert not offer.service_plan
    for page in _pages(client_for):
        assert "Your caseworker can propose a service plan" not in page
