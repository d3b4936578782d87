"""Once the person withdraws their consent, no surface shows a recipient what it covered.

The consent is recorded, the referrals sent and the service plan shared through the real
actions; each surface is read once before the withdrawal (the data is there) and once after,
through ``withdraw_consent`` (the data is gone, the referral's need and status remain, with a
notice in the reader's language): the partner portal's list and page, the signed link, the
partner API (list and detail), the FHIR bundle, the outbox bodies and e-mails written after the
withdrawal, and the service plan as the party sees it. The same test runs with the settings of
``config.production`` (MFA required, HTTPS behind the proxy), on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    generate_totp_secret,
)
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from sentier.accounts.demo import DEMO_PASSWORD
from sentier.accounts.models import User
from sentier.accounts.tests.totp import current_code
from sentier.consent.actions import record_consent, withdraw_consent
from sentier.consent.models import Channel, Consent, InformationCategory, Purpose, RecipientKind
from sentier.exchange.actions import create_api_key
from sentier.exchange.webhooks import WebhookChannel
from sentier.network.models import Organization
from sentier.outbox.delivery import deliver_due
from sentier.outbox.models import OutboxMessage, WebhookEndpoint
from sentier.participants.actions import update_participant_details
from sentier.participants.models import Participant
from sentier.referrals import actions, notify
from sentier.referrals.models import Referral, ReferralNotice, ReferralStatus, Side
from sentier.referrals.tests.helpers import run_tasks, without_account
from sentier.serviceplans import actions as plan_actions
from sentier.serviceplans.models import InitiatorKind, Party, ServicePlan, Situation

pytestmark = pytest.mark.django_db

# What the person's file says, distinctive enough that finding it anywhere is a leak.
DETAILS = {
    "first_name": "Wilhelmina",
    "last_name": "Zarkovsky",
    "email": "w.zarkovsky@example.org",
    "phone": "450 555-0199",
    "postal_code": "H7N 9Z9",
}
CONSENTED = [InformationCategory.IDENTITY, InformationCategory.PROGRAM]
WITHDRAWN_NOTICE = "Consent withdrawn: the person's information is no longer shared."


def leaks(text: str, participant: Participant) -> list[str]:
    """The withdrawn values found in ``text`` (name, e-mail, phone, postal code, file number)."""
    values = [*DETAILS.values(), participant.file_number, participant.full_name]
    return [value for value in values if value in text]


def signed_in(https_client: Any, user: User) -> Client:
    """Sign in the way people do: e-mail and password, then a TOTP code (an authenticator is
    set up first), so the session has passed MFA whatever the settings require. Requests arrive
    as the TLS proxy forwards them (``https_client``)."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    client: Client = https_client()
    with translation.override("en-ca"):
        login, second_step = reverse("account_login"), reverse("mfa_authenticate")
    response = client.post(login, {"login": user.email, "password": DEMO_PASSWORD})
    assert response.status_code == 302, response.content[:500]
    if response["Location"].endswith(second_step):
        code = current_code(secret)
        response = client.post(second_step, {"code": code})
        assert response.status_code == 302
        assert not response["Location"].endswith(second_step)
    return client


@pytest.fixture(params=["settings", "production"])
def profile(request: pytest.FixtureRequest) -> str:
    """Run once with the test settings and once with those of ``config.production``."""
    if request.param == "production":
        request.getfixturevalue("production_settings")
    return str(request.param)


def delivered_bodies(since: dt.datetime | None = None) -> list[str]:
    """Deliver what is due; the bodies POSTed (of messages written from ``since`` on)."""
    bodies: list[str] = []

    def post(url: str, body: bytes, headers: Mapping[str, str], timeout: float) -> int:
        message = OutboxMessage.objects.get(uuid=headers["Sentier-Delivery"])
        if since is None or message.created_at >= since:
            bodies.append(body.decode("utf-8"))
        return 200

    deliver_due(channels={"webhook": WebhookChannel(post)})
    return bodies


