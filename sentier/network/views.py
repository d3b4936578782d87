"""Pages of the partner network.

- The public directory (no login): search by text, region, clientele, kind, language, places.
- Partner staff: their services' capacity (update form, "a place is free"), waiting lists.
- The person on a waiting list (or their caseworker): answer an offer.
- Caseworkers: put a person on a waiting list (from the file's panel).
- Administrators and coordinators: CSV import with a dry run and a progress bar; HSDS export.
"""

from __future__ import annotations

import io
import tempfile
import uuid
import zipfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sentier.accounts.permissions import may
from sentier.accounts.requests import request_user
from sentier.audit.actions import record_access
from sentier.audit.models import AccessKind
from sentier.core.forms import bind_form
from sentier.network import actions, selectors
from sentier.network.csv_import import COLUMNS
from sentier.network.forms import (
    CapacityForm,
    DirectoryFilterForm,
    ServiceImportForm,
    WaitingListAddForm,
)
from sentier.network.hsds.export import export_datapackage
from sentier.network.loading import ONTARIO_DEMO_SLUG_PREFIX, QUEBEC_DEMO_SLUG_PREFIX
from sentier.network.models import (
    ImportJob,
    ImportStatus,
    service_kinds_here,
    stale_days,
)
from sentier.network.tasks import run_service_import
from sentier.participants.selectors import get_participant_for_user

PAGE_SIZE = 25
FILTER_KEYS = ("q", "region", "clientele", "kind", "language", "places")


def _ignored_message(field: str, value: str) -> str:
    shown = Truncator(value).chars(40)
    if field == "region":
        return _("The region “%(value)s” is unknown; it was ignored.") % {"value": shown}
    if field == "clientele":
        return _("The clientele “%(value)s” is unknown; it was ignored.") % {"value": shown}
    if field == "kind":
        return _("The kind of service “%(value)s” is unknown; it was ignored.") % {"value": shown}
    if field == "language":
        return _("The language “%(value)s” is unknown; it was ignored.") % {"value": shown}
    return _("The search text was too long; it was ignored.")


def directory(request: HttpRequest) -> HttpResponse:
    """Search form and results; invalid filter values are dropped with a notice."""
    form = DirectoryFilterForm(request.GET or None)
    query = request.GET.copy()
    query.pop("page", None)
    if form.is_bound and not form.is_valid():
        for field in form.errors:
            messages.warning(request, _ignored_message(field, request.GET.get(field, "")))
            query.pop(field, None)
    # Only the valid values: the form shows and the links keep the filters as applied.
    filters = form.filters()
    results = selectors.search_directory(**filters)
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "selected": filters,
        "page": page,
        "filtered": any(filters.values()),
        "query": _clean_query(query, filters),
        "now": timezone.now(),
        "stale_days": stale_days(),
        # A demo set says it is one (sentier.network.demo: the Ontario directory, the Québec
        # points of service in the far regions).
        "demo_listed": any(
            organization.slug.startswith((ONTARIO_DEMO_SLUG_PREFIX, QUEBEC_DEMO_SLUG_PREFIX))
            for organization in page
        ),
    }
    return render(request, "network/directory.html", context)


def _clean_query(query: QueryDict, filters: dict[str, object]) -> str:
    """The query string for pagination links: the applied filters, empty ones left out."""
    kept = QueryDict(mutable=True)
    for key in FILTER_KEYS:
        value = query.get(key, "")
        if key == "places":
            value = "1" if filters.get("has_places") else ""
        if value:
            kept[key] = value
    return kept.urlencode()


# ---------------------------------------------------------------------------------------------
# Capacity (partner staff, administrators)


