"""Forms of the Ontario pages (rendered by the project's form renderer, with an error summary)."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sentier.accounts.models import User
from sentier.consent.models import Channel as ConsentChannel
from sentier.consent.models import InformationCategory
from sentier.core import ratings
from sentier.core.forms import BoundedDateField, days_from_today
from sentier.intake.models import Channel as IntakeChannel
from sentier.ontario.actions import INFO_DUE_MAX_DAYS
from sentier.ontario.models import ow_refusal_reasons
from sentier.ontario.selectors import ASSESSMENTS, GRANTS, REVIEWS, WorklistFilters
from sentier.reference.models import DeferralReason, PrescribedClass, Region


def _review_date(**kwargs: Any) -> BoundedDateField:
    """A deferral's review date: after today and within a year, as the actions require."""
    return BoundedDateField(
        earliest=days_from_today(1),
        latest=days_from_today(366),
        error_messages={
            "too_early": _("The review date must be after today."),
            "too_late": _("Review a deferral within a year."),
        },
        **kwargs,
    )


def _in_force(model: type[DeferralReason] | type[PrescribedClass]) -> list[Any]:
    today = timezone.localdate()
    return [row for row in model.objects.order_by("name") if row.applies_on(today)]


class DeferralForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"))
    review_on = _review_date(
        label=_("Review on"),
        help_text=_("For example 2026-12-15 (year, month, day)."),
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.reasons = {row.code: row for row in _in_force(DeferralReason)}
        field = self.fields["reason"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("Choose a reason"))] + [
            (code, str(row.name)) for code, row in self.reasons.items()
        ]

    def clean_reason(self) -> DeferralReason:
        reason: DeferralReason = self.reasons[self.cleaned_data["reason"]]
        return reason


class DeferralReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("After this review"),
        choices=[("keep", _("Keep the deferral")), ("end", _("End the deferral"))],
        widget=forms.RadioSelect,
    )
    review_on = _review_date(label=_("Next review on (if kept)"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "keep" and not data.get("review_on") and not self.errors:
            self.add_error("review_on", _("Give the date of the next review."))
        return data


class ActionPlanForm(forms.Form):
    goal = forms.CharField(
        label=_("Goal agreed with the person"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    activities = forms.CharField(
        label=_("Activities and supports"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ActionPlanReviewForm(forms.Form):
    notes = forms.CharField(
        label=_("What you reviewed with the person"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CompleteAssessmentForm(forms.Form):
    summary = forms.CharField(
        label=_("Conclusions of the common assessment"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


EO_CATEGORY_CHOICES = [
    (InformationCategory.IDENTITY, _("Name, language and contact details")),
    (InformationCategory.PROGRAM, _("Assistance program and file number")),
    (InformationCategory.EMPLOYMENT, _("Education, work experience and job readiness")),
]


class EmploymentOntarioReferralForm(forms.Form):
    need = forms.CharField(
        label=_("What the person needs from Employment Ontario"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    categories = forms.MultipleChoiceField(
        label=_("Information the person agreed to share"),
        choices=EO_CATEGORY_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    channel = forms.ChoiceField(
        label=_("How the person gave their consent"),
        choices=[
            (ConsentChannel.IN_PERSON, _("In person")),
            (ConsentChannel.PHONE, _("By phone")),
            (ConsentChannel.PAPER, _("Signed paper form")),
        ],
        widget=forms.RadioSelect,
    )


# ---------------------------------------------------------------- the OW intake unit's decisions


class OWDecisionForm(forms.Form):
    """What every decision on an OW application carries: the status the page showed, so that a
    decision made from a stale page is caught (see ``actions.AlreadyDecided``)."""

    seen = forms.CharField(widget=forms.HiddenInput, required=False)


class GrantOWForm(OWDecisionForm):
    pass


class RefuseOWForm(OWDecisionForm):
    reason = forms.ChoiceField(label=_("Reason for the refusal"))
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["reason"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("Choose a reason"))] + [
            (code, str(label)) for code, label in ow_refusal_reasons().items()
        ]
        field.error_messages["required"] = _("Choose the reason for the refusal.")


class WithdrawOWForm(OWDecisionForm):
    note = forms.CharField(
        label=_("How the person withdrew (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AskInformationForm(OWDecisionForm):
    what = forms.CharField(
        label=_("Information missing"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The person reads this in their file: write it plainly."),
    )
    due_on = BoundedDateField(
        label=_("Due on"),
        earliest=days_from_today(1),
        latest=days_from_today(INFO_DUE_MAX_DAYS),
        help_text=_("For example 2026-12-15 (year, month, day)."),
        error_messages={
            "too_early": _("The due date must be after today."),
            "too_late": _("Give the person at most 60 days."),
        },
    )


class InformationReceivedForm(OWDecisionForm):
    pass


OW_DECISION_FORMS: dict[str, type[OWDecisionForm]] = {
    "grant": GrantOWForm,
    "refuse": RefuseOWForm,
    "withdraw": WithdrawOWForm,
    "ask": AskInformationForm,
    "received": InformationReceivedForm,
}


class ConfirmODSPForm(forms.Form):
    prescribed_class = forms.ChoiceField(
        label=_("Member of a prescribed class?"),
        required=False,
        help_text=_("A member of a prescribed class needs no Disability Determination Package."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.classes = {row.code: row for row in _in_force(PrescribedClass)}
        field = self.fields["prescribed_class"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("No: generate the package"))] + [
            (code, str(row.name)) for code, row in self.classes.items()
        ]

    def clean_prescribed_class(self) -> PrescribedClass | None:
        code = self.cleaned_data.get("prescribed_class") or ""
        return self.classes.get(code)


# ---------------------------------------------------------------- the local office worklist

ASSIGNED_CHOICES = [("all", _("Anyone")), ("me", _("Me")), ("nobody", _("Nobody yet"))]
SITUATION_CHOICES = [
    ("", _("All")),
    ("no_plan", _("No action plan yet")),
    ("deferral", _("A deferral in force")),
    ("deferral_due", _("A deferral review due")),
    ("referred", _("Referred to Employment Ontario")),
]
DUE_CHOICES = [
    ("", _("Overdue and due soon")),
    ("overdue", _("Overdue")),
    ("soon", _("Due within two weeks")),
]


class WorklistFilterForm(forms.Form):
    """The filters of one of the worklist's lists (a GET form; the list itself is a hidden
    ``worklist`` input of the page). Values not understood are dropped, never a 500:
    :meth:`understood` says whether every value was."""

    assigned = forms.ChoiceField(label=_("Assigned to"), required=False, choices=ASSIGNED_CHOICES)
    area = forms.ChoiceField(label=_("Service area"), required=False)
    channel = forms.ChoiceField(
        label=_("Channel"),
        required=False,
        choices=[("", _("All channels")), *IntakeChannel.choices],
    )
    situation = forms.ChoiceField(label=_("Show"), required=False, choices=SITUATION_CHOICES)
    due = forms.ChoiceField(label=_("Review"), required=False, choices=DUE_CHOICES)

    #: The filters that only make sense on one list.
    ONLY_ON = {"channel": GRANTS, "situation": ASSESSMENTS, "due": REVIEWS}

    def __init__(self, *args: Any, worklist: str, areas: list[Region], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.areas = {area.code: area for area in areas}
        for name, shown_on in self.ONLY_ON.items():
            if shown_on != worklist:
                del self.fields[name]
        if len(self.areas) > 1:
            field = self.fields["area"]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [("", _("All areas"))] + [
                (code, str(area)) for code, area in self.areas.items()
            ]
        else:
            del self.fields["area"]

    def understood(self) -> bool:
        """Validate; values not understood are dropped (the others still apply)."""
        if self.is_valid():
            return True
        kept = QueryDict(mutable=True)
        for name in self.data:
            if name not in self.errors:
                source = self.data
                kept.setlist(
                    name, source.getlist(name) if isinstance(source, QueryDict) else [source[name]]
                )
        self.data = kept
        self._errors = None  # validate again without them
        self.full_clean()
        return False

    def filters(self) -> WorklistFilters:
        data = self.cleaned_data if self.is_bound and not self.errors else {}
        return WorklistFilters(
            assigned=data.get("assigned") or "all",
            area=self.areas.get(data.get("area") or ""),
            channel=data.get("channel") or "",
            situation=data.get("situation") or "",
            due=data.get("due") or "",
        )


class AssignForm(forms.Form):
    """Who works this row: a colleague of the area's OW local office, or nobody."""

    # A select of the colleagues, but any key is accepted here: whether that person may be
    # assigned is the action's call (a translated refusal next to the field).
    assignee = forms.CharField(label=_("Assign to"), required=False, widget=forms.Select)

    def __init__(self, *args: Any, colleagues: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        widget = self.fields["assignee"].widget
        assert isinstance(widget, forms.Select)
        widget.choices = [("", _("Nobody"))] + [
            (str(person.uuid), str(person)) for person in colleagues
        ]

    def clean_assignee(self) -> User | None:
        """The person chosen (None: nobody); an unknown key is refused here."""
        key = self.cleaned_data.get("assignee") or ""
        if not key:
            return None
        try:
            return User.objects.get(uuid=uuid.UUID(key))
        except (ValueError, User.DoesNotExist) as exc:
            raise forms.ValidationError(_("Choose a colleague of the local office.")) from exc


class SiteSurveyForm(forms.Form):
    """The quarter's site survey (``ontario.site_survey``): five statements about the new
    referral pathways (004 Q3, Q6, Q9) and an optional comment."""

    informed = ratings.question(
        _("We know which of our clients were referred to Employment Ontario at grant time.")
    )
    supported = ratings.question(
        _("Clients referred at grant time still get the full range of our supports.")
    )
    targets = ratings.question(_("Our targets still fit the clients we can refer ourselves."))
    ministry = ratings.question(_("The ministry’s operational supports answer our questions."))
    overall = ratings.question(_("Overall, the new referral pathways work well for our clients."))
    comment = ratings.comment(_("What should the ministry change in the referral pathways?"))
