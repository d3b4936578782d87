"""create_api_key: partner staff for their own organization; only a hash is kept."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sentier.exchange.actions import authenticate_key, create_api_key, hash_key
from sentier.exchange.models import ApiKey
from sentier.network.models import Organization

pytestmark = pytest.mark.django_db


def test_partner_staff_create_a_key_shown_once_and_stored_as_a_hash(
    personas: dict[str, Any], opex: Organization
) -> None:
    new = create_api_key(actor=personas["partner_opex"], organization=opex, name="Logiciel")
    stored = ApiKey.objects.get()
    assert new.raw.startswith(f"snt_{stored.prefix}_")
    assert stored.secret_hash == hash_key(new.raw)
    assert new.raw not in stored.secret_hash
    assert stored.created_by == personas["partner_opex"]
    assert authenticate_key(new.raw) == stored


def test_a_wrong_secret_with_a_good_prefix_is_refused(
    personas: dict[str, Any], opex: Organization
) -> None:
    new = create_api_key(actor=personas["partner_opex"], organization=opex, name="Logiciel")
    forged = new.raw[:-4] + "AAAA"
    assert authenticate_key(forged) is None
    assert authenticate_key("snt__") is None
    assert authenticate_key("garbage\x00") is None


@pytest.mark.parametrize("who", ["partner_sorif", "caseworker_laval", "participant", "analyst"])
def test_others_cannot_create_a_key_for_opex(
    personas: dict[str, Any], opex: Organization, who: str
) -> None:
    with pytest.raises(PermissionDenied):
        create_api_key(actor=personas[who], organization=opex, name="Intrus")
    assert not ApiKey.objects.exists()


def test_an_administrator_can_create_a_key_for_any_organization(
    personas: dict[str, Any], opex: Organization
) -> None:
    create_api_key(actor=personas["admin"], organization=opex, name="Installé par le Ministère")
    assert ApiKey.objects.get().organization == opex


def test_a_key_needs_a_name_not_already_in_use(
    personas: dict[str, Any], opex: Organization
) -> None:
    with pytest.raises(ValidationError):
        create_api_key(actor=personas["partner_opex"], organization=opex, name="   ")
    create_api_key(actor=personas["partner_opex"], organization=opex, name="Logiciel")
    with pytest.raises(ValidationError):
        create_api_key(actor=personas["partner_opex"], organization=opex, name="Logiciel")
    assert ApiKey.objects.count() == 1
