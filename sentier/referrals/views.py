"""Referral pages: sending from a file, the sender's lists, the participant's page, the partner
portal and the signed link for organizations without an account.

Views stay thin: a selector (404 for missing and not-yours alike), a form, an action. Pages that
show a participant's information write one access-log row.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from sentier.accounts.permissions import may
from sentier.accounts.requests import request_user
from sentier.audit.actions import record_access
from sentier.audit.models import AccessKind
from sentier.consent.actions import NoValidConsent
from sentier.consent.models import InformationCategory, Purpose
from sentier.consent.selectors import consented_categories
from sentier.core.formatting import long_date
from sentier.core.links import linker
from sentier.participants.selectors import get_own_participant, get_participant_for_user
from sentier.referrals import actions, notify, selectors, states
from sentier.referrals.exchanges import EXCHANGES, exchange_message
from sentier.referrals.forms import (
    AnswerForm,
    CancelForm,
    InformationForm,
    LinkAnswerForm,
    NeedForm,
    OrganizationForm,
    StatusFilterForm,
)
from sentier.referrals.inbox_rows import rows_html
from sentier.referrals.models import Referral, ReferralStatus, Side

STEPS = ("need", "organization", "information", "confirm")
PAGE_SIZE = 100

# What the person reads about each status, in plain language.
PLAIN_STATUS: dict[str, Any] = {
    ReferralStatus.REQUESTED: gettext_lazy("Sent. We are waiting for the organization's answer."),
    ReferralStatus.ACCEPTED: gettext_lazy(
        "The organization agreed to help you. It will contact you."
    ),
    ReferralStatus.REJECTED: gettext_lazy(
        "The organization cannot help you this time. Your caseworker will look for another one."
    ),
    ReferralStatus.IN_PROGRESS: gettext_lazy("You are getting help from this organization."),
    ReferralStatus.ON_HOLD: gettext_lazy("Paused for now."),
    ReferralStatus.COMPLETED: gettext_lazy("Finished."),
    ReferralStatus.CANCELLED: gettext_lazy("Cancelled."),
    ReferralStatus.FAILED: gettext_lazy(
        "It did not work out. Your caseworker will talk about it with you."
    ),
    ReferralStatus.EXPIRED: gettext_lazy(
        "The organization did not answer in time. Your caseworker will look for another one."
    ),
}


def plain_status(status: str) -> str:
    return str(PLAIN_STATUS.get(status, ReferralStatus(status).label))


def _category_labels(codes: list[str]) -> list[str]:
    labels = dict(InformationCategory.choices)
    return [str(labels.get(code, code)) for code in codes]


# ---------------------------------------------------------------------------------------------
# Sending (caseworker)


def _carry(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Hidden inputs that carry earlier steps' answers to the next page."""
    pairs: list[tuple[str, str]] = []
    for name, value in data.items():
        if isinstance(value, list):
            pairs.extend((name, str(v)) for v in value)
        elif value not in (None, ""):
            pairs.append((name, str(value)))
    return pairs


# The answers of a sending left to record a consent, by the form's key (in the session: the
# need may describe the person, so it never goes into an address). A few at most.
SEND_DRAFTS = "sentier.referrals.send"
SEND_DRAFTS_KEPT = 5


def _keep_draft(request: HttpRequest, key: uuid.UUID, carried: dict[str, Any]) -> None:
    drafts = {k: v for k, v in request.session.get(SEND_DRAFTS, {}).items() if k != str(key)}
    drafts[str(key)] = {name: str(value) for name, value in carried.items()}
    request.session[SEND_DRAFTS] = dict(list(drafts.items())[-SEND_DRAFTS_KEPT:])


def _drop_draft(request: HttpRequest, key: uuid.UUID) -> None:
    drafts = request.session.get(SEND_DRAFTS, {})
    if str(key) in drafts:
        request.session[SEND_DRAFTS] = {k: v for k, v in drafts.items() if k != str(key)}


