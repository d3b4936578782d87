"""The inbox rows drawn in Python (``sentier.referrals.inbox_rows``) are character for character
what ``referrals/_inbox_rows.html`` gives, in French and English: a name shown or a reference,
a notice or none, a service or none, every status, late or not, awkward characters."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from django.utils import translation

from sentier.consent.models import InformationCategory
from sentier.network.models import Service
from sentier.participants.models import Participant
from sentier.referrals.inbox_rows import _loads_rows_file, rows_html
from sentier.referrals.models import Referral, ReferralStatus
from sentier.referrals.selectors import SharedReferral

SENT = dt.datetime(2026, 3, 31, 23, 30, tzinfo=dt.UTC)


def row(
    *,
    status: str = ReferralStatus.REQUESTED,
    identity: bool = True,
    notice: str = "",
    service: str | None = "Aide à l’emploi",
    sent_at: dt.datetime | None = SENT,
    overdue: int = 0,
    name: tuple[str, str] = ("Amara", "Okafor"),
) -> tuple[SharedReferral, str]:
    referral = Referral(
        uuid=uuid.uuid4(),
        status=status,
        sent_at=sent_at,
        participant=Participant(first_name=name[0], last_name=name[1]),
        service=None if service is None else Service(name=service),
    )
    referral.overdue = overdue  # type: ignore[attr-defined]  # as the selector annotates it
    categories: list[str] = [InformationCategory.IDENTITY] if identity else []
    shared = SharedReferral(referral=referral, categories=categories, payload={}, notice=notice)
    return shared, f"/fr-ca/referrals/inbox/{referral.uuid}/"


def rows() -> list[tuple[SharedReferral, Any]]:
    found = [row(status=status) for status in ReferralStatus.values]
    found += [
        row(identity=False),
        row(notice="Une partie de ce qui a été envoyé n’est plus partagée."),
        row(notice="<b>\"& '</b>"),
        row(service=None),
        row(service=""),
        row(service="<script>\"&'</script>"),
        row(sent_at=None),
        row(overdue=1),
        row(overdue=1, identity=False, notice="Retiré"),
        row(name=("Zoë <b>", 'O\'Brien & "fils"')),
        row(status="unknown"),
    ]
    return found


def test_the_rows_template_is_the_file_python_copies() -> None:
    assert _loads_rows_file()


@pytest.mark.parametrize("language", ["fr-ca", "en-ca"])
def test_the_rows_drawn_in_python_are_the_templates(language: str) -> None:
    every = rows()
    with translation.override(language):
        drawn = rows_html(every, drawn=True)
        rendered = rows_html(every, drawn=False)
        assert drawn == rendered
        assert rows_html([], drawn=True) == rows_html([], drawn=False) == ""
    assert drawn.count("<tr>") == len(every)
    assert "&lt;script&gt;" in drawn
    assert "<script>" not in drawn
