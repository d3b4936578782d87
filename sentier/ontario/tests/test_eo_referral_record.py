"""The Employment Ontario referral (004 Q10): what the record says was sent is exactly what the
exchange's message holds (one list, ``ontario.sharing``), and the referral follows the
exchange's rules: its delivery state from the outbox, no community e-mail, reminder or expiry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from sentier.ontario import actions
from sentier.ontario.sharing import EO_SHARED, describe_eo_message
from sentier.ontario.tests.helpers import ow_of, send_application
from sentier.outbox.models import OutboxMessage
from sentier.referrals.deadlines import run_deadlines
from sentier.referrals.models import Referral, ReferralNotice, ReferralStatus

LABELS = [
    "Name, language and contact details",
    "Program and file number",
    "The answer about starting a job",
]


def _granted(ontario: dict[str, Any]) -> Referral:
    application = send_application(Client())
    ow = actions.grant_ow_application(actor=ontario["wendy"], ow_application=ow_of(application))
    assert ow.referral is not None
    return ow.referral


def _en(name: str, **kwargs: Any) -> str:
    with translation.override("en-ca"):
        return reverse(name, kwargs=kwargs)


def test_the_message_carries_only_the_listed_fields_of_the_consented_categories(
    ontario: dict[str, Any],
) -> None:
    referral = _granted(ontario)
    message = OutboxMessage.objects.get(channel="employment_ontario")
    payload = message.payload
    assert set(payload) == {"referral", "need", "categories", "identity", "program", "employment"}
    assert payload["categories"] == ["identity", "program", "employment"]
    for item in EO_SHARED:
        # The fields, not their order: PostgreSQL's jsonb keeps an object's keys in its own order.
        assert set(payload[item.category]) == set(item.fields)
    assert payload["employment"] == {"employment_ready": True}
    assert payload["referral"] == str(referral.uuid)
    with translation.override("en-ca"):
        assert describe_eo_message(payload) == LABELS


def test_the_record_says_exactly_what_the_message_holds(
    ontario: dict[str, Any], on_client: Callable[[str], Client]
) -> None:
    referral = _granted(ontario)
    ow = ow_of(referral.participant.applications.get())
    page = on_client("tara").get(_en("ontario:ow_application", ow_uuid=ow.uuid))
    text = page.content.decode()
    assert "Information sent (consented only): " + "; ".join(LABELS) + "." in text
    assert "Education, work experience" not in text
    detail = on_client("tara").get(_en("referrals:detail", referral_uuid=referral.uuid))
    text = detail.content.decode()
    assert "; ".join(LABELS) in text
    assert "Education, work experience" not in text


def test_the_referral_shows_the_exchange_delivery_state_not_call_it(
    ontario: dict[str, Any], on_client: Callable[[str], Client], settings: Any, tmp_path: Path
) -> None:
    from sentier.outbox.delivery import deliver_batch

    settings.SENTIER_OUTBOX_DIR = tmp_path
    referral = _granted(ontario)
    url = _en("referrals:detail", referral_uuid=referral.uuid)
    text = on_client("tara").get(url).content.decode()
    assert "Employment Ontario data exchange" in text
    assert "Waiting to be delivered" in text
    assert "no account" not in text
    assert "call it" not in text
    assert "Expires on" not in text
    dict(deliver_batch())
    text = on_client("tara").get(url).content.decode()
    assert "Delivered" in text
    assert "Waiting to be delivered" not in text


def test_an_exchange_referral_neither_expires_nor_e_mails_the_organization(
    ontario: dict[str, Any],
) -> None:
    referral = _granted(ontario)
    assert referral.expires_at is None
    assert not ReferralNotice.objects.filter(referral=referral).exists()
    run = run_deadlines(now=timezone.now() + dt.timedelta(days=90))
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.REQUESTED
    assert (run.expired, run.reminded) == (0, 0)
    assert not ReferralNotice.objects.filter(referral=referral).exists()
