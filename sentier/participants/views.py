"""Caseload, participant file, history, and the participant's own views of their file."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sentier.accounts.models import User
from sentier.accounts.requests import request_user
from sentier.audit.actions import record_access
from sentier.audit.models import AccessKind
from sentier.audit.selectors import list_access_for_participant, page_of_access_for_participant
from sentier.core.forms import bind_form
from sentier.core.links import linker
from sentier.core.pagination import KeyedPaginator, MatchesPaginator, bound_for_page
from sentier.participants import actions, selectors
from sentier.participants.caseload_rows import rows_html
from sentier.participants.forms import (
    CaseloadFilterForm,
    NoteForm,
    OpenFileForm,
    ParticipantDetailsForm,
    SavedSearchForm,
)
from sentier.participants.history import readable_changes
from sentier.participants.models import Participant

PAGE_SIZE = 25
#: The caseload counts at least this many files (40 pages), further only for a later page.
COUNT_BOUND = 1000


def _file_page(
    user: User, participant: Participant, events: Any, note_form: NoteForm
) -> dict[str, Any]:
    """What the file page shows, from a GET or from a note that did not validate. The sections
    of other capabilities (eligibility, PAAS Action, plans…) are panels (sentier.core.panels)."""
    return {
        "participant": participant,
        "events": events,
        "note_form": note_form,
        "can_change": user.has_perm("participants.change_participant", participant),
        "can_view_history": user.has_perm("participants.view_participant_history", participant),
    }


@login_required
def caseload(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    if not user.has_perm("participants.view_caseload"):
        raise PermissionDenied
    form = CaseloadFilterForm(request.GET or None)
    params: dict[str, Any] = form.cleaned_data if form.is_bound and form.is_valid() else {}
    queryset = selectors.caseload_filters(user, params)
    # Counted only as far as the page asked for needs (1,000 files at least): not a COUNT of a
    # whole province's files on every page.
    bound = bound_for_page(request.GET.get("page"), per_page=PAGE_SIZE, at_least=COUNT_BOUND)
    # A text search reads and sorts all its matches anyway: the page's rows carry their count
    # (one search, not a second one for a COUNT: 19.6 ms a call at 1,000,000 files).
    # Otherwise the page's ids come from the (region, name, id) index first, then its rows:
    # not every row before the page read whole (page 30 of a region: 750 rows for 25).
    paginator = MatchesPaginator if (params.get("q") or "").strip() else KeyedPaginator
    page = paginator(queryset, PAGE_SIZE, bound=bound).get_page(request.GET.get("page"))
    record_access(user=user, shown=page.object_list, kind=AccessKind.CASELOAD, request=request)
    query = request.GET.copy()
    query.pop("page", None)
    file_url = linker("participants:file")
    rows = [(participant, file_url(participant.uuid)) for participant in page.object_list]
    context = {
        "form": form,
        "page": page,
        "rows": rows,
        "rows_html": rows_html(rows),
        "query": query.urlencode(),
        "saved_searches": selectors.list_saved_searches_for_user(user),
        "save_form": SavedSearchForm(initial={"query": query.urlencode()}),
        "can_open_file": _may_open_file(user),
    }
    template = (
        "participants/_caseload_table.html"
        if request.headers.get("HX-Request")
        else ("participants/caseload.html")
    )
    return render(request, template, context)


def _may_open_file(user: User) -> bool:
    """A caseworker opens files by hand in their own region (Québec: Ontario's files come from
    its intake units)."""
    return (
        settings.SENTIER_JURISDICTION == "qc"
        and user.has_perm("participants.hold_caseload")
        and user.region_id is not None
    )


@login_required
def open_file(request: HttpRequest) -> HttpResponse:
    """Open a file by hand, e.g. for a participant of the public employment services (000)."""
    user = request_user(request)
    if not _may_open_file(user):
        raise PermissionDenied
    form = bind_form(request, OpenFileForm)
    if request.method == "POST" and form.is_valid():
        participant = actions.open_participant_file(
            actor=user,
            region_id=user.region_id,
            caseworker=user,
            assigned_at=timezone.now(),
            **form.cleaned_data,
        )
        messages.success(request, _("The file was opened."))
        return redirect("participants:file", participant_uuid=participant.uuid)
    return render(request, "participants/open.html", {"form": form})


@login_required
@require_POST
def save_search(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = SavedSearchForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the search a name (80 characters at most)."))
        return redirect(reverse("participants:caseload") + "?" + request.POST.get("query", ""))
    actions.save_search(
        owner=user, name=form.cleaned_data["name"], query=form.cleaned_data["query"]
    )
    messages.success(request, _("Search saved."))
    return redirect(reverse("participants:caseload") + "?" + form.cleaned_data["query"])


@login_required
@require_POST
def delete_search(request: HttpRequest, search_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    search = selectors.get_saved_search_for_user(user, search_uuid)
    actions.delete_saved_search(owner=user, search=search)
    messages.success(request, _("Search deleted."))
    return redirect("participants:caseload")


@login_required
def participant_file(request: HttpRequest, participant_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    participant = selectors.get_participant_for_user(user, participant_uuid)
    record_access(user=user, shown=participant, kind=AccessKind.FILE, request=request)
    events = Paginator(selectors.list_timeline_for_participant(participant), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request, "participants/file.html", _file_page(user, participant, events, NoteForm())
    )


@login_required
def edit_participant(request: HttpRequest, participant_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    participant = selectors.get_participant_for_user(user, participant_uuid)
    if not user.has_perm("participants.change_participant", participant):
        raise PermissionDenied
    form = bind_form(request, ParticipantDetailsForm, instance=participant)
    if request.method == "POST" and form.is_valid():
        # The form edited a copy of the row; the action applies and records the changes.
        fresh = selectors.get_participant_for_user(user, participant_uuid)
        actions.update_participant_details(actor=user, participant=fresh, changes=form.cleaned_data)
        messages.success(request, _("The file was updated."))
        return redirect("participants:file", participant_uuid=participant.uuid)
    record_access(user=user, shown=participant, kind=AccessKind.FILE_EDIT, request=request)
    return render(request, "participants/edit.html", {"participant": participant, "form": form})


@login_required
@require_POST
def add_note(request: HttpRequest, participant_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    participant = selectors.get_participant_for_user(user, participant_uuid)
    form = NoteForm(request.POST)
    if not form.is_valid():
        record_access(user=user, shown=participant, kind=AccessKind.FILE, request=request)
        events = Paginator(selectors.list_timeline_for_participant(participant), 50).get_page(1)
        return render(
            request,
            "participants/file.html",
            _file_page(user, participant, events, form),
            status=400,
        )
    actions.add_note(
        actor=user,
        participant=participant,
        text=form.cleaned_data["text"],
        key=form.cleaned_data["key"],
    )
    messages.success(request, _("Note added."))
    return redirect("participants:file", participant_uuid=participant.uuid)


@login_required
def participant_history(request: HttpRequest, participant_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    participant = selectors.get_participant_for_user(user, participant_uuid)
    if not user.has_perm("participants.view_participant_history", participant):
        raise PermissionDenied
    record_access(user=user, shown=participant, kind=AccessKind.CHANGE_HISTORY, request=request)
    records = list(participant.history.select_related("history_user").order_by("-history_date"))
    changes = []
    for record in records:
        previous = record.prev_record
        diff = (
            readable_changes(Participant, record.diff_against(previous).changes)
            if previous is not None
            else []
        )
        changes.append({"record": record, "changes": diff})
    accesses = list_access_for_participant(participant)[:100]
    return render(
        request,
        "participants/history.html",
        {"participant": participant, "changes": changes, "accesses": accesses},
    )


@login_required
def my_file(request: HttpRequest) -> HttpResponse:
    """The participant's own file, in plain language."""
    user = request_user(request)
    participant = selectors.get_own_participant(user)
    record_access(user=user, shown=participant, kind=AccessKind.OWN_FILE, request=request)
    events = selectors.list_timeline_for_participant(participant)[:50]
    return render(
        request,
        "participants/my_file.html",
        {"participant": participant, "events": events},
    )


@login_required
def my_access_log(request: HttpRequest) -> HttpResponse:
    """Who has viewed my file: every row of the access log about me, 50 a page (keyset pages:
    the last page of a long log costs what the first does)."""
    user = request_user(request)
    participant = selectors.get_own_participant(user)
    page = page_of_access_for_participant(
        participant, newer=request.GET.get("newer", ""), older=request.GET.get("older", "")
    )
    return render(
        request, "participants/my_access_log.html", {"participant": participant, "page": page}
    )