class World:
    """Everything set up before the withdrawal."""

    def __init__(
        self, personas: dict[str, Any], participant: Participant, https_client: Any
    ) -> None:
        self.https_client = https_client
        caseworker = personas["caseworker_laval"]
        self.participant = update_participant_details(
            actor=caseworker, participant=participant, changes=DETAILS
        )
        opex = personas["partner_opex"].organization
        assert isinstance(opex, Organization)
        self.opex = opex
        WebhookEndpoint.objects.create(
            organization=opex, url="https://partner.example/hooks", secret="whsec-test"
        )
        opex.email = "accueil@opex.example"
        opex.save(update_fields=["email"])
        self.comsep = without_account()
        self.api = https_client(
            HTTP_X_API_KEY=create_api_key(
                actor=personas["partner_opex"], organization=opex, name="Logiciel OPEX"
            ).raw
        )
        # A referral OPEX'82 accepted (it stays open after the withdrawal), and one awaiting
        # the answer of an organization without an account (answered through a signed link).
        self.referral_consent = self._consent(caseworker, opex)
        self.referral = self._send(caseworker, opex)
        actions.transition_referral(
            referral=self.referral,
            to_status=ReferralStatus.ACCEPTED,
            side=Side.RECEIVER,
            actor=personas["partner_opex"],
        )
        self.link_consent = self._consent(caseworker, self.comsep)
        self.link_referral = self._send(caseworker, self.comsep)
        notice = ReferralNotice.objects.get(referral=self.link_referral, link__isnull=False)
        assert notice.link is not None
        with translation.override("en-ca"):
            self.link_url = reverse("referrals:link", args=[notify.sign_link(notice.link)])
        # A service plan where OPEX'82 is a party that may see the person's identity and file.
        self.plan, self.party, self.plan_consent = self._plan(personas)

    def _consent(self, caseworker: User, organization: Organization) -> Consent:
        return record_consent(
            actor=caseworker,
            participant=self.participant,
            purpose=Purpose.REFERRAL,
            recipient_kind=RecipientKind.ORGANIZATION,
            recipient_organization=organization,
            categories=CONSENTED,
            channel=Channel.PHONE,
        )

    def _send(self, caseworker: User, organization: Organization) -> Referral:
        return actions.send_referral(
            actor=caseworker,
            participant=self.participant,
            organization=organization,
            need="Accompagnement vers l'emploi",
            categories=CONSENTED,
        )

    def _plan(self, personas: dict[str, Any]) -> tuple[ServicePlan, Party, Consent]:
        caseworker = personas["caseworker_laval"]
        request = plan_actions.request_service_plan(
            actor=caseworker,
            participant=self.participant,
            situations=list(
                Situation.objects.filter(code__in=["major_crisis", "needs_several_services"])
            ),
            reasons="Plusieurs réseaux interviennent sans se parler.",
            initiator_kind=InitiatorKind.MINISTRY,
        )
        plan = plan_actions.approve_request(actor=personas["coordinator"], request=request)
        plan = plan_actions.record_agreement(
            actor=caseworker, plan=plan, agrees=True, on=timezone.localdate(), channel="in_person"
        )
        party = plan_actions.add_party(
            actor=personas["coordinator"], plan=plan, organization=self.opex
        )
        consent = plan_actions.record_party_consent(
            actor=caseworker,
            party=party,
            categories=[*CONSENTED, InformationCategory.PLAN],
            channel=Channel.IN_PERSON,
        )
        return plan, party, consent

    def pages(self, partner: Client, staff: Client) -> dict[str, tuple[int, str]]:
        """Every surface a recipient reads, as (status, text)."""
        with translation.override("en-ca"):
            urls = {
                "portal list": (partner, reverse("referrals:inbox")),
                "portal page": (
                    partner,
                    reverse("referrals:inbox_detail", args=[self.referral.uuid]),
                ),
                "signed link": (self.https_client(), self.link_url),
                "service plan (party)": (
                    partner,
                    reverse("serviceplans:plan", args=[self.plan.uuid]),
                ),
                "service plan (as the party sees it)": (
                    staff,
                    reverse("serviceplans:party_view", args=[self.plan.uuid, self.party.uuid]),
                ),
            }
        found = {}
        for name, (client, url) in urls.items():
            response = client.get(url)
            found[name] = (response.status_code, response.content.decode())
        for name, url in {
            "API list": "/api/v1/referrals",
            "API detail": f"/api/v1/referrals/{self.referral.uuid}",
            "FHIR bundle": f"/api/v1/referrals/{self.referral.uuid}/fhir",
        }.items():
            response = self.api.get(url, HTTP_ACCEPT_LANGUAGE="en-ca")
            found[name] = (response.status_code, response.content.decode())
        return found


