"""Forms of the support plan pages. They only parse what was typed; the actions decide what is
allowed, and their refusals go back next to the field (``sentier.core.forms.show_refusal``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sentier.consent.models import InformationCategory
from sentier.core.forms import BoundedDateField, BoundedDateTimeField, within_years
from sentier.network.models import Organization
from sentier.plans.models import (
    ActionKind,
    ActionStatus,
    Channel,
    Difficulty,
    EndReason,
    FollowUpMode,
    FollowUpStatus,
    Objective,
    ObjectiveStatus,
    Who,
)

#: Every date of a plan (end, due dates, follow-ups, extensions) is within three years of today;
#: the views also refuse one before the plan was opened (``not_before``).
PLAN_DATES = within_years(3, 3)
STAFF_CHANNELS = [
    (Channel.PHONE, Channel.PHONE.label),
    (Channel.IN_PERSON, Channel.IN_PERSON.label),
]


class VersionForm(forms.Form):
    """Carries the version the editor started from (optimistic concurrency)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class DifficultyChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        assert isinstance(obj, Difficulty)
        return obj.name_in(get_language())


def _difficulties() -> QuerySet[Difficulty]:
    return Difficulty.objects.filter(active=True)


class RequestForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("How did the person ask?"), choices=STAFF_CHANNELS, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("What the person said (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PlanFieldsForm(forms.Form):
    difficulties = DifficultyChoiceField(
        label=_("Difficulties the plan works on"),
        queryset=Difficulty.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("There is no formal list: choose what fits, or describe it below."),
    )
    other_difficulty = forms.CharField(
        label=_("Another difficulty, in your words"), required=False, max_length=300
    )
    purpose = forms.CharField(
        label=_("What the person wants from the plan, in their words"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    planned_end_on = BoundedDateField(
        label=_("Planned end"),
        required=False,
        help_text=_("Set with the person, according to their situation."),
        **PLAN_DATES,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["difficulties"].queryset = _difficulties()  # type: ignore[attr-defined]


class ProposeForm(PlanFieldsForm):
    objectives = forms.CharField(
        label=_("Objectives"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One objective a line, in the person's words. You can add more later."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial", {"planned_end_on": timezone.localdate() + dt.timedelta(weeks=26)}
        )
        super().__init__(*args, **kwargs)

    def objective_lines(self) -> list[str]:
        return [
            line.strip() for line in self.cleaned_data["objectives"].splitlines() if line.strip()
        ]


class EditPlanForm(PlanFieldsForm, VersionForm):
    pass


class AgreementForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("How did the person agree?"), choices=STAFF_CHANNELS, widget=forms.RadioSelect
    )
    confirm = forms.BooleanField(
        label=_(
            "I read this summary with the person; they agree freely and know that they can "
            "end the plan at any time, with no effect on their benefit."
        )
    )


class DeclineForm(forms.Form):
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CategoryForm(forms.Form):
    """The kind of information a row holds. An organization the plan is shared with chooses
    among the kinds the person consented to share with it (``categories``); the caseworker
    among all, "objectives and progress of the plan" when left empty."""

    category = forms.ChoiceField(
        label=_("Kind of information"),
        choices=[("", "—"), *InformationCategory.choices],
        required=False,
        help_text=_(
            "An organization the plan is shared with sees only what the person shares with it."
        ),
    )

    def __init__(self, *args: Any, categories: frozenset[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.categories = categories
        field = self.fields["category"]
        assert isinstance(field, forms.ChoiceField)
        if categories is not None:
            field.choices = [
                (code, label) for code, label in InformationCategory.choices if code in categories
            ]
            field.required = True
            field.error_messages["required"] = _("Choose the kind of information it holds.")
            field.help_text = _("Only what the person consented to share with your organization.")
        else:
            field.initial = InformationCategory.PLAN

    def clean_category(self) -> str:
        return str(self.cleaned_data.get("category") or InformationCategory.PLAN)


class ObjectiveForm(CategoryForm):
    text = forms.CharField(label=_("Objective"), max_length=300)

    field_order = ["text", "category"]


class EditObjectiveForm(ObjectiveForm, VersionForm):
    status = forms.ChoiceField(label=_("Status"), choices=ObjectiveStatus.choices)


class ActionForm(CategoryForm):
    what = forms.CharField(label=_("What"), max_length=300)
    kind = forms.ChoiceField(
        label=_("Kind of action"),
        choices=ActionKind.choices,
        initial=ActionKind.STEP,
        required=False,
        help_text=_("Volunteering and other social-participation activities are counted as such."),
    )
    who = forms.ChoiceField(label=_("Who"), choices=Who.choices)
    who_detail = forms.CharField(
        label=_("Name of the organization or person (optional)"), required=False, max_length=200
    )
    due_on = BoundedDateField(label=_("By when (optional)"), required=False, **PLAN_DATES)
    objective = forms.ModelChoiceField(
        label=_("For the objective"),
        queryset=Objective.objects.none(),
        required=False,
        empty_label=_("The plan as a whole"),
    )
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)

    def __init__(self, *args: Any, objectives: QuerySet[Objective], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = objectives  # type: ignore[attr-defined]

    def clean_kind(self) -> str:
        return str(self.cleaned_data.get("kind") or ActionKind.STEP)


class EditActionForm(ActionForm, VersionForm):
    pass


class FollowUpForm(CategoryForm):
    scheduled_for = BoundedDateTimeField(label=_("Date and time"), **PLAN_DATES)
    mode = forms.ChoiceField(label=_("How"), choices=FollowUpMode.choices)
    notes = forms.CharField(
        label=_("To prepare (optional)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    field_order = ["scheduled_for", "mode", "notes", "category"]


class RecordFollowUpForm(VersionForm):
    scheduled_for = BoundedDateTimeField(label=_("Date and time"), **PLAN_DATES)
    status = forms.ChoiceField(label=_("Status"), choices=FollowUpStatus.choices)
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    outcome = forms.CharField(
        label=_("Outcome"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the contact was held."),
    )


class ExtensionRequestForm(forms.Form):
    why = forms.CharField(
        label=_("Why more time?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: an objective is not attained yet, or a new need came up."),
    )
    wished_end_on = BoundedDateField(
        label=_("Until when? (optional)"), required=False, **PLAN_DATES
    )


class StaffExtensionRequestForm(ExtensionRequestForm):
    channel = forms.ChoiceField(
        label=_("How did the person ask?"), choices=STAFF_CHANNELS, widget=forms.RadioSelect
    )


class ExtensionDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("grant", _("Extend the plan")), ("refuse", _("Do not extend"))],
        widget=forms.RadioSelect,
    )
    new_end_on = BoundedDateField(
        label=_("New end date"),
        required=False,
        help_text=_("Required to extend."),
        **PLAN_DATES,
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The person will read it."),
    )


class EndPlanForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why does the plan end?"), choices=EndReason.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you end the plan yourself: the person will read it."),
    )


class ParticipantEndForm(forms.Form):
    note = forms.CharField(
        label=_("Would you like to tell us why? (optional)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ShareForm(forms.Form):
    """The organization the caseworker shares the running of the plan with: one the person
    consented, now, to share their plan with."""

    organization = forms.ModelChoiceField(
        label=_("Organization"),
        queryset=Organization.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the organization.")},
    )

    def __init__(self, *args: Any, organizations: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations  # type: ignore[attr-defined]
