"""Guarded reads of statements, their lines and expense claims: ``list_*_for_user`` and
``get_*_for_user`` (404 for "does not exist" and "not yours" alike).
"""

from __future__ import annotations

import uuid

from django.db.models import Q, QuerySet, Sum
from django.http import Http404

from sentier.accounts.models import User
from sentier.accounts.permissions import is_caseworker, is_partner_staff
from sentier.core.text import french
from sentier.paas.models import (
    ClaimStatus,
    ExpenseClaim,
    Placement,
    Statement,
    StatementLine,
)
from sentier.paas.statements.permissions import visible_claims_q, visible_statements_q


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


def list_claims_for_user(user: User) -> QuerySet[ExpenseClaim]:
    return (
        ExpenseClaim.objects.filter(visible_claims_q(user))
        .select_related("placement__participant", "placement__organization")
        .order_by("status", "-month", "-submitted_at")
    )


def list_claims_to_decide(user: User) -> QuerySet[ExpenseClaim]:
    """Submitted claims waiting for ``user``'s decision (their participants' claims)."""
    if not is_caseworker.test(user):
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
    if is_partner_staff.test(user) and user.organization_id is not None:
        scope = Q(organization_id=user.organization_id)
    elif is_caseworker.test(user) and user.region_id is not None:
        scope = Q(participant__region_id=user.region_id)
    else:
        return Placement.objects.none()
    return (
        Placement.objects.filter(scope)
        .select_related("participant", "organization")
        .order_by(*french("participant__last_name", "participant__first_name"), "-start_date")
    )
