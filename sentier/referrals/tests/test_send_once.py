"""Sending a referral once: the form's one-time key makes a second post (Back, a second click)
show the referral already sent; an open referral to the same organization for the same need is
shown, with a way to it, and another is sent only when the sender ticks that it is separate."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from sentier.outbox.models import OutboxMessage, WebhookEndpoint
from sentier.referrals import actions, selectors
from sentier.referrals.models import Referral, ReferralNotice, ReferralStatus, Side
from sentier.referrals.tests.helpers import consent, opex, sorif
from sentier.referrals.timeline_kinds import ReferralEventKind

pytestmark = pytest.mark.django_db


def url(participant: Any) -> str:
    with translation.override("en-ca"):
        return reverse("referrals:send", args=[participant.uuid])


def hidden(html: str, name: str) -> str:
    found = re.search(rf'<input type="hidden" name="{name}" value="([^"]*)"', html)
    assert found, name
    return found.group(1)


def option_value(html: str, organization: Any) -> str:
    """The first option of ``organization`` on the organization step."""
    for value in re.findall(r'name="choice" id="choice-\d+" value="([^"]+)"', html):
        if value.endswith(str(organization.uuid)) or _service_of(value, organization):
            return str(value)
    raise AssertionError(organization.name)


def _service_of(value: str, organization: Any) -> bool:
    from sentier.network.models import Service

    kind, _, key = value.partition(":")
    return (
        kind == "service" and Service.objects.filter(uuid=key, organization=organization).exists()
    )


def walk_to_confirm(
    client: Client, participant: Any, organization: Any, *, kind: str = "employability"
) -> tuple[dict[str, Any], str]:
    """Open the sending page and answer each step as a caseworker does; the confirm page's
    fields (what its "Send" button posts) and its HTML."""
    first = client.get(url(participant)).content.decode()
    answers: dict[str, Any] = {"send_key": hidden(first, "send_key"), "kind": kind}
    answers["need"] = "Retour en emploi, horaires de jour"
    organizations = client.post(url(participant), {"step": "need", **answers}).content.decode()
    answers["choice"] = option_value(organizations, organization)
    client.post(url(participant), {"step": "organization", **answers})
    answers["categories"] = ["identity"]
    confirm = client.post(url(participant), {"step": "information", **answers})
    assert confirm.status_code == 200
    return {"step": "confirm", **answers}, confirm.content.decode()


def snapshot(participant: Any) -> tuple[int, int, int, int]:
    return (
        Referral.objects.count(),
        OutboxMessage.objects.count(),
        ReferralNotice.objects.count(),
        participant.events.filter(kind=ReferralEventKind.REFERRAL_SENT).count(),
    )


def test_sending_again_after_back_shows_the_referral_already_sent(
    client_for: Any, personas: dict[str, Any], laval_participant: Any
) -> None:
    WebhookEndpoint.objects.create(organization=opex(), url="https://example.org/h", secret="s")
    consent(personas, laval_participant, opex(), ["identity", "program"])
    client = client_for("caseworker_laval")
    fields, _ = walk_to_confirm(client, laval_participant, opex())
    sent = client.post(url(laval_participant), fields)
    referral = Referral.objects.get()
    assert sent["Location"].endswith(f"/referrals/{referral.uuid}/")
    assert str(referral.send_key) == fields["send_key"]
    before = snapshot(laval_participant)
    assert before == (1, 1, 1, 1)
    # Back to the confirm page, and "Send" again: the same referral, nothing new.
    again = client.post(url(laval_participant), fields)
    assert again.status_code == 302
    assert again["Location"] == sent["Location"]
    assert snapshot(laval_participant) == before
    page = client.get(again["Location"]).content.decode()
    assert "was already sent" in page
    # Back further, to an earlier step of the same form: still the referral already sent.
    earlier = client.post(url(laval_participant), {**fields, "step": "information"})
    assert earlier["Location"] == sent["Location"]
    assert snapshot(laval_participant) == before
    # The partner's inbox holds it once.
    inbox = selectors.list_referrals_for_organization(personas["partner_opex"])
    assert list(inbox) == [referral]


def test_the_action_sends_once_per_form_key(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    consent(personas, laval_participant, opex(), ["identity"])
    key = uuid.uuid4()
    kwargs: dict[str, Any] = {
        "actor": personas["caseworker_laval"],
        "participant": laval_participant,
        "organization": opex(),
        "need": "Retour en emploi",
        "categories": ["identity"],
        "send_key": key,
    }
    first = actions.send_referral(**kwargs)
    before = snapshot(laval_participant)
    with pytest.raises(actions.AlreadySent) as raised:
        actions.send_referral(**kwargs)
    assert raised.value.referral == first
    assert snapshot(laval_participant) == before


def test_a_form_key_used_for_another_person_is_refused(
    personas: dict[str, Any], laval_participant: Any, montreal_participant: Any
) -> None:
    consent(personas, laval_participant, opex(), ["identity"])
    key = uuid.uuid4()
    actions.send_referral(
        actor=personas["caseworker_laval"],
        participant=laval_participant,
        organization=opex(),
        need="Retour en emploi",
        categories=["identity"],
        send_key=key,
    )
    before = snapshot(montreal_participant)
    with pytest.raises(ValidationError):
        actions.send_referral(
            actor=personas["admin"],
            participant=montreal_participant,
            organization=opex(),
            need="Retour en emploi",
            categories=["identity"],
            send_key=key,
        )
    assert snapshot(montreal_participant) == before


def test_a_final_post_without_the_form_key_sends_nothing(
    client_for: Any, personas: dict[str, Any], laval_participant: Any
) -> None:
    consent(personas, laval_participant, opex(), ["identity"])
    client = client_for("caseworker_laval")
    fields, _ = walk_to_confirm(client, laval_participant, opex())
    del fields["send_key"]
    response = client.post(url(laval_participant), fields)
    assert response.status_code == 400
    assert "Check the referral and send it again" in response.content.decode()
    assert not Referral.objects.exists()


def test_an_open_referral_for_the_same_need_is_shown_with_a_way_to_it(
    client_for: Any, personas: dict[str, Any], laval_participant: Any
) -> None:
    consent(personas, laval_participant, opex(), ["identity", "program"])
    client = client_for("caseworker_laval")
    fields, _ = walk_to_confirm(client, laval_participant, opex())
    client.post(url(laval_participant), fields)
    first = Referral.objects.get()
    assert first.kind == "employability"
    # A new sending (a new form) for the same need: the organization step says so.
    first_page = client.get(url(laval_participant)).content.decode()
    organizations = client.post(
        url(laval_participant),
        {
            "step": "need",
            "send_key": hidden(first_page, "send_key"),
            "kind": "employability",
            "need": "Autre demande",
        },
    ).content.decode()
    assert "Already referred for this need" in organizations
    assert f'href="/en-ca/referrals/{first.uuid}/"' in organizations
    # …and the confirm step offers to go to it.
    fields, confirm = walk_to_confirm(client, laval_participant, opex())
    assert "An open referral already exists for this need" in confirm
    assert f'href="/en-ca/referrals/{first.uuid}/"' in confirm
    assert 'name="send_anyway"' in confirm
    before = snapshot(laval_participant)
    refused = client.post(url(laval_participant), fields)
    assert refused.status_code == 409
    assert "tick the box to send another one" in refused.content.decode()
    assert snapshot(laval_participant) == before
    # Ticked: a separate request to the same organization is sent, and says beside which one.
    sent = client.post(url(laval_participant), {**fields, "send_anyway": "yes"})
    assert sent.status_code == 302
    second = Referral.objects.exclude(pk=first.pk).get()
    event = laval_participant.events.filter(kind=ReferralEventKind.REFERRAL_SENT).latest("id")
    assert event.data["beside"] == str(first.uuid)
    assert second.status == ReferralStatus.REQUESTED


def test_a_closed_referral_or_another_need_or_organization_is_not_in_the_way(
    client_for: Any, personas: dict[str, Any], laval_participant: Any
) -> None:
    consent(personas, laval_participant, opex(), ["identity"])
    consent(personas, laval_participant, sorif(), ["identity"])
    client = client_for("caseworker_laval")
    fields, _ = walk_to_confirm(client, laval_participant, opex())
    client.post(url(laval_participant), fields)
    first = Referral.objects.get()
    _, other_organization = walk_to_confirm(client, laval_participant, sorif())
    assert "An open referral already exists" not in other_organization
    _, other_need = walk_to_confirm(client, laval_participant, opex(), kind="training")
    assert "An open referral already exists" not in other_need
    actions.transition_referral(
        referral=first,
        to_status=ReferralStatus.CANCELLED,
        side=Side.SENDER,
        actor=personas["caseworker_laval"],
        reason="Erreur de saisie",
    )
    fields, after_cancel = walk_to_confirm(client, laval_participant, opex())
    assert "An open referral already exists" not in after_cancel
    assert client.post(url(laval_participant), fields).status_code == 302
    assert Referral.objects.count() == 2
