"""Pages of correspondence: notices waiting or failed, the day's mailing of letters, a call to
make and its outcome, and the person's channel on the file."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.accounts.requests import request_user
from sentier.audit.actions import record_access
from sentier.audit.models import AccessKind
from sentier.core.forms import show_refusal
from sentier.core.languages import AUTONYMS
from sentier.core.pdf import tagged_pdf_of_many
from sentier.correspondence import actions, selectors
from sentier.correspondence.forms import CallOutcomeForm, ContactPreferenceForm, notice_keys
from sentier.correspondence.models import Notice
from sentier.participants.models import Participant

PAGE_SIZE = 50


def _staff(request: HttpRequest) -> User:
    """The lists (notices, the day's mailing): staff who work a caseload, else 403."""
    user = request_user(request)
    if not may(user, "participants.view_caseload"):
        raise PermissionDenied
    return user


def _notice(request: HttpRequest, notice_uuid: str) -> tuple[User, Notice]:
    """A per-file page's notice: whoever may not see it (no caseload, or not their file) gets
    the same 404 as for a notice that does not exist, like every page that names a row."""
    user = request_user(request)
    return user, selectors.get_notice_for_user(user, notice_uuid)


@login_required
def notices(request: HttpRequest) -> HttpResponse:
    """Notices still to send, mail or call, and those that failed, for the people one sees."""
    user = _staff(request)
    page = Paginator(selectors.open_notices_for_user(user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    record_access(
        user=user,
        shown=[notice.participant for notice in page],
        kind=AccessKind.CORRESPONDENCE,
        request=request,
    )
    return render(request, "correspondence/notices.html", {"page": page})


@login_required
@require_POST
def retry(request: HttpRequest, notice_uuid: str) -> HttpResponse:
    user, notice = _notice(request, notice_uuid)
    try:
        actions.retry_notice(actor=user, notice=notice)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The notice will be tried again."))
    return redirect("correspondence:notices")


@login_required
@require_POST
def replace(request: HttpRequest, notice_uuid: str) -> HttpResponse:
    """An e-mail that could not go: write or call instead, as the file allows."""
    user, notice = _notice(request, notice_uuid)
    try:
        created = actions.replace_email(actor=user, notice=notice)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Instead of the e-mail: %(how)s.")
            % {"how": ", ".join(str(n.get_channel_display()).lower() for n in created)},
        )
    return redirect("correspondence:notices")


# ---------------------------------------------------------------------------------------------
# The day's mailing


@login_required
def mailing(request: HttpRequest) -> HttpResponse:
    """The letters waiting to be mailed, oldest first, as many as one batch."""
    user = _staff(request)
    queued = selectors.letters_to_mail_for_user(user)
    batch = list(queued[: actions.BATCH_MAX])
    record_access(
        user=user,
        shown=[notice.participant for notice in batch],
        kind=AccessKind.CORRESPONDENCE,
        request=request,
    )
    total = queued.count() if len(batch) == actions.BATCH_MAX else len(batch)
    return render(
        request,
        "correspondence/mailing.html",
        {"batch": batch, "total": total, "batch_max": actions.BATCH_MAX},
    )


def _chosen(request: HttpRequest, user: User) -> list[Notice] | None:
    """The ticked letters, or all those the page listed when none is ticked; None when the
    choice cannot be read, is too long, or names a letter the user may not see or that is no
    longer waiting."""
    keys = notice_keys(request.POST.getlist("notice") or request.POST.getlist("shown"))
    if not keys or len(keys) > actions.BATCH_MAX:
        return None
    found = selectors.letters_by_keys_for_user(user, keys)
    return found if len(found) == len(keys) else None


def _refused_choice(request: HttpRequest) -> HttpResponse:
    messages.error(
        request,
        _(
            "The choice of letters could not be read, or a letter is no longer waiting to be "
            "mailed. Nothing was done: choose the letters again."
        ),
    )
    return redirect("correspondence:mailing")


@login_required
@require_POST
def mailing_print(request: HttpRequest) -> HttpResponse:
    """The chosen letters as ONE PDF to print, each as it would leave today."""
    user = _staff(request)
    chosen = _chosen(request, user)
    if chosen is None:
        return _refused_choice(request)
    now = timezone.now()
    pdf = tagged_pdf_of_many([actions.letter_html(notice, at=now) for notice in chosen])
    record_access(
        user=user,
        shown=[notice.participant for notice in chosen],
        kind=AccessKind.CORRESPONDENCE,
        request=request,
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="letters-{day}.pdf"'
    return response


@login_required
@require_POST
def mailing_mailed(request: HttpRequest) -> HttpResponse:
    """Mark the chosen letters as mailed, all or none."""
    user = _staff(request)
    chosen = _chosen(request, user)
    if chosen is None:
        return _refused_choice(request)
    try:
        done = actions.mark_letters_mailed(actor=user, notices=chosen)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            ngettext(
                "%(count)s letter is marked as mailed.",
                "%(count)s letters are marked as mailed.",
                len(done),
            )
            % {"count": len(done)},
        )
    return redirect("correspondence:mailing")


# ---------------------------------------------------------------------------------------------
# Calls


@login_required
def call(request: HttpRequest, notice_uuid: str) -> HttpResponse:
    """A call to make: whom, the number, what to say, by when; the outcome closes it."""
    user, notice = _notice(request, notice_uuid)
    if notice.channel != "phone":
        raise Http404
    form = CallOutcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.record_call(
                actor=user,
                notice=notice,
                outcome=form.cleaned_data["outcome"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request,
                _("The call to %(name)s is recorded.") % {"name": notice.participant.full_name},
            )
            return redirect("correspondence:notices")
    record_access(
        user=user, shown=notice.participant, kind=AccessKind.CORRESPONDENCE, request=request
    )
    now = timezone.now()
    language = translation.get_language() or "fr-ca"
    participant = notice.participant
    return render(
        request,
        "correspondence/call.html",
        {
            "notice": notice,
            "participant": participant,
            "form": form,
            # What to say, in the caseworker's language, and in the person's when it differs.
            "script": actions.message_for(notice, at=now, language=language),
            "script_theirs": (
                actions.message_for(notice, at=now)
                if not language.startswith(notice.language[:2])
                else None
            ),
            "their_language": AUTONYMS.get(notice.language, notice.language),
            "can_call": notice.status == "to_call",
        },
        status=400 if request.method == "POST" else 200,
    )


# ---------------------------------------------------------------------------------------------
# The person's channel


@login_required
@require_POST
def contact_preference(request: HttpRequest, participant_uuid: str) -> HttpResponse:
    user = request_user(request)
    participant = get_object_or_404(Participant, uuid=participant_uuid)
    if not user.has_perm("participants.view_participant", participant):
        raise Http404
    form = ContactPreferenceForm(request.POST)
    if form.is_valid():
        try:
            actions.set_contact_preference(
                actor=user, participant=participant, channel=form.cleaned_data["channel"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("How the person wants to be told is recorded."))
    else:
        messages.error(request, _("Choose how the person wants to be told."))
    return redirect("participants:file", participant_uuid=participant.uuid)
