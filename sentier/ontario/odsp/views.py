"""The ODSP centralized intake unit's pages: its queue (filtered, paginated, assignable), an
application, the Disability Determination Package (download, mailed), and the day's mailing
(print the chosen packages as one PDF, then mark them as mailed in one go).

Plain HTML with POST/redirect/GET; each page showing people writes one access-log row per
person. 404 outside the Ontario configuration.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.accounts.requests import request_user
from sentier.audit.actions import record_access
from sentier.audit.models import AccessKind
from sentier.ontario import actions, mailing, notices, states
from sentier.ontario.forms import ConfirmODSPForm
from sentier.ontario.models import (
    PACKAGE_OUT,
    Adjudication,
    DeterminationPackage,
    ODSPApplication,
    RefusalNotice,
)
from sentier.ontario.notice_views import told_by_notice
from sentier.ontario.odsp import actions as odsp_actions
from sentier.ontario.odsp import selectors
from sentier.ontario.odsp.actions import DecidedMeanwhile
from sentier.ontario.odsp.assignment import assign_odsp_application
from sentier.ontario.odsp.forms import (
    AdjudicationForm,
    AssignForm,
    DeliverOtherwiseForm,
    InfoReceivedForm,
    ODSPQueueFilterForm,
    PackageAddressForm,
    PrintOptionsForm,
    RefuseODSPForm,
    RequestInfoForm,
    ReturnedForm,
    SendToDAUForm,
    WithdrawODSPForm,
    package_keys,
)
from sentier.ontario.package import packages_pdf
from sentier.ontario.pages import apply_errors, ontario_only
from sentier.ontario.permissions import works_odsp_application

#: Rows per page of the queue, oldest first.
PAGE_SIZE = 25
FILTERS = ("stage", "channel", "assigned")


def _require_reader(request: HttpRequest) -> User:
    ontario_only()
    user = request_user(request)
    if not may(user, "ontario.view_odsp_queue"):
        raise PermissionDenied
    return user


def _filters_query(data: QueryDict) -> str:
    """The queue's filters (and page) as a query string, only the known keys: what the links
    and the "back to the list" redirects carry."""
    kept = QueryDict(mutable=True)
    for key in (*FILTERS, "page"):
        value = data.get(key)
        if value:
            kept[key] = value[:40]
    return kept.urlencode()


@login_required
def odsp_queue(request: HttpRequest) -> HttpResponse:
    user = _require_reader(request)
    form = ODSPQueueFilterForm(request.GET or None)
    params = form.cleaned_data if form.is_bound and form.is_valid() else {}
    queryset = selectors.filter_odsp_queue(user, selectors.odsp_list_for_user(user), params)
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    rows: list[ODSPApplication] = list(page.object_list)
    record_access(
        user=user,
        shown=[row.participant for row in rows],
        kind=AccessKind.ODSP_QUEUE,
        request=request,
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "ontario/odsp_queue.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "query": _filters_query(query),
            "back": _filters_query(request.GET),
            "to_mail": selectors.mailing_queue_for_user(user).count(),
            "notices_to_mail": selectors.notices_to_mail_for_user(user).count(),
            "can_act": may(user, "ontario.work_odsp_intake"),
        },
    )


def _application_page(
    request: HttpRequest,
    user: User,
    odsp: ODSPApplication,
    *,
    bound: Form | None = None,
    status: int = 200,
) -> HttpResponse:
    """The application page; ``bound``: the form just sent, shown again with its errors (or
    with what was typed, when someone decided meanwhile)."""
    odsp.refresh_from_db()
    package = DeterminationPackage.objects.defer("pdf").filter(odsp_application=odsp).first()
    can_act = works_odsp_application(user, odsp)
    record_access(
        user=user, shown=odsp.participant, kind=AccessKind.ODSP_APPLICATION, request=request
    )
    version = {"version": odsp.version}
    package_version = {"version": package.version if package else 0}
    forms: dict[str, Form] = {
        "form": ConfirmODSPForm(initial=version),
        "refuse_form": RefuseODSPForm(initial=version),
        "withdraw_form": WithdrawODSPForm(initial=version),
        "info_form": RequestInfoForm(initial=version),
        "info_received_form": InfoReceivedForm(initial=version),
        "address_form": PackageAddressForm(
            initial={
                **package_version,
                **(
                    {
                        "street": package.street,
                        "city": package.city,
                        "province": package.province or "ON",
                        "postal_code": package.postal_code,
                    }
                    if package
                    else {}
                ),
            }
        ),
        "deliver_form": DeliverOtherwiseForm(initial=package_version),
        "returned_form": ReturnedForm(initial=package_version),
        "dau_form": SendToDAUForm(initial=package_version),
        "adjudication_form": AdjudicationForm(initial=package_version),
    }
    if can_act:
        forms["assign_form"] = AssignForm(
            colleagues=selectors.odsp_colleagues(user),
            initial={"assignee": str(odsp.assigned_to.uuid) if odsp.assigned_to else ""},
        )
    kept = None
    if bound is not None:
        name = next(key for key, form in forms.items() if type(form) is type(bound))
        forms[name] = bound
        if status == 409:
            kept = bound  # decided meanwhile: what was typed, shown again even if moot now
    today = timezone.localdate()
    return render(
        request,
        "ontario/odsp_application.html",
        {
            "odsp": odsp,
            "package": package,
            "can_act": can_act,
            "kept": kept,
            # Still to decide, and the decisions and package steps this person may take now.
            "is_open": states.intake_decision_open(odsp),
            **notices.notice_panel(
                user, RefusalNotice.objects.filter(odsp_application=odsp).first()
            ),
            "moves": states.ODSP_APPLICATION.open_moves(user, odsp),
            "package_moves": states.PACKAGE.open_moves(user, package) if package else [],
            "return_due_soon": bool(
                package
                and package.status in PACKAGE_OUT
                and package.return_by
                and package.return_by <= selectors.return_reminder_day(today)
            ),
            "return_late": bool(
                package
                and package.status in PACKAGE_OUT
                and package.return_by
                and package.return_by < today
            ),
            **forms,
        },
        status=status,
    )


def _decided_meanwhile(
    request: HttpRequest, user: User, odsp: ODSPApplication, form: Form, error: DecidedMeanwhile
) -> HttpResponse:
    """Someone decided since the page was shown: say what happened, keep what was typed."""
    messages.error(request, " ".join(error.messages))
    return _application_page(request, user, odsp, bound=form, status=409)


def _version(form: Form) -> int | None:
    value = form.cleaned_data.get("version")
    return int(value) if value is not None else None


@login_required
def odsp_application(request: HttpRequest, odsp_uuid: str) -> HttpResponse:
    ontario_only()
    user = request_user(request)
    odsp = selectors.get_odsp_for_user(user, odsp_uuid)
    if request.method != "POST":
        return _application_page(request, user, odsp)
    if not works_odsp_application(user, odsp):
        raise PermissionDenied
    form = ConfirmODSPForm(request.POST)
    if form.is_valid():
        try:
            actions.confirm_odsp_financial_eligibility(
                actor=user,
                odsp_application=odsp,
                prescribed_class=form.cleaned_data["prescribed_class"],
                expected_version=_version(form),
            )
        except DecidedMeanwhile as error:
            return _decided_meanwhile(request, user, odsp, form, error)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Financial eligibility was confirmed."))
            return redirect("ontario:odsp_application", odsp_uuid=odsp.uuid)
    return _application_page(request, user, odsp, bound=form, status=400)


#: The decisions on an application: (form, action, what the action takes from the form,
#: the message when done).
DECISIONS: dict[str, tuple[type[Form], Callable[..., Any], tuple[str, ...], Any]] = {
    "refuse": (
        RefuseODSPForm,
        odsp_actions.refuse_odsp_application,
        ("reason", "note"),
        gettext_lazy("The application was refused."),
    ),
    "withdraw": (
        WithdrawODSPForm,
        odsp_actions.withdraw_odsp_application,
        ("note",),
        gettext_lazy("The application was closed on withdrawal."),
    ),
    "request-info": (
        RequestInfoForm,
        odsp_actions.request_odsp_information,
        ("what", "due_on"),
        gettext_lazy(
            "The request for information was recorded. The applicant reads it on their page."
        ),
    ),
    "info-received": (
        InfoReceivedForm,
        odsp_actions.record_odsp_information_received,
        (),
        gettext_lazy("The information was recorded as received: the application is to decide."),
    ),
}


@login_required
@require_POST
def odsp_decide(request: HttpRequest, odsp_uuid: str, decision: str) -> HttpResponse:
    """Refuse, close on withdrawal, ask for information, or record it received."""
    ontario_only()
    user = request_user(request)
    odsp = selectors.get_odsp_for_user(user, odsp_uuid)
    if decision not in DECISIONS:
        raise Http404
    if not works_odsp_application(user, odsp):
        raise PermissionDenied
    form_class, action, fields, done = DECISIONS[decision]
    form = form_class(request.POST)
    if form.is_valid():
        try:
            action(
                actor=user,
                odsp_application=odsp,
                expected_version=_version(form),
                **{name: form.cleaned_data[name] for name in fields},
            )
        except DecidedMeanwhile as error:
            return _decided_meanwhile(request, user, odsp, form, error)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, str(done))
            if decision == "refuse":
                told_by_notice(request, odsp.participant)
            return redirect("ontario:odsp_application", odsp_uuid=odsp.uuid)
    return _application_page(request, user, odsp, bound=form, status=400)


#: The package's steps after its generation, as for the decisions above.
PACKAGE_STEPS: dict[str, tuple[type[Form], Callable[..., Any], tuple[str, ...], Any]] = {
    "address": (
        PackageAddressForm,
        actions.set_package_address,
        ("street", "city", "province", "postal_code"),
        gettext_lazy("The mailing address was saved and the package made again with it."),
    ),
    "deliver": (
        DeliverOtherwiseForm,
        odsp_actions.deliver_package_otherwise,
        ("delivery", "reason"),
        gettext_lazy("The package is recorded as given another way."),
    ),
    "returned": (
        ReturnedForm,
        odsp_actions.record_package_returned,
        ("returned_on",),
        gettext_lazy("The package is recorded as returned."),
    ),
    "to-dau": (
        SendToDAUForm,
        odsp_actions.send_package_to_adjudication,
        (),
        gettext_lazy("The package is recorded as sent to the Disability Adjudication Unit."),
    ),
    "adjudication": (
        AdjudicationForm,
        odsp_actions.record_adjudication,
        ("answer", "decided_on", "note"),
        gettext_lazy("The Disability Adjudication Unit's answer was recorded."),
    ),
    "dau-info-sent": (
        SendToDAUForm,
        odsp_actions.record_adjudication_information_sent,
        (),
        gettext_lazy("The information is recorded as sent to the Disability Adjudication Unit."),
    ),
}


@login_required
@require_POST
def package_step(request: HttpRequest, package_uuid: str, step: str) -> HttpResponse:
    """The package's address, another delivery, its return, the adjudication and its answer."""
    ontario_only()
    user = request_user(request)
    package = selectors.get_package_for_user(user, package_uuid)
    odsp = package.odsp_application
    if step not in PACKAGE_STEPS:
        raise Http404
    if not works_odsp_application(user, odsp):
        raise PermissionDenied
    form_class, action, fields, done = PACKAGE_STEPS[step]
    form = form_class(request.POST)
    if form.is_valid():
        extra = {} if step == "address" else {"expected_version": _version(form)}
        try:
            action(
                actor=user,
                package=package,
                **extra,
                **{name: form.cleaned_data[name] for name in fields},
            )
        except DecidedMeanwhile as error:
            return _decided_meanwhile(request, user, odsp, form, error)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, str(done))
            if step == "adjudication" and form.cleaned_data["answer"] == Adjudication.NOT_ELIGIBLE:
                told_by_notice(request, odsp.participant)
            return redirect("ontario:odsp_application", odsp_uuid=odsp.uuid)
    return _application_page(request, user, odsp, bound=form, status=400)


