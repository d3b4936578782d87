"""Forms of the Ontario pages (rendered by the project's form renderer, with an error summary)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sentier.consent.models import Channel as ConsentChannel
from sentier.consent.models import InformationCategory
from sentier.reference.models import DeferralReason, PrescribedClass


def _in_force(model: type[DeferralReason] | type[PrescribedClass]) -> list[Any]:
    today = timezone.localdate()
    return [row for row in model.objects.order_by("name") if row.applies_on(today)]


class DeferralForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"))
    review_on = forms.DateField(
        label=_("Review on"),
        help_text=_("For example 2026-12-15 (year, month, day)."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
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
    review_on = forms.DateField(
        label=_("Next review on (if kept)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

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
