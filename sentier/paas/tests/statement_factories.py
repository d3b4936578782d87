"""PAAS Action money state for the statement tests, set up through the real actions.

Months are relative to today (``months_ago(2)`` is the first day of the month two months back), so
the tests run on any date; amounts are checked against the day counts of those months.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from sentier.network.models import Organization
from sentier.paas import actions, selectors
from sentier.paas.models import ExpenseClaim, PlaceAllocation, Placement, Statement
from sentier.paas.statements import actions as statement_actions
from sentier.participants.actions import open_participant_file
from sentier.participants.models import Participant
from sentier.reference.models import Program, Region

PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def months_ago(count: int) -> dt.date:
    """The first day of the month ``count`` months before this one."""
    month = timezone.localdate().replace(day=1)
    for _ in range(count):
        month = (month - dt.timedelta(days=1)).replace(day=1)
    return month


def next_month() -> dt.date:
    """The first day of next month."""
    return selectors.last_day_of_month(timezone.localdate()) + dt.timedelta(days=1)


def days_in(month: dt.date) -> int:
    return calendar.monthrange(month.year, month.month)[1]


def prorated(days: int, month: dt.date, full: int = 17300) -> int:
    """The allowance for ``days`` of ``month``, half-up to the cent (as the rules compute it)."""
    return (2 * full * days + days_in(month)) // (2 * days_in(month))


def opex(personas: dict[str, Any]) -> Organization:
    organization: Organization = personas["partner_opex"].organization
    return organization


def sorif(personas: dict[str, Any]) -> Organization:
    organization: Organization = personas["partner_sorif"].organization
    return organization


def grant(
    personas: dict[str, Any], organization: Organization, code: str = "13", places: int = 2
) -> PlaceAllocation:
    """Places from four months ago to the end of the month in three months (exact budget)."""
    start = months_ago(4)
    end = selectors.last_day_of_month(timezone.localdate() + dt.timedelta(days=95))
    return actions.grant_places(
        actor=personas["admin"],
        organization=organization,
        region=Region.objects.get(code=code),
        period_start=start,
        period_end=end,
        places=places,
        budget_cents=selectors.allocation_cost_cents(start, end, places),
    )


def laval_file(personas: dict[str, Any], first_name: str = "Jeanne") -> Participant:
    """A Laval file assigned to the Laval caseworker."""
    return open_participant_file(
        actor=personas["admin"],
        first_name=first_name,
        last_name="Côté",
        region=Region.objects.get(code="13"),
        program=Program.objects.get(code="PAS"),
        caseworker=personas["caseworker_laval"],
    )


def place(
    personas: dict[str, Any],
    participant: Participant,
    organization: Organization,
    start: dt.date,
) -> Placement:
    """Place ``participant`` from ``start`` through ``place_participant`` (6 hours a week)."""
    outcome = actions.place_participant(
        actor=personas["caseworker_laval"],
        participant=participant,
        organization=organization,
        start_date=start,
        hours_plan=[(start, 6)],
    )
    assert outcome.placement is not None
    return outcome.placement


def receipt(name: str = "recu.pdf", content: bytes = PDF_BYTES, content_type: str = "") -> Any:
    kinds = {".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg"}
    guessed = content_type or kinds.get(name[name.rfind(".") :], "application/octet-stream")
    return SimpleUploadedFile(name, content, content_type=guessed)


def approved_claim(
    personas: dict[str, Any],
    placement: Placement,
    month: dt.date,
    amount_cents: int = 4250,
    kind: str = "transport",
) -> ExpenseClaim:
    """A claim submitted by OPEX’82 staff and approved by the Laval caseworker."""
    claim = statement_actions.submit_claim(
        actor=personas["partner_opex"],
        placement=placement,
        month=month,
        kind=kind,
        amount_cents=amount_cents,
        receipt=receipt(),
    )
    return statement_actions.approve_claim(actor=personas["caseworker_laval"], claim=claim)


def generate(personas: dict[str, Any], organization: Organization, month: dt.date) -> Statement:
    result = statement_actions.generate_statements(
        actor=personas["admin"], month=month, organization=organization
    )
    return next(s for s in result.statements if s.organization_id == organization.pk)


def lines(statement: Statement) -> list[tuple[str, int]]:
    """(kind, amount) of every line, in order."""
    return [(line.kind, line.amount_cents) for line in statement.lines.order_by("id")]
