"""Decision pages: ask the rules, read and replay a decision, handle worklist items."""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import sentier_rules
from sentier.accounts.permissions import may
from sentier.accounts.requests import request_user
from sentier.audit.actions import record_access
from sentier.audit.models import AccessKind
from sentier.decisions import actions, selectors
from sentier.decisions.forms import DecisionForm
from sentier.participants.selectors import get_participant_for_user
from sentier_rules.codes import PARAMETER_GROUPS


@login_required
def rules_catalog(request: HttpRequest) -> HttpResponse:
    """This jurisdiction's rule parameters with their dated values in words, labels and source
    documents by title, for staff to read."""
    if not may(request.user, "decisions.view_rules_catalog"):
        raise PermissionDenied
    english = (get_language() or "").startswith("en")
    language = "en" if english else "fr"
    jurisdiction = settings.SENTIER_JURISDICTION.upper()
    groups: dict[str, list[dict[str, object]]] = {}
    for parameter in sentier_rules.parameter_catalog(jurisdiction=jurisdiction):
        measure = str(parameter["path"]).split(".", 1)[0]
        groups.setdefault(measure, []).append(
            {
                **parameter,
                "label": parameter[f"label_{language}"],
                "source": parameter[f"reference_{language}"],
                "values": [
                    {"start": _day(str(value["start"])), "words": value[language]}
                    for value in parameter["values"]
                ],
            }
        )
    measures: list[dict[str, object]] = []
    for code, parameters in groups.items():
        if code in sentier_rules.MEASURES:
            name = sentier_rules.MEASURES[code][language]
        else:
            french_name, english_name, _where = PARAMETER_GROUPS[code]
            name = english_name if english else french_name
        measures.append({"code": code, "name": name, "parameters": parameters})
    return render(
        request,
        "decisions/rules.html",
        {"measures": measures, "rules_version": sentier_rules.RULES_VERSION},
    )


def _day(iso: str) -> object:
    """A value's start date, or None for the rules' first day (« since always »)."""
    return None if iso <= "2000-01-01" else dt.date.fromisoformat(iso)


@login_required
def new_decision(request: HttpRequest, participant_uuid: uuid.UUID) -> HttpResponse:
    """Ask the rules about one measure for this participant."""
    user = request_user(request)
    participant = get_participant_for_user(user, participant_uuid)
    if not user.has_perm("participants.change_participant", participant):
        raise PermissionDenied
    form = DecisionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                decision = actions.decide_for_participant(
                    actor=user, participant=participant, **form.rules_arguments()
                )
            except actions.DecisionInputError as error:
                english = (get_language() or "").startswith("en")
                message = error.error.get("en" if english else "fr") or str(error)
                field = error.error.get("field") or ""
                form.add_error(field if field in form.fields else None, message)
            else:
                return redirect("decisions:detail", decision_uuid=decision.uuid)
        status = 400
    record_access(user=user, shown=participant, kind=AccessKind.ELIGIBILITY_FORM, request=request)
    return render(
        request, "decisions/new.html", {"participant": participant, "form": form}, status=status
    )


@login_required
def decision_detail(request: HttpRequest, decision_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    decision = selectors.get_decision_for_user(user, decision_uuid)
    record_access(user=user, shown=decision.participant, kind=AccessKind.DECISION, request=request)
    return render(request, "decisions/detail.html", {"decision": decision, "replay": None})


@login_required
@require_POST
def replay(request: HttpRequest, decision_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    decision = selectors.get_decision_for_user(user, decision_uuid)
    record_access(user=user, shown=decision.participant, kind=AccessKind.DECISION, request=request)
    result = actions.replay_decision(decision)
    return render(request, "decisions/detail.html", {"decision": decision, "replay": result})


@login_required
@require_POST
def handle_change(request: HttpRequest, change_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    change = selectors.get_change_for_user(user, change_uuid)
    actions.mark_change_handled(actor=user, change=change)
    messages.success(request, _("Marked as handled."))
    return redirect("core:home")
