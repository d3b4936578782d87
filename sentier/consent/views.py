"""Consent pages: "My consents" for the person, recording heard consent for the caseworker,
withdrawal for both.

Giving consent takes two pages: what to share with whom, then the exact text (the one stored)
and ONE unticked box. Nothing is saved before that box is ticked and sent.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from sentier.accounts.permissions import may
from sentier.accounts.requests import request_user
from sentier.audit.actions import record_access
from sentier.audit.models import AccessKind
from sentier.consent import actions, selectors
from sentier.consent.forms import AgreeForm, ChoiceForm, WithdrawForm
from sentier.consent.models import Channel, Consent, Purpose, RecipientKind
from sentier.consent.texts import TEXT_VERSION, consent_text
from sentier.core import formatting
from sentier.core.jurisdiction import app_enabled
from sentier.participants.models import Participant
from sentier.participants.selectors import get_own_participant, get_participant_for_user

#: Purposes that belong to one capability: offered only where its app is
#: (``sentier.core.jurisdiction``): service plans in Québec, Employment Ontario in Ontario.
PURPOSE_APPS = {
    Purpose.SERVICE_PLAN: "serviceplans",
    Purpose.SUPPORT_PLAN: "plans",
    Purpose.EMPLOYMENT_ONTARIO: "ontario",
}


def purposes() -> list[tuple[str, str]]:
    """The purposes offered here."""
    return [
        (value, str(label))
        for value, label in Purpose.choices
        if value not in PURPOSE_APPS or app_enabled(PURPOSE_APPS[Purpose(value)])
    ]


def _purpose(value: str) -> str:
    if value not in dict(purposes()):
        raise Http404
    return value


def _carry(form: ChoiceForm) -> list[tuple[str, str]]:
    data = form.cleaned_data
    pairs: list[tuple[str, str]] = []
    if "recipient_kind" in form.fields:
        pairs.append(("recipient_kind", data["recipient_kind"]))
    if data.get("recipient_organization") is not None:
        pairs.append(("recipient_organization", str(data["recipient_organization"].uuid)))
    pairs.extend(("categories", c) for c in data["categories"])
    if data.get("expires_on"):
        pairs.append(("expires_on", data["expires_on"].isoformat()))
    return pairs


def _return_to(request: HttpRequest) -> str:
    """``?next=``: a page of this site to go back to once recorded (a referral being sent keeps
    its answers there); "" when absent or pointing elsewhere."""
    target = request.GET.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts=set()):
        return target
    return ""


def _flow(
    request: HttpRequest, participant: Participant, purpose: str, *, staff: bool
) -> HttpResponse:
    user = request_user(request)
    return_to = _return_to(request) if staff else ""
    language = participant.preferred_language if staff else (get_language() or "fr-ca")
    initial: dict[str, Any] = {}
    organization_key = request.GET.get("organization", "")
    if organization_key:
        with contextlib.suppress(ValueError):
            initial["recipient_organization"] = str(uuid.UUID(organization_key))
    context: dict[str, Any] = {
        "participant": participant,
        "purpose": purpose,
        "purpose_label": dict(purposes())[purpose],
        "staff": staff,
        "return_to": return_to,
        "back_url": return_to
        or (
            reverse("participants:file", args=[participant.uuid])
            if staff
            else reverse("consent:mine")
        ),
    }
    if request.method != "POST":
        form = ChoiceForm(purpose=purpose, initial=initial)
        return render(request, "consent/choose.html", {**context, "form": form})
    form = ChoiceForm(request.POST, purpose=purpose)
    step = request.POST.get("step", "choose")
    if not form.is_valid() or request.POST.get("goto") == "choose":
        status = 200 if form.is_valid() else 400
        return render(request, "consent/choose.html", {**context, "form": form}, status=status)
    data = form.cleaned_data
    recipient_kind = form.chosen_recipient_kind()
    organization = data.get("recipient_organization")
    if recipient_kind == RecipientKind.ORGANIZATION and organization is None:
        form.add_error("recipient_organization", _("Name the organization that receives it."))
        return render(request, "consent/choose.html", {**context, "form": form}, status=400)
    today = timezone.localdate()
    expires_on = data.get("expires_on") or today + dt.timedelta(days=settings.SENTIER_CONSENT_DAYS)
    recipient = (
        organization.name
        if organization is not None and recipient_kind == RecipientKind.ORGANIZATION
        else str(dict(RecipientKind.choices)[recipient_kind])
    )
    text = consent_text(
        purpose=purpose,
        recipient=recipient,
        categories=data["categories"],
        language=language,
        expires=formatting.long_date(expires_on, language),
    )
    agree_context = {
        **context,
        "text": text,
        "text_language": language,
        "carry": _carry(form),
        "version": TEXT_VERSION,
    }
    if step != "agree":
        return render(
            request, "consent/agree.html", {**agree_context, "agree_form": AgreeForm(staff=staff)}
        )
    agree_form = AgreeForm(request.POST, staff=staff)
    if request.POST.get("version") != TEXT_VERSION:
        agree_form.add_error(None, _("The text changed while you were reading it. Read it again."))
    if not agree_form.is_valid():
        return render(
            request, "consent/agree.html", {**agree_context, "agree_form": agree_form}, status=400
        )
    try:
        actions.record_consent(
            actor=user,
            participant=participant,
            purpose=purpose,
            recipient_kind=recipient_kind,
            recipient_organization=organization
            if recipient_kind == RecipientKind.ORGANIZATION
            else None,
            categories=data["categories"],
            channel=agree_form.cleaned_data["channel"] if staff else Channel.ONLINE,
            language=language,
            expires_on=expires_on,
        )
    except ValidationError as refusal:
        for key, errors in refusal.message_dict.items():
            form.add_error(key if key in form.fields else None, errors)
        return render(request, "consent/choose.html", {**context, "form": form}, status=400)
    if staff:
        messages.success(request, _("The consent is recorded in the file."))
        if return_to:
            return redirect(return_to)
        return redirect("participants:file", participant_uuid=participant.uuid)
    messages.success(
        request, _("Thank you. Your consent is recorded. You can withdraw it here at any time.")
    )
    return redirect("consent:mine")


@login_required
def give(request: HttpRequest, purpose: str) -> HttpResponse:
    """The person gives a consent online, for one purpose."""
    user = request_user(request)
    if not may(user, "participants.view_own_file"):
        raise Http404
    participant = get_own_participant(user)
    return _flow(request, participant, _purpose(purpose), staff=False)


@login_required
def record(request: HttpRequest, participant_uuid: uuid.UUID, purpose: str) -> HttpResponse:
    """A caseworker records a consent heard by phone, in person or on a signed paper form."""
    user = request_user(request)
    participant = get_participant_for_user(user, participant_uuid)
    if participant.user_id == user.pk or not user.has_perm(
        "participants.change_participant", participant
    ):
        raise Http404
    return _flow(request, participant, _purpose(purpose), staff=True)


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """Who sees what about me, until when; withdraw any of it."""
    user = request_user(request)
    if not may(user, "participants.view_own_file"):
        raise Http404
    participant = get_own_participant(user)
    consents = list(selectors.list_consents_for_user(user, participant))
    now = timezone.now()
    return render(
        request,
        "consent/mine.html",
        {
            "active": [c for c in consents if c.is_active(now)],
            "past": [c for c in consents if not c.is_active(now)],
            "purposes": purposes(),
        },
    )


@login_required
def withdraw(request: HttpRequest, consent_uuid: uuid.UUID) -> HttpResponse:
    """A confirmation page, then the withdrawal (by the person online, or recorded by staff)."""
    user = request_user(request)
    consent: Consent = selectors.get_consent_for_user(user, consent_uuid)
    own = consent.participant.user_id == user.pk
    if not own and not user.has_perm("participants.change_participant", consent.participant):
        raise Http404
    done = (
        reverse("consent:mine")
        if own
        else reverse("participants:file", args=[consent.participant.uuid])
    )
    if consent.withdrawn_at is not None:
        messages.info(request, _("This consent was already withdrawn."))
        return redirect(done)
    form = None if own else WithdrawForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form is None or form.is_valid():
            channel = Channel.ONLINE if form is None else form.cleaned_data["channel"]
            actions.withdraw_consent(actor=user, consent=consent, channel=channel)
            messages.success(
                request,
                _("The consent is withdrawn. Nothing more will be shared under it.")
                if not own
                else _("Your consent is withdrawn. Nothing more will be shared under it."),
            )
            return redirect(done)
        status = 400
    if not own:
        record_access(
            user=user, shown=consent.participant, kind=AccessKind.CONSENT, request=request
        )
    return render(
        request,
        "consent/withdraw.html",
        {"consent": consent, "form": form, "own": own, "back_url": done},
        status=status,
    )
