"""Monthly statements (list, detail, approve, export, CSV/PDF) and expense claims (submit, decide).

Thin: bind a form, call an action of :mod:`.actions` or a guarded read of :mod:`.selectors`,
render. Refused actions come back as a message on the page they were asked from.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sentier.accounts.permissions import may
from sentier.accounts.requests import request_user
from sentier.audit.actions import record_access
from sentier.audit.models import AccessChannel, AccessKind
from sentier.core.forms import bind_form
from sentier.paas import states
from sentier.paas.models import ClaimStatus, StatementStatus
from sentier.paas.statements import actions, computation, exports, selectors
from sentier.paas.statements.forms import ClaimForm, GenerateStatementsForm, RejectClaimForm

PAGE_SIZE = 25


def _record_statement_access(
    request: HttpRequest,
    lines: list[Any],
    kind: AccessKind,
    channel: AccessChannel = AccessChannel.PAGE,
) -> None:
    """One access-log row per participant named on the statement (page or export)."""
    participant_ids = sorted(
        {line.placement.participant_id for line in lines if line.placement is not None}
    )
    record_access(
        user=request_user(request),
        shown=participant_ids,
        kind=kind,
        request=request,
        channel=channel,
    )


def _last_month() -> dt.date:
    return (timezone.localdate().replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def _month_text(statement: Any) -> str:
    return computation.month_label(statement.month)


@login_required
def statement_list(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    if not may(user, "paas.list_statements"):
        raise PermissionDenied
    page = Paginator(selectors.list_statements_for_user(user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    can_generate = may(user, "paas.generate_statements")
    form = GenerateStatementsForm(initial={"month": _last_month()}) if can_generate else None
    return render(
        request,
        "paas/statements/list.html",
        {
            "page": page,
            "can_generate": can_generate,
            # Coordinators read the statements but not the claims (caseworkers' and partners').
            "can_list_claims": may(user, "paas.list_claims"),
            "form": form,
        },
    )


@login_required
@require_POST
def statement_generate(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = GenerateStatementsForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("month", []):
            messages.error(request, str(error))
        return redirect("paas:statement_list")
    try:
        result = actions.generate_statements(actor=user, month=form.cleaned_data["month"])
    except actions.StatementRefused as refused:
        messages.error(request, str(refused))
        return redirect("paas:statement_list")
    messages.success(
        request,
        _(
            "%(month)s: %(created)s statements created, %(regenerated)s updated, "
            "%(unchanged)s unchanged, %(frozen)s already approved."
        )
        % {
            "month": computation.month_label(form.cleaned_data["month"]),
            "created": len(result.created),
            "regenerated": len(result.regenerated),
            "unchanged": len(result.unchanged),
            "frozen": len(result.frozen),
        },
    )
    return redirect("paas:statement_list")


@login_required
def statement_detail(request: HttpRequest, statement_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    statement = selectors.get_statement_for_user(user, statement_uuid)
    lines = list(selectors.list_lines(statement))
    rows = [{"line": line, "label": exports.line_label(line)} for line in lines]
    can_manage = user.has_perm("paas.manage_statement", statement)
    _record_statement_access(request, lines, AccessKind.PAAS_STATEMENT)
    return render(
        request,
        "paas/statements/detail.html",
        {
            "statement": statement,
            "month": _month_text(statement),
            "rows": rows,
            "totals": computation.statement_totals(lines),
            "can_manage": can_manage,
            # The moves the Ministry may make now: the template's buttons.
            "moves": states.STATEMENT.open_moves(user, statement) if can_manage else [],
            "is_draft": statement.status == StatementStatus.DRAFT,
            "can_download": statement.status in computation.FROZEN,
        },
    )


def _statement_action(request: HttpRequest, statement_uuid: uuid.UUID, action: str) -> HttpResponse:
    user = request_user(request)
    statement = selectors.get_statement_for_user(user, statement_uuid)
    try:
        if action == "approve":
            actions.approve_statement(actor=user, statement=statement)
            messages.success(request, _("The statement is approved. It will not change any more."))
        elif action == "export":
            actions.export_statement(actor=user, statement=statement)
            messages.success(request, _("The statement is marked exported."))
        else:
            actions.generate_statements(
                actor=user, month=statement.month, organization=statement.organization
            )
            messages.success(request, _("The statement was generated again."))
    except actions.StatementRefused as refused:
        messages.error(request, str(refused))
    return redirect("paas:statement_detail", statement_uuid=statement.uuid)


@login_required
@require_POST
def statement_approve(request: HttpRequest, statement_uuid: uuid.UUID) -> HttpResponse:
    return _statement_action(request, statement_uuid, "approve")


@login_required
@require_POST
def statement_export(request: HttpRequest, statement_uuid: uuid.UUID) -> HttpResponse:
    return _statement_action(request, statement_uuid, "export")


@login_required
@require_POST
def statement_regenerate(request: HttpRequest, statement_uuid: uuid.UUID) -> HttpResponse:
    return _statement_action(request, statement_uuid, "generate")


def _downloadable(request: HttpRequest, statement_uuid: uuid.UUID) -> Any:
    statement = selectors.get_statement_for_user(request_user(request), statement_uuid)
    if statement.status not in computation.FROZEN:
        raise Http404
    return statement


def _filename(statement: Any, extension: str) -> str:
    return f"paas-{statement.organization.slug}-{statement.month:%Y-%m}.{extension}"


@login_required
def statement_csv(request: HttpRequest, statement_uuid: uuid.UUID) -> HttpResponse:
    statement = _downloadable(request, statement_uuid)
    _record_statement_access(
        request,
        list(selectors.list_lines(statement)),
        AccessKind.PAAS_STATEMENT_CSV,
        AccessChannel.EXPORT,
    )
    response = HttpResponse(
        exports.statement_csv(statement), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(statement, "csv")}"'
    return response


@login_required
def statement_pdf(request: HttpRequest, statement_uuid: uuid.UUID) -> HttpResponse:
    statement = _downloadable(request, statement_uuid)
    _record_statement_access(
        request,
        list(selectors.list_lines(statement)),
        AccessKind.PAAS_STATEMENT_PDF,
        AccessChannel.EXPORT,
    )
    response = HttpResponse(exports.statement_pdf(statement), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(statement, "pdf")}"'
    return response


@login_required
def claim_list(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    if not may(user, "paas.list_claims"):
        raise PermissionDenied
    to_decide = list(selectors.list_claims_to_decide(user)[:100])
    decided_ids = [claim.pk for claim in to_decide]
    page = Paginator(
        selectors.list_claims_for_user(user).exclude(pk__in=decided_ids), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    shown = [claim.placement.participant_id for claim in (*to_decide, *page.object_list)]
    record_access(user=user, shown=shown, kind=AccessKind.PAAS_CLAIMS, request=request)
    return render(
        request,
        "paas/statements/claims.html",
        {
            "to_decide": to_decide,
            "page": page,
            "can_submit": selectors.list_placements_for_claims(user).exists(),
        },
    )


@login_required
def claim_new(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    placements = selectors.list_placements_for_claims(user)
    if not may(user, "paas.list_claims") or not placements.exists():
        raise PermissionDenied
    form = bind_form(request, ClaimForm, placements=placements)
    if request.method == "POST" and form.is_valid():
        try:
            claim = actions.submit_claim(
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
            messages.success(request, _("The claim was submitted to the caseworker."))
            return redirect("paas:claim_detail", claim_uuid=claim.uuid)
    status = 400 if request.method == "POST" else 200
    return render(request, "paas/statements/claim_form.html", {"form": form}, status=status)


def _claim_page(
    request: HttpRequest, claim: Any, reject_form: RejectClaimForm, status: int = 200
) -> HttpResponse:
    user = request_user(request)
    return render(
        request,
        "paas/statements/claim_detail.html",
        {
            "claim": claim,
            "can_decide": claim.status == ClaimStatus.SUBMITTED
            and user.has_perm("paas.decide_claim", claim),
            "reject_form": reject_form,
        },
        status=status,
    )


@login_required
def claim_detail(request: HttpRequest, claim_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    claim = selectors.get_claim_for_user(user, claim_uuid)
    participant = claim.placement.participant
    record_access(user=user, shown=participant, kind=AccessKind.PAAS_CLAIM, request=request)
    return _claim_page(request, claim, RejectClaimForm())


@login_required
@require_POST
def claim_approve(request: HttpRequest, claim_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    claim = selectors.get_claim_for_user(user, claim_uuid)
    try:
        actions.approve_claim(actor=user, claim=claim)
    except actions.StatementRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("The claim is approved: it will be paid."))
    return redirect("paas:claim_detail", claim_uuid=claim.uuid)


@login_required
@require_POST
def claim_reject(request: HttpRequest, claim_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    claim = selectors.get_claim_for_user(user, claim_uuid)
    if not user.has_perm("paas.decide_claim", claim):
        raise PermissionDenied
    form = RejectClaimForm(request.POST)
    if not form.is_valid():
        return _claim_page(request, claim, form, status=400)
    try:
        actions.reject_claim(actor=user, claim=claim, reason=form.cleaned_data["reason"])
    except actions.StatementRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("The claim is rejected."))
    return redirect("paas:claim_detail", claim_uuid=claim.uuid)


@login_required
def claim_receipt(request: HttpRequest, claim_uuid: uuid.UUID) -> FileResponse:
    user = request_user(request)
    claim = selectors.get_claim_for_user(user, claim_uuid)
    record_access(
        user=user,
        shown=claim.placement.participant,
        kind=AccessKind.PAAS_CLAIM_RECEIPT,
        request=request,
    )
    name = claim.receipt.name or ""
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse(
        claim.receipt.open("rb"),
        as_attachment=True,
        filename=f"receipt-{claim.uuid}{name[name.rfind('.') :]}",
        content_type=content_type,
    )
