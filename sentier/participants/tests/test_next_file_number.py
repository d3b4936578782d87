"""File numbers: year + sequence, unique, past the numbers already given (imports included),
on SQLite (a counter row) and PostgreSQL (a sequence per year)."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from sentier.participants.actions import next_file_number
from sentier.participants.models import Participant

pytestmark = pytest.mark.django_db


def _value(number: str) -> int:
    year, value = number.split("-")
    assert year == str(timezone.localdate().year)
    return int(value)


def test_numbers_follow_each_other_and_start_past_the_files_of_the_year(
    laval_participant: Any,
) -> None:
    used = Participant.objects.filter(
        file_number__startswith=f"{timezone.localdate().year}-"
    ).count()
    first, second = next_file_number(), next_file_number()
    assert _value(first) > used
    assert _value(second) == _value(first) + 1


def test_a_number_given_by_an_import_is_skipped(laval_participant: Any) -> None:
    taken = next_file_number()
    following = f"{timezone.localdate().year}-{_value(taken) + 1:06d}"
    laval_participant.file_number = following
    laval_participant.save(update_fields=["file_number"])
    assert _value(next_file_number()) == _value(taken) + 2
