"""The survey pages: a participant's survey after a milestone (also in es/ar/ht, see
``sentier.core.languages``) and the partner organizations' quarterly survey. Plain forms, no
JavaScript; a bad answer comes back with its error and everything typed kept."""

from __future__ import annotations

import uuid

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from sentier.accounts.permissions import may
from sentier.accounts.requests import request_user
from sentier.core.forms import bind_form, show_refusal
from sentier.core.lifecycle import Refusal
from sentier.feedback import actions, selectors
from sentier.feedback.forms import PartnerSurveyForm, participant_form_for
from sentier.feedback.models import PARTNER_QUESTIONS, Moment, questions_for
from sentier.participants.selectors import get_own_participant

#: A milestone whose survey page says something of its own.
SURVEY_TEMPLATES: dict[str, str] = {Moment.PLACEMENT_ENDED: "feedback/survey_placement.html"}


def _status(form: forms.BaseForm) -> int:
    return 400 if form.is_bound and form.errors else 200


@login_required
def survey(request: HttpRequest, moment: str, subject: uuid.UUID) -> HttpResponse:
    """How did it go? Four statements to agree with or not (a PAAS Action participation's
    are its own, on a page of its own), and an optional comment."""
    user = request_user(request)
    participant = get_own_participant(user)
    if moment not in Moment.values:
        raise Http404
    milestone = selectors.find_milestone(participant, moment, subject)
    if milestone is None:
        raise Http404
    context: dict[str, object] = {"milestone": milestone}
    if selectors.has_answered(participant, milestone):
        # Answered already: said plainly, nothing changed (409 to a form sent again).
        status = 409 if request.method == "POST" else 200
        return render(request, "feedback/answered.html", context, status=status)
    form = bind_form(request, participant_form_for(moment))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.answer_participant_survey(
                actor=user,
                participant=participant,
                milestone=milestone,
                answers={name: data[name] for name in questions_for(moment)},
                comment=data["comment"],
                language=translation.get_language() or "",
            )
        except Refusal as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Thank you. Your answers were saved."))
            return redirect("participants:my_file")
    context["form"] = form
    template = SURVEY_TEMPLATES.get(moment, "feedback/survey.html")
    return render(request, template, context, status=_status(form))


@login_required
def partner_survey(request: HttpRequest) -> HttpResponse:
    """The quarter's survey of a partner organization's staff about the referral process."""
    user = request_user(request)
    if not may(user, "accounts.work_for_organization") or user.organization_id is None:
        raise Http404
    period = selectors.current_quarter()
    context: dict[str, object] = {"period": period}
    if selectors.partner_has_answered(user, period):
        status = 409 if request.method == "POST" else 200
        return render(request, "feedback/partner_answered.html", context, status=status)
    regions = selectors.organization_regions(user.organization_id)
    form = bind_form(request, PartnerSurveyForm, regions=regions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.answer_partner_survey(
                actor=user,
                region=data["region"],
                answers={name: data[name] for name in PARTNER_QUESTIONS},
                comment=data["comment"],
                language=translation.get_language() or "",
            )
        except Refusal as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Thank you. Your answers were saved."))
            return redirect("core:home")
    context["form"] = form
    return render(request, "feedback/partner_survey.html", context, status=_status(form))
