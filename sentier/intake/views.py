"""The application pages (public, resumable by link) and the caseworkers' review queue."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.accounts.requests import request_user
from sentier.audit.actions import record_access
from sentier.audit.models import AccessKind
from sentier.core import languages
from sentier.core.jurisdiction import app_enabled
from sentier.core.pagination import BoundedPaginator, bound_for_page
from sentier.intake import actions, selectors
from sentier.intake.forms import (
    AssistedStartForm,
    ReviewForm,
    ReviewQueueFilterForm,
    ReviewRequestForm,
)
from sentier.intake.models import (
    Application,
    ApplicationStatus,
    Channel,
    Path,
    Recommendation,
    ReviewStatus,
)
from sentier.intake.steps import (
    ALL_STEP_CODES,
    STEP_CODES,
    Step,
    form_class_for,
    questionnaire_form,
    steps_for,
)
from sentier.reference.models import Jurisdiction


def _jurisdiction() -> str:
    return Jurisdiction.ONTARIO if settings.SENTIER_JURISDICTION == "on" else Jurisdiction.QUEBEC


def _steps(application: Application) -> tuple[Step, ...]:
    return steps_for(application.answers, _jurisdiction(), channel=application.channel)


def _asks_channel(application: Application) -> bool:
    """Staff entering an application by phone or in person ask how the person wants to be told
    (issue 19), in both configurations (Ontario: ServiceOntario's phone line, a local office's
    or a First Nations site's counter, 004 Q13-Q14; the question's words are Ontario's)."""
    return application.channel != Channel.ONLINE and app_enabled("correspondence")


def _step_form(application: Application, code: str, data: Any = None) -> Any:
    if code == "questionnaire":
        form_class = questionnaire_form(timezone.localdate().isoformat(), _jurisdiction())
        return form_class(data=data)
    form_class = form_class_for(code)
    kwargs: dict[str, Any] = {}
    if code in ("identity", "contact", "program"):
        kwargs["jurisdiction"] = _jurisdiction()
    if code == "contact":
        kwargs["asks_channel"] = _asks_channel(application)
    initial = dict(application.answers.get("_defaults", {}))
    initial.update(application.answers.get(code, {}))
    return form_class(data=data, initial=initial, **kwargs)


def _as_data(typed: dict[str, list[str]]) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, values in typed.items():
        data.setlist(key, values)
    return data


def _typed_form(application: Application, code: str, typed: dict[str, list[str]]) -> Any:
    """The step filled with what was typed, not yet checked: no errors shown."""
    form = _step_form(application, code)
    data = _as_data(typed)
    for name, field in form.fields.items():
        form.initial[name] = field.widget.value_from_datadict(data, {}, form.add_prefix(name))
    return form


def _typed(request: HttpRequest) -> dict[str, list[str]]:
    skipped = ("csrfmiddlewaretoken", SWITCH_LANGUAGE)
    return {key: request.POST.getlist(key) for key in request.POST if key not in skipped}


def _can_edit(request: HttpRequest, application: Application) -> None:
    """Online drafts: whoever holds the link. Assisted drafts: only staff who may enter them."""
    if application.channel == Channel.ONLINE:
        return
    if not may(request.user, "intake.enter_application"):
        raise PermissionDenied


def start(request: HttpRequest) -> HttpResponse:
    """What the application is, then "Start": a new online draft with its own resume link."""
    if request.method == "POST":
        user = request.user if request.user.is_authenticated else None
        application = actions.start_application(
            channel=Channel.ONLINE, applicant=user if isinstance(user, User) else None
        )
        return redirect("intake:step", resume_key=application.resume_key, step=STEP_CODES[0])
    return render(request, "intake/start.html")


# The header's language switch on a step: a submit button of the step's form (see
# core/includes/language_switch.html), so what was typed is kept before the page changes language.
SWITCH_LANGUAGE = "switch_language"
STEP_FORM_ID = "sentier-step-form"


def step(request: HttpRequest, resume_key: str, step: str) -> HttpResponse:
    application = selectors.get_application_by_key(resume_key)
    if (
        request.method == "POST"
        and application.channel != Channel.ONLINE
        and application.status == ApplicationStatus.DRAFT
        and not request.user.is_authenticated
        and step in ALL_STEP_CODES
    ):
        # The caseworker's session ended while typing: keep what was typed, then sign in again.
        typed = {k: request.POST.getlist(k) for k in request.POST if k != "csrfmiddlewaretoken"}
        actions.save_step(application=application, step=step, typed=typed, cleaned=None)
        messages.warning(request, _("Your session ended. Sign in again: what you typed is kept."))
        return redirect(f"{reverse('account_login')}?next={request.path}")
    _can_edit(request, application)
    if application.status == ApplicationStatus.SUBMITTED:
        return redirect("intake:confirmation", resume_key=resume_key)
    steps = _steps(application)
    codes = [item.code for item in steps]
    if step not in codes:
        return redirect("intake:step", resume_key=resume_key, step=STEP_CODES[0])
    index = codes.index(step)
    status = 200
    switch_to = request.POST.get(SWITCH_LANGUAGE, "") if request.method == "POST" else ""
    if switch_to and switch_to not in languages.languages_for(request):
        # A language this page does not speak (a forged or stale button): French, with a notice.
        switch_to = languages.fall_back(request, switch_to)
    if switch_to:
        # Keep the step as a draft (checked values too when valid), then the same step in the
        # other language, showing what was typed.
        form = _step_form(application, step, data=request.POST)
        valid = form.is_valid()
        actions.save_step(
            application=application,
            step=step,
            typed=_typed(request),
            cleaned=form.cleaned_data if valid else None,
            unchecked=not valid,
        )
        with translation.override(switch_to):
            target = reverse("intake:step", kwargs={"resume_key": resume_key, "step": step})
        return redirect(target)
    if request.method == "POST":
        typed = _typed(request)
        form = _step_form(application, step, data=request.POST)
        valid = form.is_valid()
        actions.save_step(
            application=application,
            step=step,
            typed=typed,
            cleaned=form.cleaned_data if valid else None,
        )
        if valid:
            # The program answer decides whether there is a consent page: read the steps again.
            now = _steps(application)
            _say_if_the_steps_changed(request, steps, now)
            codes = [item.code for item in now]
            if index + 1 < len(codes):
                return redirect("intake:step", resume_key=resume_key, step=codes[index + 1])
            return redirect("intake:summary", resume_key=resume_key)
        status = 400
    else:
        typed = application.answers.get("_typed", {}).get(step)
        if typed is not None and step in application.answers.get("_unchecked", []):
            # Kept on the way to the other language: as typed, not judged yet.
            form = _typed_form(application, step, typed)
        elif typed is not None and step not in application.answers:
            # Typed earlier but not valid yet (a closed browser, an expired session…): show it.
            form = _step_form(application, step, data=_as_data(typed))
            form.is_valid()
        else:
            form = _step_form(application, step)
    return render(
        request,
        "intake/step.html",
        {
            "application": application,
            "form": form,
            "step": steps[index],
            "number": index + 1,
            "total": len(steps) + 1,  # the steps, then the summary
            "previous": codes[index - 1] if index else None,
            "switch_language_form": STEP_FORM_ID,
            "resume_url": request.build_absolute_uri(
                reverse("intake:step", kwargs={"resume_key": resume_key, "step": step})
            ),
        },
        status=status,
    )


def _say_if_the_steps_changed(
    request: HttpRequest, before: tuple[Step, ...], after: tuple[Step, ...]
) -> None:
    """The count of steps is the steps that apply from what is known so far (then the summary),
    and stays so; when an answer adds a step (or removes one), the next page says which and
    the new count, so that "Step 5 of 7" after "Step 4 of 6" is never a surprise."""
    total = len(after) + 1  # the steps, then the summary
    for item in after:
        if item not in before:
            messages.info(
                request,
                ngettext(
                    "Your answer adds a step: “%(step)s”. The application now has %(total)s step.",
                    "Your answer adds a step: “%(step)s”. The application now has %(total)s steps.",
                    total,
                )
                % {"step": item.title, "total": total},
            )
    for item in before:
        if item not in after:
            messages.info(
                request,
                ngettext(
                    "Your answer removes a step: “%(step)s”. The application now has %(total)s "
                    "step.",
                    "Your answer removes a step: “%(step)s”. The application now has %(total)s "
                    "steps.",
                    total,
                )
                % {"step": item.title, "total": total},
            )


def _summary_rows(application: Application) -> list[dict[str, Any]]:
    """Each step's questions and answers as the person gave them, for checking."""
    rows = []
    for number, item in enumerate(_steps(application), start=1):
        form = _step_form(application, item.code)
        values = application.answers.get(item.code, {})
        answers = []
        for name, field in form.fields.items():
            value = values.get(name)
            choices = dict(getattr(field, "choices", []) or [])
            if isinstance(value, list):
                shown = ", ".join(str(choices.get(v, v)) for v in value) or "—"
            elif isinstance(value, bool):
                shown = _("Yes") if value else _("No")
            else:
                shown = str(choices.get(value, value)) if value not in (None, "") else "—"
            answers.append({"label": field.label, "value": shown})
        rows.append(
            {
                "step": item,
                "number": number,
                "answers": answers,
                "complete": item.code in application.answers,
            }
        )
    return rows


def summary(request: HttpRequest, resume_key: str) -> HttpResponse:
    application = selectors.get_application_by_key(resume_key)
    _can_edit(request, application)
    if application.status == ApplicationStatus.SUBMITTED:
        return redirect("intake:confirmation", resume_key=resume_key)
    missing = actions.first_incomplete_step(application)
    if request.method == "POST":
        try:
            actions.submit_application(application_id=application.pk)
        except actions.IncompleteApplication as incomplete:
            messages.error(request, _("Some answers are missing. Complete this step first."))
            return redirect("intake:step", resume_key=resume_key, step=incomplete.step)
        return redirect("intake:confirmation", resume_key=resume_key)
    return render(
        request,
        "intake/summary.html",
        {
            "application": application,
            "rows": _summary_rows(application),
            "missing": missing,
            "number": len(_steps(application)) + 1,
            "total": len(_steps(application)) + 1,
        },
    )


def confirmation(request: HttpRequest, resume_key: str) -> HttpResponse:
    application = selectors.get_application_by_key(resume_key)
    if application.status != ApplicationStatus.SUBMITTED:
        return redirect("intake:summary", resume_key=resume_key)
    form = ReviewRequestForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            actions.request_human_review(
                application=application, comment=form.cleaned_data["comment"]
            )
            messages.success(request, _("Your request was recorded: a caseworker will review it."))
            return redirect("intake:confirmation", resume_key=resume_key)
        status = 400
    recommendation = application.recommendation
    return render(
        request,
        "intake/confirmation.html",
        {
            "application": application,
            "recommendation": recommendation,
            "file_number": application.participant.file_number if application.participant else "",
            "form": form,
        },
        status=status,
    )


@login_required
def assisted_start(request: HttpRequest) -> HttpResponse:
    """A caseworker enters an application given by phone or in person."""
    user = request_user(request)
    if not may(user, "intake.enter_application"):
        raise PermissionDenied
    form = AssistedStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        application = actions.start_application(
            channel=form.cleaned_data["channel"], entered_by=user
        )
        return redirect("intake:step", resume_key=application.resume_key, step=STEP_CODES[0])
    return render(request, "intake/assisted_start.html", {"form": form})


#: The review queue's page, and how far its applications are counted at least (the page asked
#: for may count further: ``bound_for_page``).
REVIEW_PAGE_SIZE = 25
REVIEW_COUNT_BOUND = 1000


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    if not may(user, "intake.view_review_queue"):
        raise PermissionDenied
    form = ReviewQueueFilterForm(request.GET or None)
    params = form.cleaned_data if form.is_bound and form.is_valid() else {}
    queryset = selectors.filter_review_queue(user, selectors.review_queue_for_user(user), params)
    # Counted as far as the page asked for needs (1,000 applications at least): a region's
    # pending applications joined to their files were counted on every page (93 ms at
    # 1,000,000 files, 16,632 waiting in Montréal).
    bound = bound_for_page(
        request.GET.get("page"), per_page=REVIEW_PAGE_SIZE, at_least=REVIEW_COUNT_BOUND
    )
    page = BoundedPaginator(queryset, REVIEW_PAGE_SIZE, bound=bound).get_page(
        request.GET.get("page")
    )
    record_access(
        user=user,
        shown=[row.participant_id for row in page.object_list],
        kind=AccessKind.REVIEW_QUEUE,
        request=request,
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "intake/review_queue.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "counts": selectors.override_counts(user),
            "can_enter": may(user, "intake.enter_application"),
        },
    )


