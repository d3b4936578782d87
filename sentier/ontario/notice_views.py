"""The refusal notice's pages: download it (PDF, to print) and mark it as mailed.

The notice is shown on the refused application's page (Ontario Works or ODSP), for those who
read that application; those who work the unit that refused it mail it. 404 outside the
Ontario configuration, and for a notice of an application one may not read.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sentier.accounts.requests import request_user
from sentier.audit.actions import record_access
from sentier.audit.models import AccessKind
from sentier.ontario import mailing, notices
from sentier.ontario.models import NoticeStatus, RefusalNotice
from sentier.ontario.odsp.selectors import get_notice_for_user
from sentier.ontario.pages import ontario_only
from sentier.participants.models import Participant


def told_by_notice(request: HttpRequest, participant: Participant) -> None:
    """After a refusal: how the applicant learns it, and what the worker does now."""
    notice = RefusalNotice.objects.filter(participant=participant).order_by("-issued_at").first()
    if notice is None:
        return
    if notice.status == NoticeStatus.TO_EMAIL:
        messages.info(request, _("The refusal notice goes to the applicant by e-mail."))
    else:
        messages.warning(
            request,
            _("The applicant has no e-mail: print the refusal notice and mail it (below)."),
        )
    if notice.by_phone:
        messages.warning(
            request,
            _("They applied by phone: phone them at %(phone)s to tell them.")
            % {"phone": participant.phone or _("(no number on the file)")},
        )


def application_page(notice: RefusalNotice) -> HttpResponse:
    if notice.ow_application is not None:
        return redirect("ontario:ow_application", ow_uuid=notice.ow_application.uuid)
    assert notice.odsp_application is not None
    return redirect("ontario:odsp_application", odsp_uuid=notice.odsp_application.uuid)


def _access_kind(notice: RefusalNotice) -> AccessKind:
    return AccessKind.OW_APPLICATION if notice.ow_application_id else AccessKind.ODSP_APPLICATION


@login_required
def notice_pdf(request: HttpRequest, notice_uuid: str) -> HttpResponse:
    """The notice to print (as it was sent, once sent)."""
    ontario_only()
    user = request_user(request)
    notice = get_notice_for_user(user, notice_uuid)
    record_access(user=user, shown=notice.participant, kind=_access_kind(notice), request=request)
    response = HttpResponse(notices.notice_pdf(notice), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{notices.notice_filename(notice)}"'
    return response


@login_required
@require_POST
def notice_mailed(request: HttpRequest, notice_uuid: str) -> HttpResponse:
    ontario_only()
    user = request_user(request)
    notice = get_notice_for_user(user, notice_uuid)
    try:
        mailing.mark_notices_mailed(actor=user, notices=[notice])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The refusal notice is marked as mailed."))
    return application_page(notice)
