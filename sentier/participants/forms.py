"""Forms for the caseload filters, saved searches, notes and file details."""

from __future__ import annotations

import re
import uuid
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from sentier.core import languages
from sentier.core.forms import BoundedDateField, years_from_today
from sentier.core.jurisdiction import field_offered
from sentier.participants.actions import EDITABLE_FIELDS
from sentier.participants.models import FileStatus, Participant
from sentier.reference.selectors import list_current_programs, list_current_regions

POSTAL_CODE = re.compile(r"^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$")
PHONE = re.compile(r"^\+?1?[ .-]?\(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}( ?(poste|ext\.?|x) ?\d{1,6})?$")


class CaseloadFilterForm(forms.Form):
    """The filters of the caseload page; every field is optional and validated."""

    scope = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("mine", _("My participants")),
            ("recent", _("Recently assigned to me")),
            ("all", _("All participants in my region")),
        ],
    )
    q = forms.CharField(label=_("Name or file number"), required=False, max_length=100)
    region = forms.ChoiceField(label=_("Region"), required=False)
    program = forms.ChoiceField(label=_("Program"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *FileStatus.choices]
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        region_field = self.fields["region"]
        program_field = self.fields["program"]
        assert isinstance(region_field, forms.ChoiceField)
        assert isinstance(program_field, forms.ChoiceField)
        region_field.choices = [
            ("", _("All regions")),
            *((r.code, str(r)) for r in list_current_regions()),
        ]
        program_field.choices = [
            ("", _("All")),
            *((p.code, str(p)) for p in list_current_programs()),
        ]


class SavedSearchForm(forms.Form):
    name = forms.CharField(label=_("Name of this search"), max_length=80)
    query = forms.CharField(widget=forms.HiddenInput, required=False, max_length=500)


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )
    # A new key each time the form is shown: the same form sent twice (a double click, or sent
    # again after an answer lost on a poor connection) adds its note once.
    key = forms.UUIDField(widget=forms.HiddenInput, required=False, initial=uuid.uuid4)


class ParticipantDetailsForm(forms.ModelForm[Participant]):
    """The facts a caseworker may correct on a file."""

    # In the past, and not more than 120 years ago (the application's own limits).
    birth_date = BoundedDateField(
        label=_("Date of birth"),
        required=False,
        earliest=years_from_today(-120),
        latest=timezone.localdate,
        error_messages={
            "too_early": _("Check the year of birth."),
            "too_late": _("The date of birth cannot be in the future."),
        },
    )
    # A household as the application counts it (``clean`` says why there is at least one adult).
    adults = forms.IntegerField(
        label=capfirst(_("adults in household")), min_value=0, max_value=20, initial=1
    )
    children = forms.IntegerField(
        label=capfirst(_("children in household")), min_value=0, max_value=20, initial=0
    )

    languages_spoken = forms.MultipleChoiceField(
        label=capfirst(_("languages spoken")),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    interpreter_language = forms.ChoiceField(
        label=capfirst(_("interpreter needed")), required=False
    )

    class Meta:
        model = Participant
        fields = list(EDITABLE_FIELDS)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        spoken = languages.spoken_choices()
        cast(forms.MultipleChoiceField, self.fields["languages_spoken"]).choices = spoken
        cast(forms.ChoiceField, self.fields["interpreter_language"]).choices = [
            ("", _("No interpreter needed")),
            *spoken,
        ]
        # A fact this jurisdiction does not keep (the claim booklet in Ontario) is not asked.
        for name in [name for name in self.fields if not field_offered(name)]:
            del self.fields[name]

    def clean_postal_code(self) -> str:
        value = str(self.cleaned_data.get("postal_code") or "").strip().upper()
        if value and not POSTAL_CODE.match(value):
            raise forms.ValidationError(
                _("Enter a Canadian postal code such as H2X 1Y4."), code="postal_code"
            )
        if value and " " not in value:
            value = f"{value[:3]} {value[3:]}"
        return value

    def clean_phone(self) -> str:
        value = str(self.cleaned_data.get("phone") or "").strip()
        if value and not PHONE.match(value):
            raise forms.ValidationError(
                _("Enter a 10-digit phone number such as 514 555-0123."), code="phone"
            )
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        adults = data.get("adults")
        if adults is not None and adults < 1:
            self.add_error("adults", _("A household has at least one adult."))
        if data.get("household_type") == "single" and (data.get("children") or 0) > 0:
            self.add_error(
                "children",
                _("A single person has no children in the household; choose “Single parent”."),
            )
        return data


class OpenFileForm(forms.ModelForm[Participant]):
    """A file a caseworker opens by hand, in their region: in Québec, for a participant of the
    public employment services who applies for no assistance (000: the service plan is also for
    them), or for a person met before any application. The program lists this jurisdiction's."""

    birth_date = BoundedDateField(
        label=_("Date of birth"),
        required=False,
        earliest=years_from_today(-120),
        latest=timezone.localdate,
        error_messages={
            "too_early": _("Check the year of birth."),
            "too_late": _("The date of birth cannot be in the future."),
        },
    )

    class Meta:
        model = Participant
        fields = [
            "first_name",
            "last_name",
            "birth_date",
            "program",
            "email",
            "phone",
            "postal_code",
            "preferred_language",
        ]
        widgets = {"program": forms.RadioSelect}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        program = cast("forms.ModelChoiceField[Any]", self.fields["program"])
        program.queryset = list_current_programs()
        program.empty_label = None
        program.help_text = _(
            "Public employment services: the person receives no last-resort assistance."
        )

    clean_postal_code = ParticipantDetailsForm.clean_postal_code
    clean_phone = ParticipantDetailsForm.clean_phone
