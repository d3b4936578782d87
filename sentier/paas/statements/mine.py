"""A PAAS Action participant's own money and hours, month by month (002: a support allowance
the person "peut avoir droit" to, and reimbursement of transport or childcare costs), and the
claim they submit themselves with its receipt; their caseworker decides it, as for any claim.

What is paid is what an approved (or exported) monthly statement holds for the month, adjustments
included; what is pending is a claim waiting for the caseworker, or approved and not yet on an
approved statement. Plain HTML forms: works with JavaScript off, on a phone.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.accounts.requests import request_user
from sentier.audit.actions import record_access
from sentier.audit.models import AccessKind
from sentier.core.forms import bind_form
from sentier.paas import selectors
from sentier.paas.models import (
    AttendanceEntry,
    ClaimStatus,
    ExpenseClaim,
    LineKind,
    Placement,
    StatementLine,
)
from sentier.paas.statements import actions
from sentier.paas.statements.computation import FROZEN, month_label
from sentier.paas.statements.forms import ClaimForm
from sentier.participants.models import Participant


@dataclass
class ClaimRow:
    claim: ExpenseClaim
    paid: bool

    @property
    def state(self) -> str:
        if self.claim.status == ClaimStatus.REJECTED:
            return _("Refused: %(reason)s") % {"reason": self.claim.decision_reason}
        if self.paid:
            return _("Paid")
        if self.claim.status == ClaimStatus.APPROVED:
            return _("Approved, to be paid")
        return _("Pending: waiting for your caseworker")

    @property
    def pending(self) -> bool:
        return not self.paid and self.claim.status != ClaimStatus.REJECTED


@dataclass
class MonthMoney:
    month: dt.date
    label: str
    allowance_cents: int = 0
    reimbursed_cents: int = 0
    claims: list[ClaimRow] = field(default_factory=list)
    weeks: list[tuple[dt.date, Decimal]] = field(default_factory=list)

    @property
    def pending_cents(self) -> int:
        return sum(row.claim.amount_cents for row in self.claims if row.pending)

    @property
    def hours(self) -> Decimal:
        return sum((hours for _week, hours in self.weeks), Decimal(0))


def own_placements(user: User) -> tuple[Participant, list[Placement]]:
    """The signed-in participant's file and PAAS Action placements (404 for anyone else)."""
    participant = Participant.objects.filter(user_id=user.pk).first()
    if participant is None or not may(user, "participants.view_own_file"):
        raise Http404
    return participant, selectors.list_placements_for_participant(participant)


def months_of(placement: Placement, today: dt.date) -> list[MonthMoney]:
    """From the placement's last month (or this one) back to its first, in four queries."""
    last = min(placement.end_date or today, today).replace(day=1)
    months = selectors.month_starts(placement.start_date.replace(day=1), last)
    rows = {m: MonthMoney(month=m, label=month_label(m)) for m in months}
    paid_claims: set[int] = set()
    lines = StatementLine.objects.filter(
        statement__status__in=FROZEN, placement=placement, for_month__isnull=False
    ).values_list("kind", "for_month", "amount_cents", "claim_id", "adjusts__kind")
    for kind, for_month, amount, claim_id, adjusted in lines:
        row = rows.get(for_month) if for_month is not None else None
        base = adjusted or kind
        if claim_id is not None:
            paid_claims.add(claim_id)
        if row is None:
            continue
        if base == LineKind.ALLOWANCE:
            row.allowance_cents += amount
        elif base in (LineKind.TRANSPORT, LineKind.CHILDCARE):
            row.reimbursed_cents += amount
    for claim in placement.claims.order_by("-submitted_at", "-id"):
        if claim.month in rows:
            rows[claim.month].claims.append(ClaimRow(claim, claim.pk in paid_claims))
    latest: dict[dt.date, AttendanceEntry] = {}
    for entry in placement.attendance.order_by("recorded_at", "id"):
        latest[entry.week_start] = entry  # a correction replaces what it corrects
    by_month: dict[dt.date, list[tuple[dt.date, Decimal]]] = defaultdict(list)
    for week, entry in sorted(latest.items()):
        by_month[week.replace(day=1)].append((week, entry.hours))
    for month, weeks in by_month.items():
        if month in rows:
            rows[month].weeks = weeks
    return [rows[m] for m in reversed(months)]


@login_required
def my_money(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    participant, placements = own_placements(user)
    today = timezone.localdate()
    record_access(user=user, shown=participant, kind=AccessKind.OWN_FILE, request=request)
    return render(
        request,
        "paas/statements/my_money.html",
        {
            "placements": [(p, months_of(p, today)) for p in placements],
            "can_claim": any(user.has_perm("paas.submit_claim", p) for p in placements),
        },
    )


class OwnClaimForm(ClaimForm):
    """The participant's own claim: the placement is theirs, chosen only when they have two."""

    def __init__(self, *args: Any, placements: Any, **kwargs: Any) -> None:
        super().__init__(*args, placements=placements, **kwargs)
        self.fields["placement"].label = _("Organization")
        if len(placements) == 1:
            self.fields["placement"].initial = placements[0].uuid
            self.fields["placement"].widget = self.fields["placement"].hidden_widget()
        self.fields["amount"].help_text = _("As on the receipt, for example 42,50.")
        self.fields["receipt"].help_text = _(
            "A photo or a PDF of the receipt (JPEG, PNG or PDF, 5 MB at most)."
        )


@login_required
def my_claim(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    _participant, placements = own_placements(user)
    allowed = [p for p in placements if user.has_perm("paas.submit_claim", p)]
    if not allowed:
        raise Http404
    queryset = Placement.objects.filter(pk__in=[p.pk for p in allowed]).select_related(
        "participant", "organization"
    )
    form = bind_form(request, OwnClaimForm, placements=queryset)
    if request.method == "POST" and form.is_valid():
        try:
            actions.submit_claim(
                actor=user,
                placement=form.cleaned_data["placement"],
                month=form.cleaned_data["month"],
                kind=form.cleaned_data["kind"],
                amount_cents=form.amount_cents,
                receipt=form.cleaned_data["receipt"],
            )
        except actions.StatementRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request, _("Your claim was sent to your caseworker. It is pending until approved.")
            )
            return redirect("paas:my_money")
    status = 400 if request.method == "POST" else 200
    return render(request, "paas/statements/my_claim.html", {"form": form}, status=status)
