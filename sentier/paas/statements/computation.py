"""What the rules give for a month: statement lines computed set-based with the vectorised rules
of :mod:`sentier_rules.paas_statement`, the adjustments of months already approved, and the
totals of a statement. Reads only; the actions write what this computes.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from babel.dates import format_date
from django.db.models import Q, QuerySet
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

import sentier_rules
from sentier.core import formatting
from sentier.network.models import Organization
from sentier.paas.models import (
    ClaimStatus,
    ExpenseClaim,
    ExpenseKind,
    LineKind,
    PlaceAllocation,
    Placement,
    Statement,
    StatementLine,
    StatementStatus,
)
from sentier_rules import paas_statement as money

FROZEN = (StatementStatus.APPROVED, StatementStatus.EXPORTED)

# (kind the amount is for, placement id, claim id): what a line is about, whatever statement it
# is on. An adjustment line has the key of the line it corrects.
LineKey = tuple[str, int | None, int | None]


# Labels of the lines on screens and exports (with a context: the model's labels are also used
# in other sentences of the catalog).
LINE_LABELS: dict[str, Any] = {
    LineKind.ALLOWANCE: pgettext_lazy("statement line", "Support allowance"),
    LineKind.TRANSPORT: pgettext_lazy("statement line", "Transport reimbursement"),
    LineKind.CHILDCARE: pgettext_lazy("statement line", "Childcare reimbursement"),
    LineKind.ORGANIZATION_PAYMENT: pgettext_lazy("statement line", "Payment to the organization"),
    LineKind.ADJUSTMENT: pgettext_lazy("statement line", "Adjustment"),
}


@dataclass(frozen=True)
class LineSpec:
    """A statement line before it is saved."""

    kind: str
    amount_cents: int
    for_month: dt.date
    placement_id: int | None = None
    claim_id: int | None = None
    adjusts_id: int | None = None
    description: str = ""

    def signature(self) -> tuple[Any, ...]:
        """Everything saved on the line, in the order of ``stored_signatures``."""
        return (
            self.kind,
            self.amount_cents,
            self.for_month,
            self.placement_id,
            self.claim_id,
            self.adjusts_id,
            self.description,
        )


@dataclass
class MonthFigures:
    """What the rules give one organization for one month, by line key."""

    amounts: dict[LineKey, int] = field(default_factory=dict)
    descriptions: dict[LineKey, str] = field(default_factory=dict)


def _language(organizations: dict[int, Organization], organization_id: int) -> str:
    organization = organizations.get(organization_id)
    return organization.language if organization else "fr-ca"


def month_figures(
    month: dt.date, organization_ids: Collection[int] | None = None
) -> dict[int, MonthFigures]:
    """What the rules give each organization for ``month`` (all organizations when ``None``):
    allowances, approved claims, and the payment for places granted and occupied.

    A handful of queries whatever the number of placements; amounts come from the vectorised
    rules. An organization appears when it has a placement active in the month, an approved
    claim for it, or places granted for it.
    """
    month = money.first_of_month(month)
    last = money.last_of_month(month)

    def scoped(queryset: QuerySet[Any], path: str) -> QuerySet[Any]:
        if organization_ids is None:
            return queryset
        return queryset.filter(**{f"{path}__in": list(organization_ids)})

    placements = list(
        scoped(
            Placement.objects.filter(start_date__lte=last).filter(
                Q(end_date__isnull=True) | Q(end_date__gte=month)
            ),
            "organization_id",
        )
        .order_by("id")
        .values_list("id", "organization_id", "allocation_id", "start_date", "end_date")
    )
    allocations = list(
        scoped(
            PlaceAllocation.objects.filter(period_start__lte=last, period_end__gte=month),
            "organization_id",
        )
        .order_by("id")
        .values_list("id", "organization_id", "places")
    )
    claims = list(
        scoped(
            ExpenseClaim.objects.filter(status=ClaimStatus.APPROVED, month=month),
            "placement__organization_id",
        )
        .order_by("id")
        .values_list("id", "placement_id", "kind", "amount_cents", "placement__organization_id")
    )
    org_ids = {row[1] for row in placements} | {row[1] for row in allocations}
    org_ids |= {row[4] for row in claims}
    organizations = Organization.objects.in_bulk(org_ids)
    figures: dict[int, MonthFigures] = {org_id: MonthFigures() for org_id in org_ids}

    if placements:
        starts = np.array([row[3] for row in placements], dtype="datetime64[D]")
        ends = money.as_dates([row[4] for row in placements])
        allowances = sentier_rules.allowance_cents(month, starts, ends)
        for row, amount in zip(placements, allowances.tolist(), strict=True):
            if amount:
                figures[row[1]].amounts[(LineKind.ALLOWANCE, row[0], None)] = int(amount)
    else:
        starts = np.array([], dtype="datetime64[D]")
        ends = np.array([], dtype="datetime64[D]")

    for claim_id, placement_id, kind, amount, org_id in claims:
        figures[org_id].amounts[(kind, placement_id, claim_id)] = int(amount)

    if allocations:
        group_of = {row[0]: i for i, row in enumerate(allocations)}
        groups = np.array([group_of.get(row[2], -1) for row in placements], dtype=np.int64)
        covered = groups >= 0
        occupied = sentier_rules.occupied_places(
            month, starts[covered], ends[covered], groups[covered], len(allocations)
        )
        granted = np.array([row[2] for row in allocations], dtype=np.int64)
        non_profit = np.array([organizations[row[1]].non_profit for row in allocations], dtype=bool)
        paid = money.paid_places(month, granted, occupied)
        payments = sentier_rules.organization_payment_cents(month, granted, occupied, non_profit)
        totals: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        for i, row in enumerate(allocations):
            total = totals[row[1]]
            total[0] += int(payments[i])
            total[1] += int(paid[i]) if non_profit[i] else 0
            total[2] += int(occupied[i])
            total[3] += int(granted[i])
        for org_id, (amount, paid_places, occupied_places, granted_places) in totals.items():
            key: LineKey = (LineKind.ORGANIZATION_PAYMENT, None, None)
            figures[org_id].amounts[key] = amount
            with translation.override(_language(organizations, org_id)):
                figures[org_id].descriptions[key] = _(
                    "Places paid: %(paid)s (occupied: %(occupied)s, granted: %(granted)s)"
                ) % {"paid": paid_places, "occupied": occupied_places, "granted": granted_places}
    return figures


def _base_kind(kind: str, adjusted_kind: str | None, claim_kind: str | None, placement: Any) -> str:
    """The kind of amount a line is about (for an adjustment: the kind it corrects)."""
    if kind != LineKind.ADJUSTMENT:
        return kind
    if adjusted_kind:
        return adjusted_kind
    if claim_kind:
        return claim_kind
    return LineKind.ALLOWANCE if placement is not None else LineKind.ORGANIZATION_PAYMENT


def paid_by_month(
    organization_ids: Collection[int], before: dt.date | None = None
) -> tuple[dict[tuple[int, dt.date], dict[LineKey, int]], dict[tuple[int, dt.date, LineKey], int]]:
    """What approved or exported statements paid, by (organization, month the amount is for)
    and line key, adjustments included; and the original line of each key (to point to)."""
    lines = StatementLine.objects.filter(
        statement__organization_id__in=list(organization_ids), statement__status__in=FROZEN
    )
    if before is not None:
        lines = lines.filter(for_month__lt=before)
    paid: dict[tuple[int, dt.date], dict[LineKey, int]] = defaultdict(lambda: defaultdict(int))
    originals: dict[tuple[int, dt.date, LineKey], int] = {}
    for (
        line_id,
        org_id,
        for_month,
        kind,
        placement_id,
        claim_id,
        amount,
        adjusted,
        claim_kind,
    ) in lines.order_by("id").values_list(
        "id",
        "statement__organization_id",
        "for_month",
        "kind",
        "placement_id",
        "claim_id",
        "amount_cents",
        "adjusts__kind",
        "claim__kind",
    ):
        if for_month is None:
            continue
        base = _base_kind(kind, adjusted, claim_kind, placement_id)
        key: LineKey = (base, placement_id, claim_id)
        paid[(org_id, for_month)][key] += amount
        if kind != LineKind.ADJUSTMENT:
            originals.setdefault((org_id, for_month, key), line_id)
    return paid, originals


def compute_lines(
    month: dt.date, organization_ids: Collection[int] | None = None
) -> dict[int, list[LineSpec]]:
    """The lines each organization's statement for ``month`` should have: the month's amounts,
    then one adjustment per amount that changed in an earlier month already approved."""
    month = money.first_of_month(month)
    current = month_figures(month, organization_ids)
    approved_months = Statement.objects.filter(month__lt=month, status__in=FROZEN)
    if organization_ids is not None:
        approved_months = approved_months.filter(organization_id__in=list(organization_ids))
    months_by_org: dict[int, set[dt.date]] = defaultdict(set)
    for org_id, past in approved_months.values_list("organization_id", "month"):
        months_by_org[org_id].add(past)

    specs: dict[int, list[LineSpec]] = defaultdict(list)
    for org_id, figures in current.items():
        for key, amount in sorted(figures.amounts.items(), key=lambda item: _key_order(item[0])):
            specs[org_id].append(
                LineSpec(
                    kind=key[0],
                    amount_cents=amount,
                    for_month=month,
                    placement_id=key[1],
                    claim_id=key[2],
                    description=figures.descriptions.get(key, ""),
                )
            )

    if months_by_org:
        paid, originals = paid_by_month(months_by_org.keys(), before=month)
        orgs_by_month: dict[dt.date, list[int]] = defaultdict(list)
        for org_id, months in months_by_org.items():
            for past in months:
                orgs_by_month[past].append(org_id)
        languages = dict(
            Organization.objects.filter(pk__in=list(months_by_org)).values_list("pk", "language")
        )
        for past in sorted(orgs_by_month):
            expected = month_figures(past, orgs_by_month[past])
            for org_id in orgs_by_month[past]:
                should = expected.get(org_id, MonthFigures()).amounts
                was = paid.get((org_id, past), {})
                for key in sorted(set(should) | set(was), key=_key_order):
                    difference = should.get(key, 0) - was.get(key, 0)
                    if difference == 0:
                        continue
                    with translation.override(languages.get(org_id, "fr-ca")):
                        description = _("Correction for %(month)s: %(what)s") % {
                            "month": month_label(past, languages.get(org_id, "fr-ca")),
                            "what": LINE_LABELS[key[0]],
                        }
                    specs[org_id].append(
                        LineSpec(
                            kind=LineKind.ADJUSTMENT,
                            amount_cents=difference,
                            for_month=past,
                            placement_id=key[1],
                            claim_id=key[2],
                            adjusts_id=originals.get((org_id, past, key)),
                            description=description,
                        )
                    )
    return dict(specs)


_KIND_ORDER: dict[str, int] = {
    LineKind.ALLOWANCE: 0,
    ExpenseKind.TRANSPORT: 1,
    ExpenseKind.CHILDCARE: 2,
    LineKind.ORGANIZATION_PAYMENT: 3,
}


def _key_order(key: LineKey) -> tuple[int, int, int]:
    return (_KIND_ORDER.get(key[0], 9), key[1] or 0, key[2] or 0)


def month_label(month: dt.date, language: str | None = None) -> str:
    """``2026-05-01`` → ``mai 2026`` / ``May 2026``."""
    return format_date(month, format="LLLL y", locale=formatting.babel_locale(language))


def stored_signatures(statement_ids: Iterable[int]) -> dict[int, list[tuple[Any, ...]]]:
    stored: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for row in (
        StatementLine.objects.filter(statement_id__in=list(statement_ids))
        .order_by("id")
        .values_list(
            "statement_id",
            "kind",
            "amount_cents",
            "for_month",
            "placement_id",
            "claim_id",
            "adjusts_id",
            "description",
        )
    ):
        stored[row[0]].append(tuple(row[1:]))
    return stored


# ---------------------------------------------------------------------------------------------
# Statement actions


@dataclass
class Totals:
    """The totals of a statement, each the sum of its lines of that kind."""

    allowances: int = 0
    transport: int = 0
    childcare: int = 0
    organization_payment: int = 0
    adjustments: int = 0

    @property
    def participants(self) -> int:
        return self.allowances + self.transport + self.childcare

    @property
    def total(self) -> int:
        return self.participants + self.organization_payment + self.adjustments


def statement_totals(lines: Iterable[StatementLine]) -> Totals:
    totals = Totals()
    attribute = {
        LineKind.ALLOWANCE: "allowances",
        LineKind.TRANSPORT: "transport",
        LineKind.CHILDCARE: "childcare",
        LineKind.ORGANIZATION_PAYMENT: "organization_payment",
        LineKind.ADJUSTMENT: "adjustments",
    }
    for line in lines:
        name = attribute[LineKind(line.kind)]
        setattr(totals, name, getattr(totals, name) + line.amount_cents)
    return totals
