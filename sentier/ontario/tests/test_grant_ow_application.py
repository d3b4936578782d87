"""Granting Ontario Works: the Employment Ontario fast track at grant time, or the common
assessment; only consented data leaves; benefits untouched; units and areas respected."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from sentier.consent.models import Consent, Purpose
from sentier.consent.timeline_kinds import ConsentEventKind
from sentier.decisions.timeline_kinds import DecisionEventKind
from sentier.intake.actions import start_application
from sentier.intake.models import Channel
from sentier.ontario import actions
from sentier.ontario.models import CommonAssessment, OWApplication, Route
from sentier.ontario.tests.helpers import ow_of, send_application
from sentier.ontario.timeline_kinds import OntarioEventKind
from sentier.outbox.models import OutboxMessage
from sentier.participants.models import FileStatus, Participant, TimelineEvent
from sentier.referrals.models import Referral


def grant(ontario: dict[str, Any], application: Any) -> OWApplication:
    return actions.grant_ow_application(actor=ontario["wendy"], ow_application=ow_of(application))


def test_ready_online_applicant_who_consented_is_referred_to_employment_ontario_at_grant(
    ontario: dict[str, Any],
) -> None:
    application = send_application(Client())
    ow = ow_of(application)
    assert ow.eo_consent == "given"
    assert not Referral.objects.exists()  # nothing before the grant

    ow = grant(ontario, application)

    assert ow.route == Route.EMPLOYMENT_ONTARIO
    referral = Referral.objects.get()
    assert ow.referral == referral
    assert referral.purpose == Purpose.EMPLOYMENT_ONTARIO
    assert referral.organization.slug == "employment-ontario"
    message = OutboxMessage.objects.get(channel="employment_ontario")
    assert message.referral == referral
    assert message.consent == referral.consent
    assert message.topic == "employment_ontario.referral"
    kinds = set(
        TimelineEvent.objects.filter(participant=ow.participant).values_list("kind", flat=True)
    )
    assert {OntarioEventKind.EMPLOYMENT_ONTARIO_REFERRAL, ConsentEventKind.CONSENT_GIVEN} <= kinds
    assert not CommonAssessment.objects.exists()


def test_the_referral_carries_only_the_consented_categories(ontario: dict[str, Any]) -> None:
    application = send_application(Client())
    ow = grant(ontario, application)
    referral = Referral.objects.get()
    consent = Consent.objects.get(participant=ow.participant)
    assert sorted(referral.categories) == sorted(consent.categories)
    assert sorted(consent.categories) == ["employment", "identity", "program"]
    message = OutboxMessage.objects.get(channel="employment_ontario")
    for payload in (referral.payload, message.payload):
        # Household, address and date of birth were not consented: they are absent.
        assert "situation" not in payload
        assert "birth_date" not in str(payload)
        assert "100 Queen St W" not in str(payload)
    assert message.payload["employment"] == {"employment_ready": True}
    assert message.payload["identity"]["last_name"] == "Singh"


def test_benefits_are_the_same_whether_referred_or_not(ontario: dict[str, Any]) -> None:
    referred = grant(ontario, send_application(Client())).participant
    not_referred = grant(ontario, send_application(Client(), consent=False)).participant
    fields = ("status", "program_id", "region_id", "household_type", "adults", "children")
    for person in (referred, not_referred):
        person.refresh_from_db()
    assert [getattr(referred, f) for f in fields] == [getattr(not_referred, f) for f in fields]
    assert referred.status == FileStatus.ACTIVE
    # The referral writes no eligibility decision and no amount: only the grant's own event.
    decisions = TimelineEvent.objects.filter(
        kind__in=[DecisionEventKind.DECISION, OntarioEventKind.OW_GRANTED]
    )
    assert decisions.filter(participant=referred).count() == 1
    assert decisions.filter(participant=not_referred).count() == 1


def test_without_consent_no_referral_the_reason_is_recorded_and_the_grant_goes_on(
    ontario: dict[str, Any],
) -> None:
    application = send_application(Client(), consent=False)
    ow = grant(ontario, application)
    assert ow.status == "granted"
    assert ow.route == Route.COMMON_ASSESSMENT
    assert ow.route_reason == "no_consent"
    assert not Referral.objects.exists()
    assert not OutboxMessage.objects.exists()
    assert not Consent.objects.exists()
    assessment = CommonAssessment.objects.get()
    assert assessment.why == "no_consent"
    assert Participant.objects.get(pk=ow.participant_id).status == FileStatus.ACTIVE


def test_first_nations_site_goes_to_the_local_office_even_when_ready_and_consenting(
    ontario: dict[str, Any],
) -> None:
    application = send_application(Client(), first_nations_site=True)
    assert application.participant is not None
    assert application.participant.first_nations_site
    ow = grant(ontario, application)
    assert ow.route == Route.COMMON_ASSESSMENT
    assert ow.route_reason == "first_nations_site"
    assert not Referral.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_not_ready_goes_to_the_common_assessment(ontario: dict[str, Any]) -> None:
    ow = grant(ontario, send_application(Client(), ready=False))
    assert ow.route == Route.COMMON_ASSESSMENT
    assert ow.route_reason == "not_employment_ready"
    assert not Referral.objects.exists()


def test_phone_application_is_not_fast_tracked(ontario: dict[str, Any]) -> None:
    client = Client()
    client.force_login(ontario["tara"])
    draft = start_application(channel=Channel.PHONE, entered_by=ontario["tara"])
    ow = grant(ontario, send_application(client, application=draft))
    assert ow.channel == "phone"
    assert ow.route == Route.COMMON_ASSESSMENT
    assert ow.route_reason == "channel_not_covered"
    assert not Referral.objects.exists()


@pytest.mark.parametrize("who", ["tara", "omar", "iris", "chris"])
def test_others_cannot_grant_and_nothing_changes(ontario: dict[str, Any], who: str) -> None:
    """The local office of the person's area (it takes the case after the grant, 004 Q3),
    Ottawa's caseworker, the ODSP intake unit, a coordinator."""
    ow = ow_of(send_application(Client()))
    events = TimelineEvent.objects.count()
    with pytest.raises(PermissionDenied):
        actions.grant_ow_application(actor=ontario[who], ow_application=ow)
    ow.refresh_from_db()
    assert ow.status == "pending"
    assert ow.route == ""
    assert TimelineEvent.objects.count() == events
    assert not Referral.objects.exists()
    assert not CommonAssessment.objects.exists()


