"""The site survey's page (``ontario:site_survey``): the supervisor of an Ontario Works site
answers the quarter's survey for their site, and reads their site's earlier answers. A plain
form, no JavaScript; a bad answer comes back with its error and everything typed kept; a second
answer in the quarter is refused (409) with nothing changed. 404 for anyone else, and outside
the Ontario configuration."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from sentier.accounts.requests import request_user
from sentier.core.forms import bind_form, show_refusal
from sentier.core.lifecycle import Refusal
from sentier.core.ratings import Rating
from sentier.ontario import site_survey
from sentier.ontario.forms import SiteSurveyForm
from sentier.ontario.models import SITE_QUESTIONS, SiteSurveyResponse
from sentier.ontario.pages import ontario_only


def _label(name: str) -> str:
    return str(SiteSurveyForm.base_fields[name].label)


def _rating(answer: SiteSurveyResponse, name: str) -> str:
    return str(Rating(getattr(answer, name)).label)


@login_required
def site_survey_page(request: HttpRequest) -> HttpResponse:
    ontario_only()
    user = request_user(request)
    site = site_survey.site_of(user)
    if site is None:
        raise Http404
    period = site_survey.current_quarter()
    answered = site_survey.site_answer(site, period)
    form = None if answered is not None else bind_form(request, SiteSurveyForm)
    status = 200
    if answered is not None and request.method == "POST":
        status = 409  # answered already: said on the page, nothing changed
    elif form is not None and request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                site_survey.answer_site_survey(
                    actor=user,
                    answers={name: data[name] for name in SITE_QUESTIONS},
                    comment=data["comment"],
                    language=translation.get_language() or "",
                )
            except Refusal as error:
                show_refusal(form, error)
            else:
                messages.success(request, _("Thank you. Your site’s answers were saved."))
                return redirect("ontario:site_survey")
        status = 400
    context = {
        "site": site,
        "period": period,
        "answered": answered,
        "form": form,
        "answers": [
            (answer, [(_label(name), _rating(answer, name)) for name in SITE_QUESTIONS])
            for answer in site_survey.answers_for_site(user)
        ],
    }
    return render(request, "ontario/site_survey.html", context, status=status)