@login_required
@require_POST
def odsp_assign(request: HttpRequest, odsp_uuid: str) -> HttpResponse:
    """Assign to a colleague of the unit (or to nobody), from the application page."""
    ontario_only()
    user = request_user(request)
    odsp = selectors.get_odsp_for_user(user, odsp_uuid)
    if not may(user, "ontario.work_odsp_intake"):
        raise PermissionDenied
    form = AssignForm(request.POST, colleagues=selectors.odsp_colleagues(user))
    if form.is_valid():
        try:
            assign_odsp_application(
                actor=user, odsp_application=odsp, assignee=form.cleaned_data["assignee"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The assignment was recorded."))
            return redirect("ontario:odsp_application", odsp_uuid=odsp.uuid)
    return _application_page(request, user, odsp, bound=form, status=400)


@login_required
@require_POST
def odsp_assign_to_me(request: HttpRequest, odsp_uuid: str) -> HttpResponse:
    """ "Assign to me" on a row of the queue; back to the same filtered page."""
    ontario_only()
    user = request_user(request)
    odsp = selectors.get_odsp_for_user(user, odsp_uuid)
    if not may(user, "ontario.work_odsp_intake"):
        raise PermissionDenied
    assign_odsp_application(actor=user, odsp_application=odsp, assignee=user)
    messages.success(
        request,
        _("%(name)s is assigned to you.") % {"name": odsp.participant.full_name},
    )
    back = _filters_query(QueryDict(request.POST.get("back", "")[:300]))
    return redirect(reverse("ontario:odsp_queue") + (f"?{back}" if back else ""))


@login_required
def package_pdf(request: HttpRequest, package_uuid: str) -> HttpResponse:
    ontario_only()
    user = request_user(request)
    package = selectors.get_package_for_user(user, package_uuid)
    participant = package.odsp_application.participant
    record_access(user=user, shown=participant, kind=AccessKind.ODSP_PACKAGE, request=request)
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
    return redirect("ontario:odsp_application", odsp_uuid=package.odsp_application.uuid)


# ---------------------------------------------------------------- the day's mailing


@login_required
def odsp_mailing(request: HttpRequest) -> HttpResponse:
    """The packages waiting to be mailed, oldest first, as many as one batch; beside them, the
    refusal notices to mail (refused at intake, or the disability not confirmed)."""
    user = _require_reader(request)
    queued = selectors.mailing_queue_for_user(user)
    batch = list(queued[: mailing.BATCH_MAX])
    waiting = selectors.notices_to_mail_for_user(user)
    notice_batch = list(waiting[: mailing.BATCH_MAX])
    record_access(
        user=user,
        shown=[package.odsp_application.participant for package in batch]
        + [notice.participant for notice in notice_batch],
        kind=AccessKind.ODSP_MAILING,
        request=request,
    )
    total = queued.count() if len(batch) == mailing.BATCH_MAX else len(batch)
    notices_total = waiting.count() if len(notice_batch) == mailing.BATCH_MAX else len(notice_batch)
    return render(
        request,
        "ontario/odsp_mailing.html",
        {
            "batch": batch,
            "total": total,
            "notice_batch": [
                (
                    notice,
                    notices.file_address_lines(notice),
                    notices.file_address_complete(notice),
                )
                for notice in notice_batch
            ],
            "notices_total": notices_total,
            "batch_max": mailing.BATCH_MAX,
            "print_form": PrintOptionsForm(),
            "can_act": may(user, "ontario.work_odsp_intake"),
        },
    )


Chosen = tuple[list[DeterminationPackage], list[RefusalNotice]]


def _chosen(request: HttpRequest, user: User) -> Chosen | None:
    """The ticked packages and notices, or all those the page listed when none is ticked;
    None when the selection cannot be read, is too long, or names a row the user may not
    see."""
    ticked = request.POST.getlist("package") + request.POST.getlist("notice")
    if ticked:
        package_values, notice_values = (
            request.POST.getlist("package"),
            request.POST.getlist("notice"),
        )
    else:
        package_values, notice_values = (
            request.POST.getlist("shown"),
            request.POST.getlist("shown_notice"),
        )
    package_uuids = package_keys(package_values)
    notice_uuids = package_keys(notice_values)
    if package_uuids is None or notice_uuids is None:
        return None
    if not (package_uuids or notice_uuids) or len(package_uuids) > mailing.BATCH_MAX:
        return None
    if len(notice_uuids) > mailing.BATCH_MAX:
        return None
    packages = selectors.packages_by_keys_for_user(user, package_uuids) if package_uuids else []
    found = selectors.notices_by_keys_for_user(user, notice_uuids) if notice_uuids else []
    if len(packages) != len(package_uuids) or len(found) != len(notice_uuids):
        return None
    return packages, found


def _batch(request: HttpRequest) -> tuple[User, Chosen | None]:
    """The intake unit member acting on the day's mailing, and the packages and notices they
    chose."""
    user = _require_reader(request)
    if not may(user, "ontario.work_odsp_intake"):
        raise PermissionDenied
    return user, _chosen(request, user)


def _batch_refused(request: HttpRequest) -> HttpResponse:
    messages.error(
        request, _("The choice of packages could not be read. Choose the packages again.")
    )
    return redirect("ontario:odsp_mailing")


@login_required
@require_POST
def mailing_print(request: HttpRequest) -> HttpResponse:
    """The chosen packages and notices as ONE PDF to print; one access-log row per person
    printed."""
    user, chosen = _batch(request)
    if chosen is None:
        return _batch_refused(request)
    packages, refusals = chosen
    incomplete = mailing.incomplete_names(packages, refusals)
    if incomplete:
        messages.error(
            request,
            _("Complete the mailing address first: %(names)s. Nothing was printed.")
            % {"names": ", ".join(incomplete)},
        )
        return redirect("ontario:odsp_mailing")
    options = PrintOptionsForm(request.POST)
    two_sided = bool(options.is_valid() and options.cleaned_data["two_sided"])
    if refusals:
        pdf = mailing.mailing_pdf(packages, refusals, two_sided=two_sided)
    else:
        pdf = packages_pdf(packages, two_sided=two_sided)
    record_access(
        user=user,
        shown=[package.odsp_application.participant for package in packages],
        kind=AccessKind.ODSP_PACKAGE,
        request=request,
    )
    if refusals:
        record_access(
            user=user,
            shown=[notice.participant for notice in refusals],
            kind=AccessKind.ODSP_APPLICATION,
            request=request,
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="ddp-mailing-{day}.pdf"'
    return response


@login_required
@require_POST
def mailing_mailed(request: HttpRequest) -> HttpResponse:
    """Mark the chosen packages and notices as mailed, all or none."""
    user, chosen = _batch(request)
    if chosen is None:
        return _batch_refused(request)
    packages, refusals = chosen
    try:
        done, done_notices = mailing.mark_mailing_mailed(
            actor=user, packages=packages, notices=refusals
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if done:
            count = len(done)
            messages.success(
                request,
                ngettext(
                    "%(count)s package is marked as mailed.",
                    "%(count)s packages are marked as mailed.",
                    count,
                )
                % {"count": count},
            )
        if done_notices:
            count = len(done_notices)
            messages.success(
                request,
                ngettext(
                    "%(count)s refusal notice is marked as mailed.",
                    "%(count)s refusal notices are marked as mailed.",
                    count,
                )
                % {"count": count},
            )
    return redirect("ontario:odsp_mailing")