def test_after_withdrawal_no_surface_shows_what_the_consent_covered(
    personas: dict[str, Any], laval_participant: Participant, profile: str, https_client: Any
) -> None:
    world = World(personas, laval_participant, https_client)
    partner = signed_in(https_client, personas["partner_opex"])
    staff = signed_in(https_client, personas["caseworker_laval"])

    before = world.pages(partner, staff)
    assert {name: status for name, (status, _) in before.items()} == dict.fromkeys(before, 200)
    for name in ("portal page", "signed link", "API detail"):
        assert set(leaks(before[name][1], world.participant)) >= {
            *DETAILS.values(),
            world.participant.file_number,
        }, name
    for name in ("portal list", "FHIR bundle", "service plan (party)"):
        assert DETAILS["last_name"] in before[name][1], name
    assert any(DETAILS["email"] in body for body in delivered_bodies())  # sent while consented
    run_tasks()

    mail.outbox.clear()
    withdrawn_at = timezone.now()
    for consent in (world.referral_consent, world.link_consent, world.plan_consent):
        withdraw_consent(actor=personas["participant"], consent=consent, channel=Channel.ONLINE)
    # The organization keeps working on the referral it accepted: what it writes leaves too.
    response = world.api.post(
        f"/api/v1/referrals/{world.referral.uuid}/status",
        {"status": "in_progress"},
        content_type="application/json",
    )
    assert response.status_code == 200

    after = world.pages(partner, staff)
    for name, (_, text) in after.items():
        assert leaks(text, world.participant) == [], name
    statuses = {name: status for name, (status, _) in after.items()}
    assert statuses == {**dict.fromkeys(after, 200), "signed link": 410}
    # What remains is what tells a referral exists, and why there is nothing more.
    portal_page = after["portal page"][1]
    assert "Accompagnement vers l" in portal_page
    for name in ("portal page", "portal list", "service plan (party)"):
        assert escape(WITHDRAWN_NOTICE) in after[name][1], name
    assert escape(WITHDRAWN_NOTICE) in after["service plan (as the party sees it)"][1]
    detail = json.loads(after["API detail"][1])
    assert detail["status"] == ReferralStatus.IN_PROGRESS
    assert detail["need"] == "Accompagnement vers l'emploi"
    assert detail["shared"]["categories"] == []
    assert detail["shared"]["notice"] == WITHDRAWN_NOTICE
    assert set(detail["shared"]) == {"need", "categories", "notice"}
    bundle = json.loads(after["FHIR bundle"][1])
    assert "Patient" not in {entry["resource"]["resourceType"] for entry in bundle["entry"]}

    bodies = delivered_bodies(since=withdrawn_at)
    assert bodies  # the withdrawal and the organization's answer did leave
    written = OutboxMessage.objects.filter(created_at__gte=withdrawn_at)
    for text in [*bodies, *(json.dumps(m.payload, ensure_ascii=False) for m in written)]:
        assert leaks(text, world.participant) == []
    assert run_tasks() >= 2
    assert {to for m in mail.outbox for to in m.to} >= {"accueil@opex.example", world.comsep.email}
    for message in mail.outbox:
        assert leaks(f"{message.subject}\n{message.body}", world.participant) == []


def test_an_expired_consent_shares_nothing_through_the_signed_link(
    personas: dict[str, Any], laval_participant: Participant, https_client: Any
) -> None:
    """No withdrawal: the consent reached its end date while the referral awaited an answer."""
    caseworker = personas["caseworker_laval"]
    participant = update_participant_details(
        actor=caseworker, participant=laval_participant, changes=DETAILS
    )
    now = timezone.now()
    organization = without_account()
    record_consent(
        actor=caseworker,
        participant=participant,
        purpose=Purpose.REFERRAL,
        recipient_kind=RecipientKind.ORGANIZATION,
        recipient_organization=organization,
        categories=CONSENTED,
        channel=Channel.PHONE,
        expires_on=timezone.localdate(now) - dt.timedelta(days=1),
        at=now - dt.timedelta(days=10),
    )
    referral = actions.send_referral(
        actor=caseworker,
        participant=participant,
        organization=organization,
        need="Accompagnement vers l'emploi",
        categories=CONSENTED,
        at=now - dt.timedelta(days=5),
    )
    notice = ReferralNotice.objects.get(referral=referral, link__isnull=False)
    assert notice.link is not None
    with translation.override("en-ca"):
        url = reverse("referrals:link", args=[notify.sign_link(notice.link)])
    response = https_client().get(url)
    assert response.status_code == 200  # still awaiting an answer: the organization may answer
    page = response.content.decode()
    assert leaks(page, participant) == []
    assert escape("Consent expired: the person's information is no longer shared.") in page
    assert "Accompagnement vers l" in page
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.REQUESTED
