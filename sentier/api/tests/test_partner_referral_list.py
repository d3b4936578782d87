"""GET /api/v1/referrals: a partner system lists its organization's referrals, nothing else."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sentier.exchange.actions import NewKey, revoke_api_key
from sentier.referrals.models import Referral, ReferralStatus

pytestmark = pytest.mark.django_db
URL = "/api/v1/referrals"


def test_the_organization_s_referrals_are_listed(opex_api: Client, referral: Referral) -> None:
    response = opex_api.get(URL)
    assert response.status_code == 200
    (item,) = response.json()["results"]
    assert item["uuid"] == str(referral.uuid)
    assert item["status"] == "requested"
    assert item["next_statuses"] == ["accepted", "rejected"]
    assert "shared" not in item  # no personal information in lists


def test_the_authorization_header_works_too(opex_key: NewKey, referral: Referral) -> None:
    response = Client().get(URL, HTTP_AUTHORIZATION=f"Api-Key {opex_key.raw}")
    assert response.status_code == 200
    assert response.json()["count"] == 1


def test_another_organization_s_key_sees_none_of_them(
    sorif_api: Client, referral: Referral
) -> None:
    response = sorif_api.get(URL)
    assert response.status_code == 200
    assert response.json()["results"] == []


def test_filters_by_status_and_updated_since(opex_api: Client, referral: Referral) -> None:
    assert opex_api.get(URL, {"status": "requested"}).json()["count"] == 1
    assert opex_api.get(URL, {"status": "accepted"}).json()["count"] == 0
    later = (timezone.now() + dt.timedelta(hours=1)).isoformat()
    assert opex_api.get(URL, {"updated_since": later}).json()["count"] == 0
    earlier = (timezone.now() - dt.timedelta(hours=1)).isoformat()
    assert opex_api.get(URL, {"updated_since": earlier}).json()["count"] == 1


@pytest.mark.parametrize(
    "params",
    [
        {"status": "nope"},
        {"status": "requested\x00"},
        {"updated_since": "yesterday"},
        {"updated_since": "2026-13-45"},
        {"updated_since": "9999-12-31T23:59"},  # no UTC instant: used to be a 500
        {"updated_since": "9999-12-31T23:59:59-12:00"},
        {"page": "abc"},
    ],
)
def test_malformed_filters_are_a_json_400_with_the_field(
    opex_api: Client, referral: Referral, params: dict[str, str]
) -> None:
    response = opex_api.get(URL, params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert set(error["fields"]) == set(params)


def test_errors_speak_the_request_s_language(opex_api: Client, referral: Referral) -> None:
    french = opex_api.get(URL, {"status": "nope"}, HTTP_ACCEPT_LANGUAGE="fr-CA")
    english = opex_api.get(URL, {"status": "nope"}, HTTP_ACCEPT_LANGUAGE="en-CA")
    assert english.json()["error"]["message"] == "Some fields are not valid."
    assert english.json()["error"]["fields"]["status"] == ['"nope" is not a valid choice.']
    assert french.json()["error"]["fields"]["status"] != english.json()["error"]["fields"]["status"]


def test_without_a_key_or_with_a_revoked_one_the_answer_is_401(
    personas: dict[str, Any], opex_key: NewKey, opex_api: Client, referral: Referral
) -> None:
    assert Client().get(URL).status_code == 401
    assert Client(HTTP_X_API_KEY="snt_nothing_here").get(URL).status_code == 401
    revoke_api_key(actor=personas["partner_opex"], key=opex_key.key)
    response = opex_api.get(URL)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Api-Key"
    assert response.json()["error"]["code"] == "authentication_failed"


def test_a_signed_in_person_without_a_key_is_refused(client_for: Any, referral: Referral) -> None:
    assert client_for("partner_opex").get(URL).status_code == 401


def test_queries_do_not_grow_with_referrals(opex_api: Client, referral: Referral) -> None:
    opex_api.get(URL)  # the key's "last used" is written once a minute at most
    with CaptureQueriesContext(connection) as one:
        opex_api.get(URL)
    for _ in range(5):
        copy = Referral.objects.get(pk=referral.pk)
        copy.pk = None
        copy.uuid = uuid.uuid4()
        copy.save()
    with CaptureQueriesContext(connection) as six:
        response = opex_api.get(URL)
    assert response.json()["count"] == 6
    assert len(six) == len(one)


def test_drafts_are_never_listed(opex_api: Client, referral: Referral) -> None:
    Referral.objects.filter(pk=referral.pk).update(status=ReferralStatus.DRAFT)
    assert opex_api.get(URL).json()["count"] == 0
