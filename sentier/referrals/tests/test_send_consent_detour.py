"""Recording a consent from the information step of a referral comes back to that step with the
need, its kind and the organization as they were typed; a ``next`` off the site is ignored."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from sentier.consent.models import Consent
from sentier.referrals.models import Referral
from sentier.referrals.tests.helpers import opex
from sentier.referrals.tests.test_send_once import hidden, option_value, url

pytestmark = pytest.mark.django_db

NEED = "Recherche d’emploi en entrepôt, horaires de jour"


def record_consent_through_pages(client: Client, consent_url: str) -> Any:
    """The caseworker's two consent pages, as the link opens them; the last response."""
    choose = client.get(consent_url)
    assert choose.status_code == 200
    choices = {"recipient_organization": str(opex().uuid), "categories": ["identity", "program"]}
    agree = client.post(consent_url, {"step": "choose", **choices}).content.decode()
    version = agree.split('name="version" value="')[1].split('"')[0]
    return client.post(
        consent_url,
        {"step": "agree", "version": version, "agree": "on", "channel": "phone", **choices},
    )


def test_recording_the_consent_returns_to_the_referral_with_its_answers(
    client_for: Any, laval_participant: Any
) -> None:
    client = client_for("caseworker_laval")
    first = client.get(url(laval_participant)).content.decode()
    answers = {"send_key": hidden(first, "send_key"), "kind": "employability", "need": NEED}
    organizations = client.post(url(laval_participant), {"step": "need", **answers})
    answers["choice"] = option_value(organizations.content.decode(), opex())
    information = client.post(url(laval_participant), {"step": "organization", **answers})
    page = information.content.decode()
    assert "has not agreed to share information" in page
    link = re.search(r'href="([^"]*/consent/file/[^"]*)"', page)
    assert link
    consent_url = html.unescape(link.group(1))
    # The need never goes into an address: only the form's key does.
    assert "entrep" not in consent_url
    back = record_consent_through_pages(client, consent_url)
    assert back.status_code == 302
    assert back["Location"].startswith(url(laval_participant) + "?resume=")
    assert Consent.objects.count() == 1
    resumed = client.get(back["Location"])
    assert resumed.status_code == 200
    body = resumed.content.decode()
    assert "Information to send to Centre de main-d’œuvre OPEX’82" in html.unescape(body)
    assert 'class="qc-choicefield" value="identity"' in body
    assert hidden(body, "need") == html.escape(NEED)
    assert hidden(body, "kind") == "employability"
    assert hidden(body, "choice") == answers["choice"]
    assert hidden(body, "send_key") == answers["send_key"]
    # …and the referral goes on from there.
    confirm = client.post(
        url(laval_participant), {"step": "information", **answers, "categories": ["identity"]}
    )
    assert confirm.status_code == 200
    sent = client.post(
        url(laval_participant), {"step": "confirm", **answers, "categories": ["identity"]}
    )
    assert sent.status_code == 302
    referral = Referral.objects.get()
    assert (referral.need, referral.organization, referral.kind) == (
        NEED,
        opex(),
        "employability",
    )


def test_a_resume_key_without_kept_answers_starts_at_the_first_step(
    client_for: Any, laval_participant: Any
) -> None:
    response = client_for("caseworker_laval").get(
        url(laval_participant) + "?resume=00000000-0000-0000-0000-000000000000"
    )
    assert response.status_code == 200
    assert 'name="need"' in response.content.decode()


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "javascript:x"])
def test_a_return_address_off_the_site_is_ignored(
    client_for: Any, laval_participant: Any, target: str
) -> None:
    with translation.override("en-ca"):
        consent_url = reverse("consent:record", args=[laval_participant.uuid, "referral"])
    response = record_consent_through_pages(
        client_for("caseworker_laval"), consent_url + "?" + f"next={target}"
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/participants/{laval_participant.uuid}/")