@login_required
def review(request: HttpRequest, recommendation_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    recommendation = selectors.get_recommendation_for_user(user, recommendation_uuid)
    record_access(
        user=user, shown=recommendation.participant, kind=AccessKind.APPLICATION, request=request
    )
    form = ReviewForm(request.POST or None, initial={"final_path": recommendation.path})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                actions.review_recommendation(
                    actor=user,
                    recommendation=recommendation,
                    final_path=form.cleaned_data["final_path"],
                    reason=form.cleaned_data["reason"],
                )
            except actions.AlreadyReviewed as stale:
                return _review_conflict(request, user, stale.saved)
            except ValidationError as error:
                field = "reason" if error.code == "reason" else None
                form.add_error(field, error)
            else:
                messages.success(request, _("The orientation was recorded."))
                return redirect("intake:review", recommendation_uuid=recommendation.uuid)
        elif recommendation.status != ReviewStatus.PENDING:
            return _review_conflict(request, user, recommendation)
        status = 400
    return render(
        request,
        "intake/review.html",
        {
            "recommendation": recommendation,
            "rows": _summary_rows(recommendation.application),
            "form": form,
            "paths": dict(Path.choices),
            "can_review": may(user, "intake.review_application"),
        },
        status=status,
    )


def _review_conflict(request: HttpRequest, user: User, saved: Recommendation) -> HttpResponse:
    """A decision posted from a page read before the recommendation was decided: what was
    decided, by whom, beside what this person chose and typed (kept on the page, not saved)."""
    path = request.POST.get("final_path", "")
    reason = request.POST.get("reason", "")
    by_you = saved.reviewed_by_id == user.pk
    if by_you and path == saved.final_path and reason.strip() == saved.override_reason:
        # The same decision sent twice (a second click, another tab): nothing to compare.
        messages.info(request, _("This orientation was already recorded."))
        return redirect("intake:review", recommendation_uuid=saved.uuid)
    return render(
        request,
        "intake/review_conflict.html",
        {
            "recommendation": saved,
            "your_path": dict(Path.choices).get(path, ""),
            "your_reason": reason,
            "by_you": by_you,
        },
        status=409,
    )


@login_required
@require_POST
def assign_to_me(request: HttpRequest, recommendation_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    recommendation = selectors.get_recommendation_for_user(user, recommendation_uuid)
    actions.assign_recommendation(actor=user, recommendation=recommendation, assignee=user)
    messages.success(request, _("Assigned to you."))
    return redirect("intake:review", recommendation_uuid=recommendation.uuid)