@login_required
def capacity(request: HttpRequest) -> HttpResponse:
    """The services whose capacity the user updates, stale ones flagged."""
    user = request_user(request)
    if not may(user, "network.view_capacity"):
        raise PermissionDenied
    services = selectors.list_services_for_user(user)
    page = Paginator(services.prefetch_related("regions"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "network/capacity.html",
        {"page": page, "now": timezone.now(), "stale_days": stale_days()},
    )


@login_required
def capacity_update(request: HttpRequest, service_uuid: str) -> HttpResponse:
    user = request_user(request)
    service = selectors.get_service_for_user(user, service_uuid)
    form = (
        CapacityForm(data=request.POST)
        if request.method == "POST"
        else CapacityForm.for_service(service)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.update_capacity(
                actor_label=str(user),
                actor=user,
                service=service,
                available=data["available"],
                maximum=data["maximum"],
                waiting=data["waiting"],
                unit=data["unit"] or None,
                estimated_wait_days=data["estimated_wait_days"],
            )
        except ValidationError as error:
            for key, errors in error.message_dict.items():
                form.add_error(key if key in form.fields else None, errors)
        else:
            messages.success(
                request, _("The places of “%(name)s” are up to date.") % {"name": service.name}
            )
            return redirect("network:capacity")
    return render(
        request,
        "network/capacity_update.html",
        {"service": service, "form": form, "now": timezone.now()},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def free_place(request: HttpRequest, service_uuid: str) -> HttpResponse:
    user = request_user(request)
    service = selectors.get_service_for_user(user, service_uuid)
    offer = actions.release_place(actor=user, service=service)
    if offer is None:
        messages.success(request, _("One more place is shown as available."))
    else:
        messages.success(
            request,
            _(
                "The place is offered to the next person on the waiting list. They have "
                "%(days)s days to answer from when they are told."
            )
            % {"days": actions.response_days()},
        )
    return redirect("network:waiting_list", service_uuid=service.uuid)


# ---------------------------------------------------------------------------------------------
# Waiting lists


@login_required
def waiting_list(request: HttpRequest, service_uuid: str) -> HttpResponse:
    user = request_user(request)
    service = selectors.get_service_for_user(user, service_uuid)
    if not user.has_perm("network.view_waiting_list", service):
        raise Http404
    entries = list(selectors.open_entries(service))
    record_access(
        user=user,
        shown=[entry.participant for entry in entries],
        kind=AccessKind.WAITING_LIST,
        request=request,
    )
    log = service.waiting_log.select_related(
        "entry__participant", "actor", "service__organization", "offer"
    )[:30]
    return render(
        request,
        "network/waiting_list.html",
        {"service": service, "entries": entries, "log": log, "now": timezone.now()},
    )


@login_required
@require_POST
def pass_offer(request: HttpRequest, offer_uuid: str) -> HttpResponse:
    user = request_user(request)
    offer = selectors.get_open_offer_for_staff(user, offer_uuid)
    try:
        actions.pass_offer(actor=user, offer=offer)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The place was passed to the next person."))
    return redirect("network:waiting_list", service_uuid=offer.entry.service.uuid)


@login_required
@require_POST
def withdraw_entry(request: HttpRequest, entry_uuid: str) -> HttpResponse:
    user = request_user(request)
    entry = selectors.get_entry_for_staff(user, entry_uuid)
    try:
        actions.withdraw_from_waiting_list(actor=user, entry=entry)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The person left the waiting list."))
    target = request.POST.get("next", "")
    if target == "file":
        return redirect("participants:file", entry.participant.uuid)
    return redirect("network:waiting_list", service_uuid=entry.service.uuid)


@login_required
@require_POST
def answer_offer(request: HttpRequest, offer_uuid: str) -> HttpResponse:
    """The person (or their caseworker) takes or declines an offered place."""
    user = request_user(request)
    offer = selectors.get_offer_for_user(user, offer_uuid)
    answer = request.POST.get("answer", "")
    if answer not in ("accept", "decline"):
        messages.error(request, _("Choose to accept or decline the place."))
    else:
        try:
            actions.answer_offer(actor=user, offer=offer, accept=answer == "accept")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if answer == "accept":
                messages.success(
                    request, _("You accepted the place. The organization will call you.")
                )
            else:
                messages.success(
                    request, _("You declined the place. You stay on the waiting list.")
                )
    participant = offer.entry.participant
    if participant.user_id == user.pk:
        return redirect(reverse("participants:my_file"))
    return redirect("participants:file", participant.uuid)


@login_required
@require_POST
def add_to_waiting_list(request: HttpRequest, participant_uuid: str) -> HttpResponse:
    user = request_user(request)
    participant = get_participant_for_user(user, participant_uuid)
    form = WaitingListAddForm(
        data=request.POST, services=selectors.waiting_list_services_for(participant)
    )
    if form.is_valid():
        try:
            actions.add_to_waiting_list(
                actor=user,
                service=form.cleaned_data["service"],
                participant=participant,
                priority_reason=form.cleaned_data["priority_reason"] or "",
            )
        except (ValidationError, PermissionDenied) as error:
            text = " ".join(getattr(error, "messages", [])) or _("You cannot do this.")
            messages.error(request, text)
        else:
            messages.success(request, _("The person is on the waiting list."))
    else:
        messages.error(request, _("Choose a service from the list."))
    return redirect(reverse("participants:file", args=[participant.uuid]) + "#waiting-lists")


# ---------------------------------------------------------------------------------------------
# CSV import and HSDS export (administrators, coordinators)


def _require_import(request: HttpRequest) -> None:
    if not request_user(request).has_perm("network.import_services"):
        raise PermissionDenied


@login_required
def service_import(request: HttpRequest) -> HttpResponse:
    _require_import(request)
    user = request_user(request)
    form = bind_form(request, ServiceImportForm)
    if request.method == "POST" and form.is_valid():
        upload = request.FILES.get("file")
        job = ImportJob.objects.create(
            created_by=user,
            created_at=timezone.now(),
            file_name=str(getattr(upload, "name", "") or "import.csv")[:200],
            content=form.cleaned_data["file"],
            dry_run=form.cleaned_data["dry_run"],
        )
        run_service_import.enqueue(str(job.uuid))
        return redirect("network:import_job", job_uuid=job.uuid)
    jobs = ImportJob.objects.filter(created_by=user)[:10]
    return render(
        request,
        "network/import.html",
        {"form": form, "columns": COLUMNS, "jobs": jobs, "kinds": service_kinds_here()},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def import_job(request: HttpRequest, job_uuid: str) -> HttpResponse:
    _require_import(request)
    user = request_user(request)
    job = ImportJob.objects.filter(uuid=_uuid_or_404(job_uuid), created_by=user).first()
    if job is None:
        raise Http404
    running = job.status in (ImportStatus.QUEUED, ImportStatus.RUNNING)
    return render(request, "network/import_job.html", {"job": job, "running": running})


def _uuid_or_404(value: str) -> str:
    try:
        return str(uuid.UUID(str(value)))
    except ValueError as error:
        raise Http404 from error


@login_required
def hsds_export(request: HttpRequest) -> HttpResponse:
    """The directory as an HSDS 3.1 tabular datapackage (zip)."""
    if not request_user(request).has_perm("network.export_directory"):
        raise PermissionDenied
    with tempfile.TemporaryDirectory() as folder:
        export_datapackage(Path(folder))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(Path(folder).iterdir()):
                archive.write(path, path.name)
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="sentier-hsds.zip"'
    return response
