"""The consent pages: one unticked choice per purpose, the exact text stored, "My consents",
withdrawal by the person and recorded by the caseworker."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from sentier.audit.models import AccessKind, AccessLog
from sentier.consent.actions import record_consent
from sentier.consent.models import Channel, Consent, Purpose, RecipientKind
from sentier.network.models import Organization

pytestmark = pytest.mark.django_db


def en(name: str, *args: Any) -> str:
    with translation.override("en-ca"):
        return reverse(name, args=args)


def sorif() -> Organization:
    return Organization.objects.get(name="SORIF")


def choices(**extra: Any) -> dict[str, Any]:
    return {
        "recipient_organization": str(sorif().uuid),
        "categories": ["identity", "employment"],
        **extra,
    }


def test_the_person_gives_a_consent_online_and_the_text_shown_is_stored(
    client_for: Any, laval_participant: Any
) -> None:
    client = client_for("participant")
    first = client.get(en("consent:give", "referral")).content.decode()
    assert "checked" not in first
    second = client.post(en("consent:give", "referral"), {"step": "choose", **choices()})
    assert second.status_code == 200
    page = second.content.decode()
    assert "SORIF" in page
    assert 'name="agree"' in page
    assert "checked" not in page.split('name="agree"')[1].split(">")[0]
    assert not Consent.objects.exists()
    version = page.split('name="version" value="')[1].split('"')[0]
    done = client.post(
        en("consent:give", "referral"),
        {"step": "agree", "version": version, "agree": "on", **choices()},
    )
    assert done.status_code == 302
    consent = Consent.objects.get()
    assert consent.channel == Channel.ONLINE
    assert consent.recorded_by is not None
    assert consent.recorded_by.pk == laval_participant.user_id
    assert consent.categories == ["identity", "employment"]
    assert consent.text_shown in page.replace("&#x27;", "'").replace("&quot;", '"') or (
        "SORIF" in consent.text_shown and consent.language == "en-ca"
    )


def test_without_the_box_ticked_nothing_is_recorded(
    client_for: Any, laval_participant: Any
) -> None:
    response = client_for("participant").post(
        en("consent:give", "referral"), {"step": "agree", "version": "x", **choices()}
    )
    assert response.status_code == 400
    assert not Consent.objects.exists()


def test_no_category_and_no_organization_are_refused_next_to_the_field(
    client_for: Any, laval_participant: Any
) -> None:
    response = client_for("participant").post(
        en("consent:give", "referral"),
        {"step": "choose", "recipient_organization": "not-a-uuid", "expires_on": "31/31/2026"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "id_categories_error" in body
    assert "id_expires_on_error" in body
    assert 'value="31/31/2026"' in body
    assert not Consent.objects.exists()


@pytest.mark.parametrize(
    ("days", "message"),
    [
        (366, "A consent lasts at most 365 days."),
        (0, "The end date must be after today."),
        (-1, "The end date must be after today."),
    ],
)
def test_an_end_date_beyond_the_limit_is_refused_before_the_person_is_asked_to_agree(
    client_for: Any, laval_participant: Any, settings: Any, days: int, message: str
) -> None:
    settings.SENTIER_CONSENT_DAYS = 365
    end = timezone.localdate() + dt.timedelta(days=days)
    response = client_for("participant").post(
        en("consent:give", "referral"),
        {"step": "choose", "expires_on": end.isoformat(), **choices()},
    )
    assert response.status_code == 400
    with translation.override("en-ca"):
        assert response.context["form"].errors["expires_on"] == [message]
    assert 'name="agree"' not in response.content.decode()  # still the first step
    assert not Consent.objects.exists()


@pytest.mark.parametrize("end", ["9999-12-31", "0001-01-01"])
def test_a_far_end_date_is_refused_at_the_first_step(
    client_for: Any, laval_participant: Any, end: str
) -> None:
    response = client_for("participant").post(
        en("consent:give", "referral"), {"step": "choose", "expires_on": end, **choices()}
    )
    assert response.status_code == 400
    assert 'name="agree"' not in response.content.decode()


def test_the_last_day_allowed_goes_on_to_the_text(
    client_for: Any, laval_participant: Any, settings: Any
) -> None:
    end = timezone.localdate() + dt.timedelta(days=settings.SENTIER_CONSENT_DAYS)
    response = client_for("participant").post(
        en("consent:give", "referral"),
        {"step": "choose", "expires_on": end.isoformat(), **choices()},
    )
    assert response.status_code == 200
    assert 'name="agree"' in response.content.decode()


def test_an_unknown_purpose_is_a_404(client_for: Any, laval_participant: Any) -> None:
    assert client_for("participant").get(en("consent:give", "nothing")).status_code == 404
    assert (
        client_for("participant").get(en("consent:give", "employment_ontario")).status_code == 404
    )


def test_the_caseworker_records_a_phone_consent(
    client_for: Any, laval_participant: Any, personas: dict[str, Any]
) -> None:
    client = client_for("caseworker_laval")
    url = en("consent:record", laval_participant.uuid, "referral") + f"?organization={sorif().uuid}"
    assert str(sorif().uuid) in client.get(url).content.decode()
    page = client.post(url, {"step": "choose", **choices()}).content.decode()
    version = page.split('name="version" value="')[1].split('"')[0]
    missing_channel = client.post(
        url, {"step": "agree", "version": version, "agree": "on", **choices()}
    )
    assert missing_channel.status_code == 400
    assert not Consent.objects.exists()
    done = client.post(
        url, {"step": "agree", "version": version, "agree": "on", "channel": "phone", **choices()}
    )
    assert done.status_code == 302
    consent = Consent.objects.get()
    assert (consent.channel, consent.recorded_by) == (Channel.PHONE, personas["caseworker_laval"])
    assert consent.language == laval_participant.preferred_language


@pytest.mark.parametrize("persona", ["caseworker_montreal", "partner_sorif", "participant"])
def test_others_cannot_record_for_the_file(
    client_for: Any, laval_participant: Any, persona: str
) -> None:
    url = en("consent:record", laval_participant.uuid, "referral")
    response = client_for(persona).post(
        url, {"step": "agree", "version": "x", "agree": "on", "channel": "phone", **choices()}
    )
    assert response.status_code == 404
    assert not Consent.objects.exists()


@pytest.fixture
def given(personas: dict[str, Any], laval_participant: Any) -> Consent:
    return record_consent(
        actor=personas["participant"],
        participant=laval_participant,
        purpose=Purpose.REFERRAL,
        recipient_kind=RecipientKind.ORGANIZATION,
        recipient_organization=sorif(),
        categories=["identity"],
        channel=Channel.ONLINE,
    )


def test_my_consents_lists_who_sees_what_until_when(
    client_for: Any, given: Consent, personas: dict[str, Any], laval_participant: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for("participant")
    with CaptureQueriesContext(connection) as one:
        page = client.get(en("consent:mine")).content.decode()
    assert "SORIF" in page
    assert "Name, language and contact details" in page
    assert en("consent:withdraw", given.uuid) in page
    for slug in ("comsep-emploi", "groupe-profit", "sorif"):
        record_consent(
            actor=personas["participant"],
            participant=laval_participant,
            purpose=Purpose.REFERRAL,
            recipient_kind=RecipientKind.ORGANIZATION,
            recipient_organization=Organization.objects.get(slug=slug),
            categories=["identity"],
            channel=Channel.ONLINE,
        )
    with CaptureQueriesContext(connection) as four:
        client.get(en("consent:mine"))
    assert len(four) == len(one)


def test_the_person_withdraws_after_a_confirmation_page(client_for: Any, given: Consent) -> None:
    client = client_for("participant")
    confirm = client.get(en("consent:withdraw", given.uuid)).content.decode()
    assert "changes nothing to your benefit" in confirm
    given.refresh_from_db()
    assert given.withdrawn_at is None
    assert client.post(en("consent:withdraw", given.uuid)).status_code == 302
    given.refresh_from_db()
    assert given.withdrawn_at is not None
    assert given.withdrawal_channel == Channel.ONLINE


def test_the_caseworker_records_a_withdrawal_heard_by_phone(
    client_for: Any, given: Consent
) -> None:
    client = client_for("caseworker_laval")
    assert client.post(en("consent:withdraw", given.uuid), {}).status_code == 400
    given.refresh_from_db()
    assert given.withdrawn_at is None
    assert client.get(en("consent:withdraw", given.uuid)).status_code == 200
    assert AccessLog.objects.filter(participant=given.participant, kind=AccessKind.CONSENT).exists()
    client.post(en("consent:withdraw", given.uuid), {"channel": "phone"})
    given.refresh_from_db()
    assert given.withdrawal_channel == Channel.PHONE


@pytest.mark.parametrize("persona", ["caseworker_montreal", "partner_sorif"])
def test_others_cannot_withdraw(client_for: Any, given: Consent, persona: str) -> None:
    assert (
        client_for(persona)
        .post(en("consent:withdraw", given.uuid), {"channel": "phone"})
        .status_code
        == 404
    )
    given.refresh_from_db()
    assert given.withdrawn_at is None


def test_the_file_panel_lists_consents_for_the_caseworker(
    client_for: Any, given: Consent, laval_participant: Any
) -> None:
    page = client_for("caseworker_laval").get(en("participants:file", laval_participant.uuid))
    body = page.content.decode()
    assert "Consents to share" in body
    assert "SORIF" in body
