"""PAAS Action money: expense claims and monthly statements (actions and guarded reads).

Claims: the organization's staff (or a caseworker of the participant's region) submit a transport
or childcare cost with its receipt; the participant's caseworker approves it or rejects it with a
reason. Only approved claims are paid.

Statements, one per organization and month: a line per participant's support allowance, per
approved claim, and one for the organization's payment, computed set-based with the vectorised
rules of :mod:`sentier_rules.paas_statement`. Workflow draft → approved → exported. Generating a
month again changes nothing unless the facts changed (a draft then gets the new lines; an approved
or exported statement is never edited). Whatever changed for a month whose statement was approved
(an end date corrected, a claim approved late) becomes an adjustment line on the next statement
generated, pointing to the line it corrects (``adjusts``) and to the month (``for_month``): the
difference between what the rules give now for that month and what approved statements paid.

Every write checks the permission first (``statement_rules``), changes the rows in one
transaction, and leaves a trace in the rows' change history (``simple_history``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from babel.dates import format_date
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet, Sum
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from simple_history.utils import bulk_create_with_history

import sentier_rules
from sentier.accounts.models import Role, User
from sentier.core import formatting
from sentier.core.lifecycle import Refusal
from sentier.core.spreadsheets import safe_row
from sentier.core.text import french
from sentier.network.models import Organization
from sentier.paas import states
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
from sentier.paas.timeline_kinds import PaasEventKind
from sentier.participants.actions import add_event
from sentier_rules import paas_statement as money

# Receipts: what the claim form and the action accept.
RECEIPT_MAX_BYTES = 5 * 1024 * 1024
RECEIPT_TYPES: dict[str, tuple[tuple[str, ...], tuple[bytes, ...]]] = {
    # extension: (content types, leading bytes)
    ".pdf": (("application/pdf",), (b"%PDF-",)),
    ".jpg": (("image/jpeg", "image/pjpeg"), (b"\xff\xd8\xff",)),
    ".jpeg": (("image/jpeg", "image/pjpeg"), (b"\xff\xd8\xff",)),
    ".png": (("image/png",), (b"\x89PNG\r\n\x1a\n",)),
}
# A typing slip guard, not a rule of the brochure (which sets no ceiling on reimbursements).
CLAIM_MAX_CENTS = 1_000_000

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


class StatementRefused(Refusal):
    """A claim or statement action that cannot be done; the message is for the user."""


# ---------------------------------------------------------------------------------------------
# Expense claims


def check_receipt(receipt: UploadedFile) -> None:
    """Refuse a receipt that is not a PDF, JPEG or PNG of at most 5 MB (extension, declared type
    and the file's first bytes must agree)."""
    name = (receipt.name or "").lower()
    extension = name[name.rfind(".") :] if "." in name else ""
    if extension not in RECEIPT_TYPES:
        raise StatementRefused(_("The receipt must be a PDF, JPEG or PNG file."))
    if receipt.size is None or receipt.size > RECEIPT_MAX_BYTES:
        raise StatementRefused(_("The receipt must be 5 MB or less."))
    if receipt.size == 0:
        raise StatementRefused(_("The receipt file is empty."))
    content_types, signatures = RECEIPT_TYPES[extension]
    if (receipt.content_type or "").lower() not in content_types:
        raise StatementRefused(_("The receipt must be a PDF, JPEG or PNG file."))
    receipt.seek(0)
    head = receipt.read(16)
    receipt.seek(0)
    if not any(head.startswith(signature) for signature in signatures):
        raise StatementRefused(_("The receipt's content does not match its file type."))


@transaction.atomic
def submit_claim(
    *,
    actor: User,
    placement: Placement,
    month: dt.date,
    kind: str,
    amount_cents: int,
    receipt: UploadedFile,
) -> ExpenseClaim:
    """A transport or childcare cost of ``month`` for a placement, with its receipt."""
    if not actor.has_perm("paas.submit_claim", placement):
        raise PermissionDenied
    month = money.first_of_month(month)
    if kind not in ExpenseKind.values:
        raise StatementRefused(_("Choose transport or childcare."))
    if not 0 < amount_cents <= CLAIM_MAX_CENTS:
        raise StatementRefused(_("The amount must be more than 0 $ and at most 10 000 $."))
    if month > money.first_of_month(timezone.localdate()):
        raise StatementRefused(_("A claim cannot be for a month that has not begun."))
    days = money.participation_days(month, [placement.start_date], [placement.end_date])
    if int(days[0]) == 0:
        raise StatementRefused(_("The participant was not in this placement during that month."))
    check_receipt(receipt)
    claim = ExpenseClaim(
        placement=placement,
        month=month,
        kind=kind,
        amount_cents=amount_cents,
        submitted_by=actor,
    )
    claim.receipt.save(f"{uuid.uuid4().hex}{_extension(receipt)}", receipt, save=False)
    claim._change_reason = "submitted"  # type: ignore[attr-defined]
    claim.save()
    states.CLAIM.start(claim, side=states.SUBMITTER, actor=actor)
    _claim_event(claim, actor, PaasEventKind.PAAS_CLAIM_SUBMITTED)
    return claim


def _claim_event(claim: ExpenseClaim, actor: User, kind: str) -> None:
    add_event(
        participant=claim.placement.participant,
        kind=kind,
        actor=actor,
        data={
            "claim": str(claim.uuid),
            "expense_kind": claim.kind,
            "month": claim.month.isoformat(),
            "amount_cents": claim.amount_cents,
            "status": claim.status,
            "reason": claim.decision_reason,
        },
    )


def _extension(receipt: UploadedFile) -> str:
    name = (receipt.name or "").lower()
    return ".jpg" if name.endswith(".jpeg") else name[name.rfind(".") :]


def _decide(claim: ExpenseClaim, actor: User, status: str, reason: str) -> ExpenseClaim:
    if not actor.has_perm("paas.decide_claim", claim):
        raise PermissionDenied
    locked = ExpenseClaim.objects.select_for_update().get(pk=claim.pk)
    if locked.status != ClaimStatus.SUBMITTED:
        raise StatementRefused(_("This claim has already been decided."))
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    states.CLAIM.apply(
        locked, status, side=states.CASEWORKER, actor=actor, reason=reason, at=locked.decided_at
    )
    locked.decision_reason = reason
    locked._change_reason = status  # type: ignore[attr-defined]
    locked.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
    _claim_event(locked, actor, PaasEventKind.PAAS_CLAIM_DECIDED)
    return locked


@transaction.atomic
def approve_claim(*, actor: User, claim: ExpenseClaim) -> ExpenseClaim:
    """The participant's caseworker approves a submitted claim: it will be paid."""
    return _decide(claim, actor, ClaimStatus.APPROVED, "")


@transaction.atomic
def reject_claim(*, actor: User, claim: ExpenseClaim, reason: str) -> ExpenseClaim:
    """The participant's caseworker rejects a submitted claim; a reason is required."""
    reason = " ".join(reason.split())
    if not actor.has_perm("paas.decide_claim", claim):
        raise PermissionDenied
    if not reason:
        raise StatementRefused(_("Give the reason for the rejection."))
    return _decide(claim, actor, ClaimStatus.REJECTED, reason[:300])


# ---------------------------------------------------------------------------------------------
# What the rules give for a month


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
        """Everything saved on the line, in the order of ``_stored_signatures``."""
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


def _stored_signatures(statement_ids: Iterable[int]) -> dict[int, list[tuple[Any, ...]]]:
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
class GenerationResult:
    """What ``generate_statements`` did, by statement."""

    created: list[Statement] = field(default_factory=list)
    regenerated: list[Statement] = field(default_factory=list)
    unchanged: list[Statement] = field(default_factory=list)
    frozen: list[Statement] = field(default_factory=list)

    @property
    def statements(self) -> list[Statement]:
        return [*self.created, *self.regenerated, *self.unchanged, *self.frozen]


def managed_organization_ids(user: User) -> list[int] | None:
    """Organizations whose statements ``user`` generates and approves (``None``: all)."""
    if user.role == Role.ADMINISTRATOR and user.is_active:
        return None
    if user.role == Role.COORDINATOR and user.is_active and user.region_id is not None:
        return list(
            PlaceAllocation.objects.filter(region_id=user.region_id)
            .values_list("organization_id", flat=True)
            .distinct()
        )
    raise PermissionDenied


@transaction.atomic
def generate_statements(
    *, actor: User, month: dt.date, organization: Organization | None = None
) -> GenerationResult:
    """Generate (or bring up to date) the draft statements of ``month``: of one organization, or
    of every organization ``actor`` manages. Approved and exported statements are left as they
    are; a draft whose lines would not change is not touched."""
    month = money.first_of_month(month)
    if organization is not None:
        if not actor.has_perm(
            "paas.manage_statement", Statement(organization=organization, month=month)
        ):
            raise PermissionDenied
        scope: list[int] | None = [organization.pk]
    else:
        scope = managed_organization_ids(actor)
    if month > money.first_of_month(timezone.localdate()):
        raise StatementRefused(_("A statement can only be generated for a month that has begun."))

    specs = compute_lines(month, scope)
    result = GenerationResult()
    if not specs:
        return result
    existing = {
        statement.organization_id: statement
        for statement in Statement.objects.select_for_update()
        .filter(month=month, organization_id__in=list(specs))
        .select_related("organization")
    }
    version = sentier_rules.RULES_VERSION[:80]
    missing = [
        Statement(organization_id=org_id, month=month, rules_version=version)
        for org_id in sorted(specs)
        if org_id not in existing
    ]
    if missing:
        bulk_create_with_history(missing, Statement, batch_size=2000, default_user=actor)
        created = Statement.objects.filter(
            month=month, organization_id__in=[s.organization_id for s in missing]
        )
        result.created = list(created)
        states.STATEMENT.start_many(result.created, side=states.COORDINATOR, actor=actor)
    drafts = [s for s in existing.values() if s.status == StatementStatus.DRAFT]
    result.frozen = [s for s in existing.values() if s.status != StatementStatus.DRAFT]
    stored = _stored_signatures(s.pk for s in drafts)
    changed: list[Statement] = []
    for statement in drafts:
        wanted = [spec.signature() for spec in specs[statement.organization_id]]
        if stored.get(statement.pk, []) == wanted:
            result.unchanged.append(statement)
        else:
            changed.append(statement)
    result.regenerated = changed
    if changed:
        StatementLine.objects.filter(statement__in=changed).delete()
        Statement.objects.filter(pk__in=[s.pk for s in changed]).update(
            generated_at=timezone.now(), rules_version=version
        )
    to_write = [*result.created, *changed]
    StatementLine.objects.bulk_create(
        [
            StatementLine(
                statement=statement,
                kind=spec.kind,
                amount_cents=spec.amount_cents,
                for_month=spec.for_month,
                placement_id=spec.placement_id,
                claim_id=spec.claim_id,
                adjusts_id=spec.adjusts_id,
                description=spec.description[:300],
            )
            for statement in to_write
            for spec in specs[statement.organization_id]
        ],
        batch_size=5000,
    )
    return result


@transaction.atomic
def approve_statement(*, actor: User, statement: Statement) -> Statement:
    """Approve a draft: from now on it is never changed. Refused when the facts changed since it
    was generated (generate it again and review it first)."""
    if not actor.has_perm("paas.manage_statement", statement):
        raise PermissionDenied
    locked = Statement.objects.select_for_update().get(pk=statement.pk)
    if locked.status != StatementStatus.DRAFT:
        raise StatementRefused(_("Only a draft statement can be approved."))
    wanted = [
        spec.signature()
        for spec in compute_lines(locked.month, [locked.organization_id]).get(
            locked.organization_id, []
        )
    ]
    # Money facts only: a description in another language (the organization's language or the
    # catalog changed) is not a reason to refuse.
    stored = _stored_signatures([locked.pk]).get(locked.pk, [])
    if [line[:-1] for line in stored] != [line[:-1] for line in wanted]:
        raise StatementRefused(
            _("The figures changed since this statement was generated: generate it again first.")
        )
    locked.approved_by = actor
    locked.approved_at = timezone.now()
    states.STATEMENT.apply(
        locked,
        StatementStatus.APPROVED,
        side=states.COORDINATOR,
        actor=actor,
        at=locked.approved_at,
    )
    locked._change_reason = "approved"  # type: ignore[attr-defined]
    locked.save(update_fields=["status", "approved_by", "approved_at"])
    return locked


@transaction.atomic
def export_statement(*, actor: User, statement: Statement) -> Statement:
    """Mark an approved statement exported (sent for payment). Exporting again keeps the date of
    the first export."""
    if not actor.has_perm("paas.manage_statement", statement):
        raise PermissionDenied
    locked = Statement.objects.select_for_update().get(pk=statement.pk)
    if locked.status == StatementStatus.DRAFT:
        raise StatementRefused(_("Approve the statement before exporting it."))
    if locked.status == StatementStatus.APPROVED:
        locked.exported_at = timezone.now()
        states.STATEMENT.apply(
            locked,
            StatementStatus.EXPORTED,
            side=states.COORDINATOR,
            actor=actor,
            at=locked.exported_at,
        )
        locked._change_reason = "exported"  # type: ignore[attr-defined]
        locked.save(update_fields=["status", "exported_at"])
    return locked


# ---------------------------------------------------------------------------------------------
# Guarded reads


def visible_statements_q(user: User) -> Q:
    """The statements ``user`` may read, as a filter (twin of ``paas.view_statement``)."""
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if user.role == Role.ADMINISTRATOR:
        return Q()
    if user.role == Role.COORDINATOR and user.region_id is not None:
        return Q(
            Exists(
                PlaceAllocation.objects.filter(
                    organization_id=OuterRef("organization_id"), region_id=user.region_id
                )
            )
        )
    if user.role == Role.PARTNER_STAFF and user.organization_id is not None:
        return Q(organization_id=user.organization_id)
    return Q(pk__in=[])


def list_statements_for_user(user: User) -> QuerySet[Statement]:
    """Statements ``user`` may read, newest month first, with their total."""
    return (
        Statement.objects.filter(visible_statements_q(user))
        .select_related("organization")
        .annotate(total_cents=Sum("lines__amount_cents"))
        .order_by("-month", "organization__name")
    )


def _uuid(value: uuid.UUID | str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError as exc:
        raise Http404 from exc


def get_statement_for_user(user: User, statement_uuid: uuid.UUID | str) -> Statement:
    """One statement, or 404 when it does not exist or ``user`` may not read it."""
    found = (
        Statement.objects.filter(visible_statements_q(user), uuid=_uuid(statement_uuid))
        .select_related("organization", "approved_by")
        .first()
    )
    if found is None or not user.has_perm("paas.view_statement", found):
        raise Http404
    return found


def list_lines(statement: Statement) -> QuerySet[StatementLine]:
    return statement.lines.select_related(
        "placement__participant", "claim", "adjusts__statement"
    ).order_by("id")


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


def visible_claims_q(user: User) -> Q:
    """Claims ``user`` may read: their organization's, their participants', or all (admin)."""
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if user.role == Role.ADMINISTRATOR:
        return Q()
    if user.role == Role.PARTNER_STAFF and user.organization_id is not None:
        return Q(placement__organization_id=user.organization_id)
    if user.role == Role.CASEWORKER and user.region_id is not None:
        return Q(placement__participant__region_id=user.region_id)
    return Q(pk__in=[])


def list_claims_for_user(user: User) -> QuerySet[ExpenseClaim]:
    return (
        ExpenseClaim.objects.filter(visible_claims_q(user))
        .select_related("placement__participant", "placement__organization")
        .order_by("status", "-month", "-submitted_at")
    )


def list_claims_to_decide(user: User) -> QuerySet[ExpenseClaim]:
    """Submitted claims waiting for ``user``'s decision (their participants' claims)."""
    if user.role != Role.CASEWORKER:
        return ExpenseClaim.objects.none()
    return list_claims_for_user(user).filter(
        Q(placement__participant__caseworker=user)
        | Q(placement__participant__caseworker__isnull=True),
        status=ClaimStatus.SUBMITTED,
    )


def get_claim_for_user(user: User, claim_uuid: uuid.UUID | str) -> ExpenseClaim:
    found = (
        ExpenseClaim.objects.filter(visible_claims_q(user), uuid=_uuid(claim_uuid))
        .select_related("placement__participant", "placement__organization", "decided_by")
        .first()
    )
    if found is None or not user.has_perm("paas.view_claim", found):
        raise Http404
    return found


def list_placements_for_claims(user: User) -> QuerySet[Placement]:
    """Placements ``user`` may submit a claim for."""
    if user.role == Role.PARTNER_STAFF and user.organization_id is not None:
        scope = Q(organization_id=user.organization_id)
    elif user.role == Role.CASEWORKER and user.region_id is not None:
        scope = Q(participant__region_id=user.region_id)
    else:
        return Placement.objects.none()
    return (
        Placement.objects.filter(scope)
        .select_related("participant", "organization")
        .order_by(*french("participant__last_name", "participant__first_name"), "-start_date")
    )


# ---------------------------------------------------------------------------------------------
# Exports, in the organization's working language


def line_label(line: StatementLine) -> str:
    return str(LINE_LABELS[line.kind])


def statement_csv(statement: Statement) -> str:
    """The statement as CSV in the organization's language (French: ``;`` and decimal comma)."""
    language = statement.organization.language
    lines = list(list_lines(statement))
    totals = statement_totals(lines)
    french = language.startswith("fr")
    delimiter = ";" if french else ","

    def amount(cents: int) -> str:
        sign = "-" if cents < 0 else ""
        text = f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"
        return text.replace(".", ",") if french else text

    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    with translation.override(language):
        writer.writerow(
            [
                _("Organization"),
                _("Statement month"),
                _("Line"),
                _("For the month of"),
                _("File number"),
                _("Participant"),
                _("Description"),
                _("Amount ($)"),
            ]
        )
        for line in lines:
            participant = line.placement.participant if line.placement else None
            writer.writerow(
                safe_row(
                    [
                        statement.organization.name,
                        f"{statement.month:%Y-%m}",
                        line_label(line),
                        f"{line.for_month:%Y-%m}" if line.for_month else "",
                        participant.file_number if participant else "",
                        participant.full_name if participant else "",
                        line.description,
                        amount(line.amount_cents),
                    ]
                )
            )
        for label, cents in (
            (_("Total of allowances and reimbursements"), totals.participants),
            (_("Total payment to the organization"), totals.organization_payment),
            (_("Total of adjustments"), totals.adjustments),
            (_("Total"), totals.total),
        ):
            writer.writerow(
                safe_row(
                    [statement.organization.name, f"{statement.month:%Y-%m}", label]
                    + [""] * 4
                    + [amount(cents)]
                )
            )
    return "\ufeff" + out.getvalue()


def statement_pdf_html(statement: Statement) -> str:
    """The HTML the PDF is made from, in the organization's language."""
    language = statement.organization.language
    lines = list(list_lines(statement))
    with translation.override(language):
        return render_to_string(
            "paas/statements/pdf.html",
            {
                "statement": statement,
                "lines": lines,
                "totals": statement_totals(lines),
                "language": language,
            },
        )


def statement_pdf(statement: Statement) -> bytes:
    """The statement as a tagged PDF (PDF/UA-1) in the organization's language (WeasyPrint)."""
    # Lazy: weasyprint takes ~1.3 s to import and only PDF output needs it.
    from weasyprint import HTML

    document = HTML(string=statement_pdf_html(statement)).render()
    pdf: bytes = document.write_pdf(pdf_variant="pdf/ua-1")
    return pdf
