"""A referral's transition log is history: deleting the referral is refused and the log stays."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction
from django.db.models import ProtectedError

from sentier.referrals.models import Referral, ReferralTransition
from sentier.referrals.tests.helpers import opex, send

pytestmark = pytest.mark.django_db


def test_a_referral_with_moves_cannot_be_deleted(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    referral = send(personas, laval_participant, opex())
    log = ReferralTransition.objects.filter(referral=referral)
    before = list(log.values_list("pk", "to_status"))
    assert before
    with pytest.raises(ProtectedError), transaction.atomic():
        referral.delete()
    assert Referral.objects.filter(pk=referral.pk).exists()
    assert list(log.values_list("pk", "to_status")) == before
