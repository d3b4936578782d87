"""The ODSP centralized intake unit's pages: its queue, an application, the Disability
Determination Package (download, mailed).

Plain HTML with POST/redirect/GET; each page showing a person writes one access-log row.
404 outside the Ontario configuration.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sentier.audit.actions import record_access, record_access_many
from sentier.core.requests import request_user
from sentier.ontario import actions
from sentier.ontario import odsp_selectors as selectors
from sentier.ontario.forms import ConfirmODSPForm
from sentier.ontario.pages import SHOWN, apply_errors, ontario_only
from sentier.ontario.selectors import can_see_odsp
from sentier.ontario.units import works_odsp_intake


@login_required
def odsp_queue(request: HttpRequest) -> HttpResponse:
    ontario_only()
    user = request_user(request)
    if not can_see_odsp(user):
        raise PermissionDenied
    received_all = selectors.odsp_received_for_user(user)
    mailing_all = selectors.mailing_queue_for_user(user)
    received = list(received_all[:SHOWN])
    mailing = list(mailing_all[:SHOWN])
    confirmed = list(selectors.odsp_confirmed_for_user(user)[:20])
    record_access_many(
        user=user,
        participants=[
            *(row.participant for row in received),
            *(row.odsp_application.participant for row in mailing),
            *(row.participant for row in confirmed),
        ],
        what="odsp_queue",
        request=request,
    )
    return render(
        request,
        "ontario/odsp_queue.html",
        {
            "received": received,
            "mailing": mailing,
            "received_total": received_all.count() if len(received) == SHOWN else len(received),
            "mailing_total": mailing_all.count() if len(mailing) == SHOWN else len(mailing),
            "shown": SHOWN,
            "confirmed": confirmed,
            "can_act": works_odsp_intake(user),
        },
    )


@login_required
def odsp_application(request: HttpRequest, odsp_uuid: str) -> HttpResponse:
    ontario_only()
    user = request_user(request)
    odsp = selectors.get_odsp_for_user(user, odsp_uuid)
    can_act = works_odsp_intake(user)
    form = ConfirmODSPForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not can_act:
            raise PermissionDenied
        if form.is_valid():
            try:
                actions.confirm_odsp_financial_eligibility(
                    actor=user,
                    odsp_application=odsp,
                    prescribed_class=form.cleaned_data["prescribed_class"],
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Financial eligibility was confirmed."))
                return redirect("ontario:odsp_application", odsp_uuid=odsp.uuid)
        status = 400
    record_access(user=user, participant=odsp.participant, what="odsp_application", request=request)
    package = getattr(odsp, "package", None)
    return render(
        request,
        "ontario/odsp_application.html",
        {"odsp": odsp, "form": form, "package": package, "can_act": can_act},
        status=status,
    )


@login_required
def package_pdf(request: HttpRequest, package_uuid: str) -> HttpResponse:
    ontario_only()
    user = request_user(request)
    package = selectors.get_package_for_user(user, package_uuid)
    participant = package.odsp_application.participant
    record_access(user=user, participant=participant, what="odsp_package", request=request)
    response = HttpResponse(bytes(package.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="ddp-{participant.file_number}.pdf"'
    return response


@login_required
@require_POST
def package_mailed(request: HttpRequest, package_uuid: str) -> HttpResponse:
    ontario_only()
    user = request_user(request)
    package = selectors.get_package_for_user(user, package_uuid)
    try:
        actions.mark_package_mailed(actor=user, package=package)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The package is marked as mailed."))
    return redirect("ontario:odsp_queue")
