"""Every write on expense claims and monthly statements.

Each action checks the permission first (:mod:`.permissions`), changes the rows in one
transaction, moves the lifecycle (:mod:`sentier.paas.states`, which writes the transition row)
and leaves a trace in the rows' change history (``simple_history``). A refused action raises
:class:`StatementRefused` (its message is for the user) and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

import sentier_rules
from sentier.accounts.models import User
from sentier.core.lifecycle import Refusal
from sentier.network.models import Organization
from sentier.paas import states
from sentier.paas.models import (
    ClaimStatus,
    ExpenseClaim,
    ExpenseKind,
    Placement,
    Statement,
    StatementLine,
    StatementStatus,
)
from sentier.paas.statements.computation import compute_lines, stored_signatures
from sentier.paas.statements.permissions import managed_organization_ids
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
# Statements


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
    stored = stored_signatures(s.pk for s in drafts)
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
    stored = stored_signatures([locked.pk]).get(locked.pk, [])
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