def test_granting_twice_is_refused_and_sends_nothing_more(ontario: dict[str, Any]) -> None:
    ow = grant(ontario, send_application(Client()))
    with pytest.raises(ValidationError):
        actions.grant_ow_application(actor=ontario["wendy"], ow_application=ow)
    assert Referral.objects.count() == 1
    assert OutboxMessage.objects.filter(channel="employment_ontario").count() == 1


def test_a_withdrawn_consent_means_no_referral(ontario: dict[str, Any]) -> None:
    from sentier.consent.actions import withdraw_consent
    from sentier.consent.models import Channel as ConsentChannel

    application = send_application(Client())
    consent = Consent.objects.get()
    withdraw_consent(actor=ontario["wendy"], consent=consent, channel=ConsentChannel.PHONE)
    ow = grant(ontario, application)
    assert ow.route_reason == "no_consent"
    assert not Referral.objects.exists()


def test_an_applicant_with_an_account_records_the_consent_themselves(
    ontario: dict[str, Any],
) -> None:
    client = Client()
    client.force_login(ontario["applicant"])
    send_application(client)
    consent = Consent.objects.get()
    assert consent.recorded_by == ontario["applicant"]
    assert consent.channel == "online"
    assert consent.recipient_organization is not None


def test_the_intake_units_assignment_ends_with_the_transfer(
    ontario: dict[str, Any],
) -> None:
    """The local office hands out the transferred case: nobody holds it at first."""
    from sentier.ontario.assignment import assign_ow_application

    application = send_application(Client(), ready=False)
    assign_ow_application(
        actor=ontario["wendy"], ow_application=ow_of(application), assignee=ontario["wendy"]
    )
    ow = grant(ontario, application)
    ow.refresh_from_db()
    assert ow.assigned_to is None
    assert ow.transferred_at == ow.granted_at
    assert CommonAssessment.objects.get(ow_application=ow).assigned_to is None