def _resumed(request: HttpRequest) -> QueryDict | None:
    """The answers kept under ``?resume=<key>``, as if the organization step were posted."""
    draft = request.session.get(SEND_DRAFTS, {}).get(request.GET.get("resume", ""))
    if not isinstance(draft, dict):
        return None
    data = QueryDict(mutable=True)
    for name in ("kind", "need", "choice", "send_key"):
        data[name] = str(draft.get(name, ""))
    data["step"] = "organization"
    return data


def _key(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


@login_required
def send(request: HttpRequest, participant_uuid: uuid.UUID) -> HttpResponse:
    """Four steps, each a plain form posting to this address: need → organization →
    information → confirm. Earlier answers ride along as hidden fields; nothing is saved
    before the last step.

    The form carries a one-time key (``send_key``) from its first page: the referral it sends
    keeps it, and any later post of the same form (Back, a second click) shows that referral
    instead of sending another. An open referral of the person to the same organization for the
    same kind of need is shown on the organization and confirm steps; sending another takes a
    deliberate tick. Leaving to record a consent keeps the answers (``?resume=<key>``)."""
    user = request_user(request)
    participant = get_participant_for_user(user, participant_uuid)
    if not user.has_perm("participants.change_participant", participant):
        raise Http404
    data = request.POST if request.method == "POST" else _resumed(request)
    key = _key(data.get("send_key", "")) if data is not None else None
    context: dict[str, Any] = {
        "participant": participant,
        "steps": STEPS,
        "expiry_days": settings.SENTIER_REFERRAL_EXPIRY_DAYS,
        "send_key": key or uuid.uuid4(),
    }

    def page(step: str, *, status: int = 200, **extra: Any) -> HttpResponse:
        context.update(extra, step=step, step_number=STEPS.index(step) + 1)
        record_access(user=user, shown=participant, kind=AccessKind.REFERRAL_SEND, request=request)
        return render(request, "referrals/send.html", context, status=status)

    if data is None:
        return page("need", need_form=NeedForm())
    if key is not None:
        sent_already = selectors.get_referral_sent_with(participant, key)
        if sent_already is not None:
            return _already_sent(request, sent_already)
    posted = data.get("step", "need")
    goto = data.get("goto", "")
    step = posted if posted in STEPS else "need"
    if goto in STEPS and STEPS.index(goto) < STEPS.index(step):
        step, going_back = goto, True
    else:
        going_back = False

    need_form = NeedForm(data)
    if not need_form.is_valid() or (step == "need" and going_back):
        return page("need", status=200 if going_back else 400, need_form=need_form)
    need = need_form.cleaned_data
    carried: dict[str, Any] = {"kind": need["kind"], "need": need["need"]}
    options = selectors.referral_options(participant, need["kind"])
    open_referrals = selectors.open_referrals_by_organization(participant, need["kind"])
    for option in options:
        option.open_referral = open_referrals.get(option.organization.pk)
    context["has_matches"] = any(option.matched for option in options)
    context["has_local_others"] = any(not o.matched and o.in_region for o in options)
    if step == "need":
        return page(
            "organization",
            need=need,
            carry=_carry(carried),
            options=options,
            form=OrganizationForm(options=options),
        )
    organization_form = OrganizationForm(data, options=options)
    if not organization_form.is_valid() or (step == "organization" and going_back):
        return page(
            "organization",
            status=200 if going_back else 400,
            need=need,
            carry=_carry(carried),
            options=options,
            form=organization_form,
            chosen=data.get("choice", ""),
        )
    option = organization_form.option()
    carried["choice"] = option.value
    allowed = consented_categories(
        participant=participant, purpose=Purpose.REFERRAL, organization=option.organization
    )
    # Recording a consent comes back here, to this step, with these answers.
    _keep_draft(request, context["send_key"], {**carried, "send_key": context["send_key"]})
    back_here = (
        reverse("referrals:send", args=[participant.uuid])
        + "?"
        + urlencode({"resume": str(context["send_key"])})
    )
    information_context: dict[str, Any] = {
        "need": need,
        "option": option,
        "carry": _carry(carried),
        "missing": _category_labels([c for c in InformationCategory.values if c not in allowed]),
        "consent_url": reverse("consent:record", args=[participant.uuid, Purpose.REFERRAL])
        + "?"
        + urlencode({"organization": str(option.organization.uuid), "next": back_here}),
    }
    if step == "organization":
        return page("information", form=InformationForm(allowed=allowed), **information_context)
    information_form = InformationForm(data, allowed=allowed)
    if not information_form.is_valid() or (step == "information" and going_back):
        return page(
            "information",
            status=200 if going_back else 400,
            form=information_form,
            chosen=data.getlist("categories"),
            **information_context,
        )
    categories = information_form.cleaned_data["categories"]
    carried["categories"] = categories
    confirm_context: dict[str, Any] = {
        "need": need,
        "option": option,
        "carry": _carry(carried),
        "category_labels": _category_labels(categories),
        "already_open": open_referrals.get(option.organization.pk),
    }
    if step == "information":
        return page("confirm", **confirm_context)
    if key is None:
        # A final post without the form's key (a page from before keys): check and send again.
        return page(
            "confirm",
            status=400,
            form_error=_("This page had expired. Check the referral and send it again."),
            **confirm_context,
        )
    try:
        referral = actions.send_referral(
            actor=user,
            participant=participant,
            organization=option.organization,
            service=option.service,
            need=need["need"],
            categories=categories,
            kind=need["kind"],
            send_key=key,
            send_anyway=data.get("send_anyway") == "yes",
        )
    except actions.AlreadySent as sent:
        return _already_sent(request, sent.referral)
    except actions.OpenReferralExists as exists:
        confirm_context["already_open"] = exists.referral
        return page(
            "confirm",
            status=409,
            form_error=_(
                "This organization already has an open referral of the person for this need. "
                "Go to it, or tick the box to send another one."
            ),
            **confirm_context,
        )
    except NoValidConsent as refusal:
        information_form.add_error("categories", str(refusal))
        return page("information", status=400, form=information_form, **information_context)
    except ValidationError as refusal:
        need_form.add_error(None, refusal)
        return page("need", status=400, need_form=need_form)
    _drop_draft(request, key)
    messages.success(
        request,
        _("The referral was sent to %(org)s. You will see its answer here.")
        % {"org": option.organization.name},
    )
    return redirect("referrals:detail", referral_uuid=referral.uuid)


def _already_sent(request: HttpRequest, referral: Referral) -> HttpResponse:
    """A form that was already used: the referral it sent, not a second one."""
    messages.info(
        request,
        _(
            "This referral was already sent to %(org)s on %(day)s: it was not sent again. To "
            "send another referral, start again from the file."
        )
        % {
            "org": referral.organization.name,
            "day": long_date(referral.sent_at or referral.created_at),
        },
    )
    return redirect("referrals:detail", referral_uuid=referral.uuid)


@login_required
def detail(request: HttpRequest, referral_uuid: uuid.UUID) -> HttpResponse:
    """The sender's view of one referral: status, what was sent, the log."""
    user = request_user(request)
    referral = selectors.get_referral_for_sender(user, referral_uuid)
    record_access(user=user, shown=referral.participant, kind=AccessKind.REFERRAL, request=request)
    can_cancel = actions.side_of(user, referral) == Side.SENDER and states.allowed(
        referral.status, ReferralStatus.CANCELLED, Side.SENDER
    )
    message = exchange_message(referral.pk)
    exchange = EXCHANGES[message.channel] if message is not None else None
    return render(
        request,
        "referrals/detail.html",
        {
            "referral": referral,
            # Through an exchange: exactly what its message carries; otherwise the categories.
            "category_labels": (
                exchange.describe(message.payload)
                if exchange is not None and message is not None
                else _category_labels(referral.categories)
            ),
            "can_cancel": can_cancel,
            "links": list(referral.links.all()[:5]),
            "without_account": exchange is None and not notify.has_accounts(referral.organization),
            "exchange": exchange,
            "exchange_message": message,
        },
    )


@login_required
def cancel(request: HttpRequest, referral_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    referral = selectors.get_referral_for_sender(user, referral_uuid)
    if actions.side_of(user, referral) != Side.SENDER:
        raise Http404
    form = CancelForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                actions.transition_referral(
                    referral=referral,
                    to_status=ReferralStatus.CANCELLED,
                    side=Side.SENDER,
                    actor=user,
                    reason=form.cleaned_data["reason"],
                )
            except actions.TransitionRefused as refusal:
                form.add_error(None, str(refusal))
            except ValidationError as refusal:
                form.add_error("reason", refusal.messages)
            else:
                messages.success(request, _("The referral is cancelled."))
                return redirect("referrals:detail", referral_uuid=referral.uuid)
    record_access(user=user, shown=referral.participant, kind=AccessKind.REFERRAL, request=request)
    return render(
        request, "referrals/cancel.html", {"referral": referral, "form": form}, status=status
    )


@login_required
def sent(request: HttpRequest) -> HttpResponse:
    """The caseworker's referrals: overdue first, filter by status."""
    user = request_user(request)
    if not may(user, "referrals.view_sent"):
        raise PermissionDenied
    filters = StatusFilterForm(request.GET or None)
    status = filters.cleaned_data["status"] if filters.is_bound and filters.is_valid() else ""
    referrals = list(selectors.list_referrals_sent(user, status=status)[:PAGE_SIZE])
    record_access(
        user=user,
        shown=[r.participant_id for r in referrals],
        kind=AccessKind.REFERRALS_SENT,
        request=request,
    )
    return render(
        request,
        "referrals/sent.html",
        {
            "filters": filters,
            "referrals": referrals,
            "notices": selectors.list_notices_for_sender(user),
        },
        status=400 if filters.is_bound and not filters.is_valid() else 200,
    )


# ---------------------------------------------------------------------------------------------
# The participant


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    if not may(user, "participants.view_own_file"):
        raise Http404
    participant = get_own_participant(user)
    referrals = selectors.list_referrals_for_participant(participant)
    return render(
        request,
        "referrals/mine.html",
        {
            "referrals": [
                {
                    "referral": r,
                    "plain": plain_status(r.status),
                    "categories": _category_labels(r.categories),
                }
                for r in referrals
            ]
        },
    )


# ---------------------------------------------------------------------------------------------
# The partner portal


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    organization = selectors.organization_of(user)
    filters = StatusFilterForm(request.GET or None)
    status = filters.cleaned_data["status"] if filters.is_bound and filters.is_valid() else ""
    referrals = selectors.first_referrals_for_organization(user, status=status, limit=PAGE_SIZE)
    detail_url = linker("referrals:inbox_detail")
    record_access(
        user=user,
        shown=[r.participant_id for r in referrals],
        kind=AccessKind.REFERRAL_INBOX,
        request=request,
    )
    # The person's name only while a consent in force still covers their identity.
    rows = [(row, detail_url(row.referral.uuid)) for row in selectors.shared_referrals(referrals)]
    return render(
        request,
        "referrals/inbox.html",
        {
            "organization": organization,
            "filters": filters,
            "referrals": referrals,
            "rows": rows,
            "rows_html": rows_html(rows),
            "counts": selectors.count_by_status_for_organization(organization),
            "notices": selectors.list_notices_for_organization(organization),
        },
        status=400 if filters.is_bound and not filters.is_valid() else 200,
    )


@login_required
def inbox_detail(request: HttpRequest, referral_uuid: uuid.UUID) -> HttpResponse:
    """One referral addressed to the partner's organization, and its answers."""
    user = request_user(request)
    referral = selectors.get_referral_for_partner(user, referral_uuid)
    targets = states.next_statuses(referral.status, Side.RECEIVER)
    forms = [AnswerForm(to=target) for target in targets]
    status = 200
    if request.method == "POST":
        target = request.POST.get("to", "")
        if target not in targets:
            messages.error(request, _("This answer is no longer possible."))
            return redirect("referrals:inbox_detail", referral_uuid=referral.uuid)
        index = targets.index(target)
        form = AnswerForm(request.POST, to=target)
        forms[index] = form
        status = 400
        if form.is_valid():
            try:
                actions.transition_referral(
                    referral=referral,
                    to_status=target,
                    side=Side.RECEIVER,
                    actor=user,
                    reason=form.text() if target != ReferralStatus.COMPLETED else "",
                    outcome=form.text()
                    if target in (ReferralStatus.COMPLETED, ReferralStatus.FAILED)
                    else "",
                )
            except actions.TransitionRefused as refusal:
                form.add_error(None, str(refusal))
            except ValidationError as refusal:
                form.add_error("text" if "text" in form.fields else None, refusal.messages)
            else:
                messages.success(
                    request,
                    _("Saved: %(status)s.") % {"status": ReferralStatus(target).label},
                )
                return redirect("referrals:inbox_detail", referral_uuid=referral.uuid)
    record_access(
        user=user, shown=referral.participant, kind=AccessKind.REFERRAL_RECEIVED, request=request
    )
    shared = selectors.shared_referral(referral)
    return render(
        request,
        "referrals/inbox_detail.html",
        {
            "referral": referral,
            "shared": shared,
            "sections": shared.sections,
            "category_labels": _category_labels(shared.categories),
            "forms": forms,
            "notices": list(referral.notices.filter(audience="receiver")),
        },
        status=status,
    )


# ---------------------------------------------------------------------------------------------
# The signed link (no account)

LINK_PROBLEMS = {
    "invalid": (
        gettext_lazy("This link is not valid"),
        gettext_lazy(
            "The address is incomplete or was changed. Copy the whole link from the e-mail, or "
            "call the caseworker who sent the referral."
        ),
        400,
    ),
    "expired": (
        gettext_lazy("This link has expired"),
        gettext_lazy(
            "Links to answer a referral work for a limited time. If you still want to answer, "
            "call the caseworker who sent the referral."
        ),
        410,
    ),
    "used": (
        gettext_lazy("This link was already used"),
        gettext_lazy(
            "Each link works once, and an answer was already given with it. Nothing else needs "
            "to be done."
        ),
        410,
    ),
    "answered": (
        gettext_lazy("This referral no longer awaits an answer"),
        gettext_lazy("It was answered, cancelled or expired. Nothing else needs to be done."),
        410,
    ),
}


def _link_problem(request: HttpRequest, problem: notify.LinkProblem) -> HttpResponse:
    title, text, status = LINK_PROBLEMS[problem.kind]
    return render(
        request,
        "referrals/link_problem.html",
        {"title": title, "text": text, "kind": problem.kind},
        status=status,
    )


@never_cache
@csrf_protect
def link(request: HttpRequest, token: str) -> HttpResponse:
    """Public: an organization without an account accepts or declines one referral."""
    try:
        signed = notify.check_link(token)
    except notify.LinkProblem as problem:
        return _link_problem(request, problem)
    referral = signed.referral
    record_access(
        user=None,
        # Sentier knows no more of who opened the link than the organization it was sent to.
        visitor=str(referral.organization),
        shown=referral.participant,
        kind=AccessKind.REFERRAL_LINK,
        request=request,
    )
    form = LinkAnswerForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            answer = form.cleaned_data["answer"]
            try:
                actions.answer_by_link(
                    link=signed, to_status=answer, reason=form.cleaned_data["reason"]
                )
            except notify.LinkProblem as problem:
                return _link_problem(request, problem)
            except ValidationError as refusal:
                form.add_error("reason", refusal.messages)
            else:
                return render(
                    request,
                    "referrals/link_done.html",
                    {"referral": referral, "accepted": answer == ReferralStatus.ACCEPTED},
                )
    shared = selectors.shared_referral(referral)
    return render(
        request,
        "referrals/link.html",
        {
            "referral": referral,
            "shared": shared,
            "sections": shared.sections,
            "category_labels": _category_labels(shared.categories),
            "form": form,
            "link": signed,
        },
        status=status,
    )
