"""PAAS Action pages: the organization's home and attendance, placements, the ministry view.

Views stay thin: bind a form, call a selector (404 for missing and not-yours alike) or an action,
render. Pages that show a participant's information record one access-log row.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.accounts.requests import request_user
from sentier.audit.actions import record_access
from sentier.audit.models import AccessKind
from sentier.core.formatting import long_date
from sentier.core.forms import BoundedDateField, bind_form, show_refusal
from sentier.paas import actions, selectors, states
from sentier.paas.forms import (
    PLACEMENT_ERROR_FIELDS,
    AddObjectiveForm,
    AttendanceEntryForm,
    AttendanceImportForm,
    EndPlacementForm,
    GrantPlacesForm,
    ObjectiveFollowUpForm,
    PlacementForm,
    WeekForm,
)
from sentier.paas.models import Placement, PlacementObjective, PlacementStatus
from sentier.paas.permissions import grant_regions_q
from sentier.participants.selectors import get_participant_for_user
from sentier.reference.models import Region


def _require_partner(user: User) -> None:
    if not may(user, "paas.view_organization_home") or user.organization_id is None:
        raise PermissionDenied


# ---------------------------------------------------------------------------------------------
# The organization


@login_required
def organization(request: HttpRequest) -> HttpResponse:
    """The organization's PAAS Action page: places, this week's attendance, participants,
    waiting list (the same block as on the partner's home page)."""
    user = request_user(request)
    _require_partner(user)
    home = selectors.organization_home(user)
    log_organization_home(user, home, request)
    return render(request, "paas/organization.html", {"paas": home})


def log_organization_home(
    user: User, home: selectors.OrganizationHome | None, request: HttpRequest
) -> None:
    """The organization block names placed and waiting people: one access-log row each."""
    if home is None:
        return
    people = [p.participant for p in home.placements] + [w.participant for w in home.waiting]
    record_access(user=user, shown=people, kind=AccessKind.PAAS_ORGANIZATION, request=request)


def hours_text(hours: Decimal) -> str:
    """Hours as people type them: ``6``, ``5,5`` in French, ``5.5`` in English."""
    text = f"{hours.normalize():f}"
    return text.replace(".", ",") if (get_language() or "fr").startswith("fr") else text


def _week_from(data: QueryDict, first: dt.date, last: dt.date) -> tuple[WeekForm, dt.date | None]:
    """The week picked (GET, or the hidden field of the POST), from its Monday: ``last`` (this
    week) when none is given, None when the one given is not a date between the Mondays
    ``first`` and ``last`` (the form says why)."""
    form = WeekForm(data if "week" in data else None, initial={"week": last})
    field = form.fields["week"]
    assert isinstance(field, BoundedDateField)
    field.limit(earliest=first, latest=last + dt.timedelta(days=6))  # any day of the week
    if not form.is_bound:
        return form, last
    if not form.is_valid():
        return form, None
    return form, selectors.week_start(form.cleaned_data["week"] or last)


#: Placements on one page of the group screen, in the order of the people's names. An
#: organization can have hundreds in a week: one form of 445 rows took 170 ms of CPU to draw,
#: logged 445 people as seen, and is no screen to type on with a phone.
ATTENDANCE_PAGE_SIZE = 50


@login_required
def attendance_group(request: HttpRequest) -> HttpResponse:
    """The organization's placements for one week, a page at a time, one number each (no
    JavaScript). Saving records the hours typed on the page shown, then shows that page again."""
    user = request_user(request)
    _require_partner(user)
    # From the week the organization's first placement started to this week.
    first_week, this_week = selectors.attendance_weeks(user)
    data = request.POST if request.method == "POST" else request.GET
    week_form, picked = _week_from(data, first_week, this_week)
    if picked is None and request.method != "POST":
        # A week that cannot be shown is dropped, with a word; this week is shown instead.
        messages.warning(
            request,
            _("The week “%(value)s” cannot be shown; here is this week.")
            % {"value": Truncator(data.get("week", "")).chars(20)},
        )
        week_form, picked = _week_from(QueryDict(), first_week, this_week)
    if picked is None:
        # The hours were typed for a week that cannot be: nothing is recorded; the page shows
        # this week with what was typed, and why.
        week_form.add_error(None, _("Nothing was saved: the week of these hours is not valid."))
    week = picked or this_week
    # A page number that is not one shows the first page; one past the end, the last.
    page = Paginator(selectors.list_placements_for_week(user, week), ATTENDANCE_PAGE_SIZE).get_page(
        data.get("page")
    )
    placements = list(page.object_list)
    latest = selectors.latest_attendance_by_placement(placements, week)
    errors: dict[int, str] = {}
    typed: dict[int, str] = {}
    if request.method == "POST":
        typed = {p.pk: request.POST.get(f"hours-{p.uuid}", "").strip() for p in placements}
    if request.method == "POST" and picked is not None:
        hours: dict[Placement, Decimal] = {}
        for placement in placements:
            raw = typed[placement.pk]
            if raw == "":
                continue  # nothing typed: nothing recorded, nothing saved before is lost
            try:
                value = actions.parse_hours(raw)
                actions.check_attendance(placement, week, value)
            except ValidationError as error:
                errors[placement.pk] = " ".join(error.messages)
                continue
            hours[placement] = value
        if not errors:
            written = actions.record_group_attendance(
                actor=user, week=week, hours_by_placement=hours
            )
            messages.success(
                request,
                _("Attendance saved for the week of %(day)s: %(count)s new entries.")
                % {"day": long_date(week), "count": written},
            )
            shown = f"?week={week.isoformat()}"
            if page.number > 1:
                shown += f"&page={page.number}"
            return redirect(reverse("paas:attendance_group") + shown)
    rows = [
        {
            "placement": placement,
            "field": f"hours-{placement.uuid}",
            "planned": selectors.planned_hours(placement, week + dt.timedelta(days=6)),
            "entry": latest.get(placement.pk),
            "value": typed.get(
                placement.pk,
                hours_text(latest[placement.pk].hours) if placement.pk in latest else "",
            ),
            "error": errors.get(placement.pk, ""),
        }
        for placement in placements
    ]
    record_access(
        user=user,
        shown=[p.participant for p in placements],
        kind=AccessKind.PAAS_ATTENDANCE,
        request=request,
    )
    return render(
        request,
        "paas/attendance_group.html",
        {
            "week": week,
            "week_end": week + dt.timedelta(days=6),
            "previous_week": week - dt.timedelta(weeks=1) if week > first_week else None,
            "next_week": week + dt.timedelta(weeks=1),
            "is_current_week": week >= selectors.week_start(timezone.localdate()),
            "week_form": week_form,
            "rows": rows,
            "page": page,
            "page_query": f"week={week.isoformat()}",
            "error_count": len(errors),
        },
        status=400 if errors or picked is None else 200,
    )


@login_required
def placement_attendance(request: HttpRequest, placement_uuid: uuid.UUID) -> HttpResponse:
    """One placement's attendance: every entry (corrections included) and a form to record a
    week or correct it with a note. Other organizations get the same 404 as for a missing one."""
    user = request_user(request)
    placement = selectors.get_placement_for_user(user, placement_uuid)
    if not user.has_perm("paas.record_attendance", placement):
        raise Http404
    form = bind_form(
        request,
        AttendanceEntryForm,
        initial={"week_start": selectors.week_start(timezone.localdate())},
    )
    field = form.fields["week_start"]
    assert isinstance(field, BoundedDateField)
    # Weeks between the placement's dates (any day of the week), none after this week.
    last = min(placement.end_date or timezone.localdate(), timezone.localdate())
    field.limit(
        earliest=selectors.week_start(placement.start_date),
        latest=selectors.week_start(last) + dt.timedelta(days=6),
    )
    if request.method == "POST" and form.is_valid():
        week = selectors.week_start(form.cleaned_data["week_start"])
        try:
            hours = actions.parse_hours(form.cleaned_data["hours"])
            actions.record_attendance(
                actor=user,
                placement=placement,
                week_start=week,
                hours=hours,
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            form.add_error("hours", error)
        else:
            messages.success(
                request,
                _("Attendance saved for the week of %(day)s.") % {"day": long_date(week)},
            )
            return redirect("paas:placement_attendance", placement_uuid=placement.uuid)
    record_access(
        user=user, shown=placement.participant, kind=AccessKind.PAAS_ATTENDANCE, request=request
    )
    return render(
        request,
        "paas/placement_attendance.html",
        {
            "placement": placement,
            "form": form,
            "attendance": selectors.list_attendance_for_placement(placement)[:100],
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def attendance_import(request: HttpRequest) -> HttpResponse:
    """CSV import of weekly hours: a dry run shows each row's result, then "Import" records
    the correct rows (each a new entry)."""
    user = request_user(request)
    _require_partner(user)
    form = AttendanceImportForm(request.POST or None, request.FILES or None)
    results: list[actions.AttendanceRow] | None = None
    imported = False
    if request.method == "POST" and form.is_valid():
        imported = request.POST.get("step") == "import"
        with transaction.atomic():
            results = actions.import_attendance(actor=user, rows=form.rows(), dry_run=not imported)
        if imported:
            count = sum(1 for row in results if row.ok and row.outcome != "unchanged")
            messages.success(request, _("%(count)s rows imported.") % {"count": count})
    accepted = sum(1 for row in results or [] if row.ok)
    return render(
        request,
        "paas/attendance_import.html",
        {
            "form": form,
            "results": results,
            "imported": imported,
            "accepted": accepted,
            "refused": len(results or []) - accepted,
            "content": form.cleaned_data.get("content", "")
            if form.is_bound and form.is_valid()
            else "",
        },
        status=400 if request.method == "POST" and not form.is_valid() else 200,
    )


# ---------------------------------------------------------------------------------------------
# Placements


@login_required
def placement_list(request: HttpRequest) -> HttpResponse:
    """The caseworker's participants in PAAS Action, waiting lists and free places."""
    user = request_user(request)
    if not may(user, "paas.list_placements"):
        raise PermissionDenied
    placements = list(selectors.list_placements_for_caseworker(user)[:200])
    notices = selectors.list_free_place_notices_for_caseworker(user)
    record_access(
        user=user,
        shown=[p.participant_id for p in placements] + [n.participant_id for n in notices],
        kind=AccessKind.PAAS_PLACEMENTS,
        request=request,
    )
    today = timezone.localdate()
    return render(
        request,
        "paas/placement_list.html",
        {
            "rows": [
                {"placement": p, "hours": selectors.planned_hours(p, today)} for p in placements
            ],
            "notices": notices,
        },
    )


@login_required
def place_participant(request: HttpRequest, participant_uuid: uuid.UUID) -> HttpResponse:
    """The caseworker places a participant (or puts them on the waiting list)."""
    user = request_user(request)
    participant = get_participant_for_user(user, participant_uuid)
    if not user.has_perm("participants.change_participant", participant):
        raise PermissionDenied
    organizations = selectors.organizations_for_placement(participant, timezone.localdate())
    form = bind_form(request, PlacementForm, organizations=organizations)
    decision = None
    if request.method == "POST" and form.is_valid():
        try:
            outcome = actions.place_participant(
                actor=user,
                participant=participant,
                organization=form.cleaned_data["organization"],
                start_date=form.cleaned_data["start_date"],
                hours_plan=form.hours_plan(),
                objectives=form.objective_texts(),
                activities=form.activity_pairs(),
            )
        except ValidationError as error:
            show_refusal(form, error, PLACEMENT_ERROR_FIELDS)
        except actions.IneligibleError as refused:
            decision = refused.decision
            form.add_error(None, _("The rules say this person is not eligible to PAAS Action."))
        else:
            if outcome.placement is not None:
                messages.success(request, _("The participant is placed."))
                return redirect("paas:placement_detail", placement_uuid=outcome.placement.uuid)
            messages.warning(
                request,
                _(
                    "No place is free with %(name)s: the person is on its waiting list. "
                    "You will see “a place is free” when someone leaves."
                )
                % {"name": form.cleaned_data["organization"].name},
            )
            return redirect("participants:file", participant_uuid=participant.uuid)
    record_access(
        user=user, shown=participant, kind=AccessKind.PAAS_PLACEMENT_FORM, request=request
    )
    return render(
        request,
        "paas/place.html",
        {
            "participant": participant,
            "form": form,
            "decision": decision,
            "has_organizations": organizations.exists(),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def withdraw_waiting(request: HttpRequest, entry_uuid: uuid.UUID) -> HttpResponse:
    """Take a person off an organization's waiting list (their caseworker)."""
    user = request_user(request)
    entry = selectors.get_waiting_entry_for_user(user, entry_uuid)
    actions.withdraw_from_waiting_list(actor=user, entry=entry)
    messages.success(request, _("The person is no longer on the waiting list."))
    return redirect("participants:file", participant_uuid=entry.participant.uuid)


@login_required
def placement_detail(request: HttpRequest, placement_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    placement = selectors.get_placement_for_user(user, placement_uuid)
    record_access(
        user=user, shown=placement.participant, kind=AccessKind.PAAS_PLACEMENT, request=request
    )
    can_follow = user.has_perm("paas.follow_up_objectives", placement)
    return render(
        request,
        "paas/placement_detail.html",
        {
            "placement": placement,
            "back_url": reverse("paas:organization")
            if can_follow
            else reverse(
                "participants:file", kwargs={"participant_uuid": placement.participant.uuid}
            ),
            "planned_now": selectors.planned_hours(placement, timezone.localdate()),
            "attendance": selectors.list_attendance_for_placement(placement)[:60],
            "can_follow": can_follow,
            "can_end": PlacementStatus.ENDED in states.PLACEMENT.open_moves(user, placement),
            "objective_forms": [
                (
                    objective,
                    ObjectiveFollowUpForm(
                        prefix=str(objective.uuid),
                        initial={
                            "status": objective.status,
                            "follow_up": objective.follow_up,
                            "evaluation": objective.evaluation,
                        },
                    ),
                )
                for objective in placement.objectives.all()
            ]
            if can_follow
            else [],
            "add_objective_form": AddObjectiveForm() if can_follow else None,
        },
    )


@login_required
def end_placement(request: HttpRequest, placement_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    placement = selectors.get_placement_for_user(user, placement_uuid)
    if not user.has_perm("paas.end_placement", placement):
        raise PermissionDenied
    form = bind_form(request, EndPlacementForm)
    if request.method == "POST" and form.is_valid():
        try:
            actions.end_placement(actor=user, placement=placement, **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The placement has ended; the place is free again."))
            return redirect("paas:placement_detail", placement_uuid=placement.uuid)
    record_access(
        user=user, shown=placement.participant, kind=AccessKind.PAAS_EXIT_FORM, request=request
    )
    return render(
        request,
        "paas/end_placement.html",
        {"placement": placement, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def _objective_for(
    user: User, placement: Placement, objective_uuid: uuid.UUID
) -> PlacementObjective:
    objective = placement.objectives.filter(uuid=objective_uuid).first()
    if objective is None or not user.has_perm("paas.follow_up_objectives", placement):
        raise Http404
    return objective


@login_required
@require_POST
def follow_up_objective(
    request: HttpRequest, placement_uuid: uuid.UUID, objective_uuid: uuid.UUID
) -> HttpResponse:
    user = request_user(request)
    placement = selectors.get_placement_for_user(user, placement_uuid)
    objective = _objective_for(user, placement, objective_uuid)
    form = ObjectiveFollowUpForm(request.POST, prefix=str(objective.uuid))
    if form.is_valid():
        actions.follow_up_objective(actor=user, objective=objective, **form.cleaned_data)
        messages.success(request, _("The objective's follow-up is saved."))
    else:
        messages.error(request, _("Choose a status for the objective."))
    return redirect(
        reverse("paas:placement_detail", kwargs={"placement_uuid": placement.uuid})
        + f"#objective-{objective.uuid}"
    )


@login_required
@require_POST
def add_objective(request: HttpRequest, placement_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    placement = selectors.get_placement_for_user(user, placement_uuid)
    if not user.has_perm("paas.follow_up_objectives", placement):
        raise PermissionDenied
    form = AddObjectiveForm(request.POST)
    if form.is_valid():
        actions.add_objective(actor=user, placement=placement, text=form.cleaned_data["text"])
        messages.success(request, _("Objective added."))
    else:
        messages.error(request, _("Write the objective (300 characters at most)."))
    return redirect("paas:placement_detail", placement_uuid=placement.uuid)


# ---------------------------------------------------------------------------------------------
# The Ministry


def _grant_regions(user: User) -> Any:
    regions = grant_regions_q(user)
    if regions is None:
        return Region.objects.none()
    return Region.objects.filter(regions).order_by("code")


@login_required
def ministry(request: HttpRequest) -> HttpResponse:
    """Allocations, occupancy and spending per region against budget."""
    user = request_user(request)
    if not user.has_perm("paas.view_ministry"):
        raise PermissionDenied
    regions = selectors.ministry_overview(user)
    return render(
        request,
        "paas/ministry.html",
        {
            "regions": regions,
            "can_grant": _grant_regions(user).exists(),
            "payment_cents": selectors.monthly_payment_per_place_cents(timezone.localdate()),
            "totals": {
                "places": sum(r.places for r in regions),
                "occupied": sum(r.occupied for r in regions),
                "budget_cents": sum(r.budget_cents for r in regions),
                "spent_cents": sum(r.spent_cents for r in regions),
            },
        },
    )


@login_required
def grant_places(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    regions = _grant_regions(user)
    if not regions.exists():
        raise PermissionDenied
    form = bind_form(request, GrantPlacesForm, regions=regions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            allocation = actions.grant_places(
                actor=user,
                organization=data["organization"],
                region=data["region"],
                period_start=data["period_start"],
                period_end=data["period_end"],
                places=data["places"],
                budget_cents=form.budget_cents(),
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request,
                _("%(places)s places granted to %(name)s.")
                % {"places": allocation.places, "name": allocation.organization.name},
            )
            return redirect("paas:ministry")
    return render(
        request,
        "paas/grant.html",
        {
            "form": form,
            "payment_cents": selectors.monthly_payment_per_place_cents(timezone.localdate()),
        },
        status=400 if request.method == "POST" else 200,
    )
