"""revoke_api_key: the key stops working at once; only its organization's staff may revoke."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from sentier.exchange.actions import NewKey, authenticate_key, revoke_api_key

pytestmark = pytest.mark.django_db


def test_a_revoked_key_no_longer_authenticates(personas: dict[str, Any], opex_key: NewKey) -> None:
    revoke_api_key(actor=personas["partner_opex"], key=opex_key.key)
    opex_key.key.refresh_from_db()
    assert opex_key.key.revoked_at is not None
    assert opex_key.key.revoked_by == personas["partner_opex"]
    assert authenticate_key(opex_key.raw) is None


def test_revoking_twice_keeps_the_first_date(personas: dict[str, Any], opex_key: NewKey) -> None:
    first = revoke_api_key(actor=personas["partner_opex"], key=opex_key.key).revoked_at
    again = revoke_api_key(actor=personas["admin"], key=opex_key.key)
    assert again.revoked_at == first
    assert again.revoked_by == personas["partner_opex"]


def test_another_organization_cannot_revoke_it(personas: dict[str, Any], opex_key: NewKey) -> None:
    with pytest.raises(PermissionDenied):
        revoke_api_key(actor=personas["partner_sorif"], key=opex_key.key)
    opex_key.key.refresh_from_db()
    assert opex_key.key.revoked_at is None
    assert authenticate_key(opex_key.raw) is not None
