"""The steps of the application: one topic per page, each a plain Django form.

The order here is the order of the pages; the questionnaire form is built from the rules package's
configuration (``sentier_rules.questionnaire``), so its questions are data, not template code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

import sentier_rules
from sentier.core import languages
from sentier.intake import questionnaire_text
from sentier.participants.forms import PHONE, POSTAL_CODE
from sentier.participants.help import TERM_HELP
from sentier.participants.models import ClaimBooklet, HouseholdType
from sentier.reference.models import FirstNationsSite, Jurisdiction, Region
from sentier.reference.selectors import list_assistance_programs
from sentier_rules.triage import Triage

#: The minimum age to apply on one's own, and whom to call below it, per jurisdiction (Ontario:
#: the social assistance application line, 004). Québec has none: no seed (000–003) sets an age,
#: so none is invented (issue 16); only the Ontario configuration keeps its 16.
CALL_US: dict[str, Any] = {
    Jurisdiction.ONTARIO: _(
        "You must be at least 16 to apply on your own. Call 1-888-999-1142 or your local "
        "Ontario Works office (dial 211 to find it)."
    ),
}


class IdentityForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=120)
    last_name = forms.CharField(label=_("Last name"), max_length=120)
    birth_date = forms.DateField(
        label=_("Date of birth"),
        help_text=_("For example 1985-03-14 (year, month, day)."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    preferred_language = forms.ChoiceField(
        label=_("Language for letters and calls"),
        choices=languages.CORRESPONDENCE_CHOICES,
        widget=forms.RadioSelect,
    )
    languages_spoken = forms.MultipleChoiceField(
        label=_("Languages you speak (optional)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    interpreter_language = forms.ChoiceField(
        label=_("Do you need an interpreter?"),
        help_text=_("Tell us if you need an interpreter to speak with a caseworker."),
        required=False,
    )

    def __init__(self, *args: Any, jurisdiction: str = Jurisdiction.QUEBEC, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.jurisdiction = jurisdiction
        # Each language named in itself and in the page's language; the page's language first
        # for the letters, unless the person already chose.
        spoken = languages.spoken_choices()
        cast(forms.MultipleChoiceField, self.fields["languages_spoken"]).choices = spoken
        cast(forms.ChoiceField, self.fields["interpreter_language"]).choices = [
            ("", _("No, I do not need an interpreter")),
            *((code, _("Yes, in %(language)s") % {"language": label}) for code, label in spoken),
        ]
        page = get_language() or ""
        if page in dict(languages.CORRESPONDENCE_CHOICES):
            self.fields["preferred_language"].initial = page

    def clean_birth_date(self) -> dt.date:
        born: dt.date = self.cleaned_data["birth_date"]
        today = timezone.localdate()
        if born > today:
            raise forms.ValidationError(_("The date of birth cannot be in the future."))
        if born.year < today.year - 120:
            raise forms.ValidationError(_("Check the year of birth."))
        if self.jurisdiction in CALL_US and (today - born).days < 16 * 365:
            raise forms.ValidationError(CALL_US[self.jurisdiction])
        return born


#: How the person wants to be told about their file (issue 19), asked when staff enter the
#: application by phone or in person; the codes are correspondence's channels, which record it
#: when the application is sent (``sentier.correspondence.apps``).
TOLD_BY_CHOICES = (
    ("email", _("By e-mail")),
    ("letter", _("By letter")),
    ("phone", _("By a phone call from their caseworker")),
)
#: Ontario: nobody has a caseworker before the grant; the intake unit that decides calls, then
#: the local office (``ontario.correspondence.caller``).
ON_TOLD_BY_CHOICES = (
    ("email", _("By e-mail")),
    ("letter", _("By letter")),
    ("phone", _("By a phone call from intake staff, then from their local office")),
)


class ContactForm(forms.Form):
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=30,
        required=False,
        help_text=_("So that a caseworker can call you. For example 514 555-0123."),
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    address = forms.CharField(label=_("Address"), max_length=250, required=False)
    city = forms.CharField(label=_("City"), max_length=120)
    postal_code = forms.CharField(
        label=_("Postal code"),
        max_length=7,
        required=False,
        help_text=_("For example H2X 1Y4."),
    )
    region = forms.ChoiceField(label=_("Region where you live"))

    def __init__(
        self,
        *args: Any,
        jurisdiction: str = Jurisdiction.QUEBEC,
        asks_channel: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.jurisdiction = jurisdiction
        if asks_channel:
            ontario = jurisdiction == Jurisdiction.ONTARIO
            self.fields["told_by"] = forms.ChoiceField(
                label=_("How does the person want to be told about their file?"),
                help_text=_(
                    "Ask them. An e-mail needs an address; a letter, the full postal address."
                ),
                choices=ON_TOLD_BY_CHOICES if ontario else TOLD_BY_CHOICES,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose how the person wants to be told."),
                    "invalid_choice": _("Choose how the person wants to be told."),
                },
            )
        field = self.fields["region"]
        assert isinstance(field, forms.ChoiceField)
        regions = Region.objects.filter(jurisdiction=jurisdiction)
        if jurisdiction == Jurisdiction.ONTARIO:
            # Ontario: the 47 service areas (municipal service managers and district boards),
            # by name; and whether a First Nation delivers Ontario Works to the person (004 Q8).
            field.label = _("Where you live (service area)")
            field.help_text = _(
                "Your city, county, region or district. Not sure? Dial 211 and give your postal "
                "code."
            )
            areas = sorted(((r.code, r.local_name) for r in regions), key=lambda c: c[1])
            field.choices = [("", _("Choose your service area")), *areas]
            self.fields["phone"].help_text = _(
                "So that a caseworker can call you. For example 416 555-0123."
            )
            self.fields["postal_code"].help_text = _("For example M5V 2T6.")
            self.fields["first_nations_site"] = forms.BooleanField(
                label=_("A First Nation delivers Ontario Works or ODSP where I live"),
                help_text=_("Tick this if you get services from a First Nation's office."),
                required=False,
            )
            # Which First Nations site delivers ODSP to the person (004 Q14): its applicants
            # stay with it, never the central queue. The list is configuration (the admin).
            self.sites = {
                site.code: site
                for site in FirstNationsSite.objects.filter(active=True).order_by("name", "id")
            }
            if self.sites:
                self.fields["first_nations_office"] = forms.ChoiceField(
                    label=_("Which First Nation's office serves you?"),
                    help_text=_("Only if you ticked the box above."),
                    required=False,
                    choices=[("", _("None")), *((c, s.local_name) for c, s in self.sites.items())],
                )
        else:
            field.choices = [("", _("Choose your region"))] + [
                (r.code, f"{r.code} {r.name}") for r in regions
            ]

    def clean_phone(self) -> str:
        value = str(self.cleaned_data.get("phone") or "").strip()
        if value and not PHONE.match(value):
            if self.jurisdiction == Jurisdiction.ONTARIO:
                raise forms.ValidationError(
                    _("Enter a 10-digit phone number such as 416 555-0123.")
                )
            raise forms.ValidationError(_("Enter a 10-digit phone number such as 514 555-0123."))
        return value

    def clean_postal_code(self) -> str:
        value = str(self.cleaned_data.get("postal_code") or "").strip().upper()
        if value and not POSTAL_CODE.match(value):
            if self.jurisdiction == Jurisdiction.ONTARIO:
                raise forms.ValidationError(_("Enter a Canadian postal code such as M5V 2T6."))
            raise forms.ValidationError(_("Enter a Canadian postal code such as H2X 1Y4."))
        if value and " " not in value:
            value = f"{value[:3]} {value[3:]}"
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("first_nations_office"):
            data["first_nations_site"] = True
        elif data.get("first_nations_site") and "first_nations_office" in self.fields:
            self.add_error(
                "first_nations_office", _("Choose the First Nation's office that serves you.")
            )
        self._check_channel_data(data)
        if not data.get("phone") and not data.get("email") and not self.errors:
            raise forms.ValidationError(
                _("Give a phone number or an e-mail address, so that we can reach you.")
            )
        return data

    def _check_channel_data(self, data: dict[str, Any]) -> None:
        """The way chosen to be told needs its contact data: an error on each field missing."""
        told_by = data.get("told_by")
        if told_by == "email" and not data.get("email") and "email" not in self.errors:
            self.add_error(
                "email", _("An e-mail needs an address: give one, or choose another way.")
            )
        if told_by == "letter":
            if not str(data.get("address") or "").strip() and "address" not in self.errors:
                self.add_error("address", _("A letter needs the street address."))
            if not data.get("postal_code") and "postal_code" not in self.errors:
                self.add_error("postal_code", _("A letter needs the postal code."))
        if told_by == "phone" and not data.get("phone") and "phone" not in self.errors:
            self.add_error(
                "phone", _("A phone call needs a number: give one, or choose another way.")
            )


class HouseholdForm(forms.Form):
    household_type = forms.ChoiceField(
        label=_("Who lives with you?"), choices=HouseholdType.choices, widget=forms.RadioSelect
    )
    adults = forms.IntegerField(
        label=_("Adults in the household, you included"), min_value=1, max_value=20, initial=1
    )
    children = forms.IntegerField(
        label=_("Children in the household"), min_value=0, max_value=20, initial=0
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, adults, children = (
            data.get("household_type"),
            data.get("adults"),
            data.get("children"),
        )
        if kind in ("single", "single_parent") and adults and adults > 1:
            self.add_error(
                "adults", _("You said you live alone with no other adult: check this number.")
            )
        if kind in ("couple", "couple_children") and adults is not None and adults < 2:
            self.add_error("adults", _("A couple is at least two adults."))
        if kind in ("single", "couple") and children:
            self.add_error(
                "children", _("You said there are no children: choose another answer above.")
            )
        if kind in ("single_parent", "couple_children") and children == 0:
            self.add_error("children", _("You said there are children: how many?"))
        return data


class ProgramForm(forms.Form):
    program = forms.ChoiceField(
        label=_("Which assistance are you applying for?"), widget=forms.RadioSelect
    )
    claim_booklet = forms.ChoiceField(
        label=_("Do you have a claim booklet (carnet de réclamation)?"),
        help_text=TERM_HELP["claim_booklet"].answer,
        choices=[("", _("No, or I don't know"))] + [c for c in ClaimBooklet.choices if c[0]],
        required=False,
    )
    asylum_seeker = forms.BooleanField(label=_("I am an asylum seeker"), required=False)

    def __init__(self, *args: Any, jurisdiction: str = Jurisdiction.QUEBEC, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["program"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            # What a person applies for: not the public employment services (no assistance).
            (p.code, p.local_name)
            for p in list_assistance_programs(jurisdiction)
        ]
        if jurisdiction == Jurisdiction.ONTARIO:
            # The claim booklet (carnet de réclamation) is Québec's.
            del self.fields["claim_booklet"]


def questionnaire_form(date: str, jurisdiction: str) -> type[forms.Form]:
    """A form class whose fields are the configured questions, in the page's language."""
    page = get_language() or "fr-ca"
    english = page.startswith("en")
    # The rules package words its questions in French and English only: a page in Spanish,
    # Arabic or Haitian Creole shows the catalog's translation of the English text
    # (``questionnaire_text``), else the French, isolated (U+2068…U+2069) so that it reads left
    # to right, punctuation included, inside an Arabic page.
    foreign = page in languages.PARTICIPANT_ONLY_LANGUAGES

    def word(item: dict[str, Any], key: str = "") -> str:
        french, english_text = item.get(f"{key}fr") or "", item.get(f"{key}en") or ""
        if english:
            return english_text
        if not foreign or not french:
            return french
        return questionnaire_text.translated(english_text, french) or f"\u2068{french}\u2069"

    config = sentier_rules.questionnaire(date, jurisdiction=jurisdiction)
    fields: dict[str, forms.Field] = {}
    for question in config["questions"]:
        label = word(question)
        help_text = word(question, "help_")
        choices = [(o["code"], word(o)) for o in question["options"]]
        if question["kind"] == "multi":
            fields[question["code"]] = forms.MultipleChoiceField(
                label=label,
                help_text=help_text,
                choices=choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
        else:
            fields[question["code"]] = forms.ChoiceField(
                label=label,
                help_text=help_text,
                choices=choices,
                required=False,
                widget=forms.RadioSelect,
            )
    exclusive = {
        question.code: question.exclusive
        for question in Triage.shared().questions(dt.date.fromisoformat(date), jurisdiction)
        if question.exclusive
    }
    labels = {
        (question["code"], option["code"]): word(option)
        for question in config["questions"]
        for option in question["options"]
    }

    def clean(self: forms.Form) -> dict[str, Any]:
        """Contradictory answers are explained next to the question, e.g. "None of these"
        ticked together with a difficulty (the triage would refuse them at sending)."""
        data = forms.Form.clean(self) or {}
        for code, only in exclusive.items():
            chosen = data.get(code) or []
            for option in sorted(only & set(chosen)):
                if len(chosen) > 1:
                    self.add_error(
                        code,
                        _(
                            "“%(option)s” cannot be ticked together with another answer: "
                            "untick it or the others."
                        )
                        % {"option": labels[(code, option)]},
                    )
        return data

    form_class: type[forms.Form] = type(
        "QuestionnaireForm", (forms.Form,), {**fields, "clean": clean}
    )
    return form_class


class EmploymentOntarioConsentForm(forms.Form):
    """One unticked choice, on its own page: may we share with Employment Ontario? (004 Q10)"""

    eo_consent = forms.BooleanField(
        label=_(
            "Yes, I agree that my contact details, my program and file number, and my answer "
            "about starting a job may be shared with Employment Ontario"
        ),
        required=False,
    )


@dataclass(frozen=True)
class Step:
    code: str
    title: Any
    optional: bool = False


STEPS: tuple[Step, ...] = (
    Step("identity", _("About you")),
    Step("contact", _("How to reach you")),
    Step("household", _("Your household")),
    Step("program", _("The assistance you apply for")),
    Step("questionnaire", _("Your needs (optional)"), optional=True),
)
STEP_CODES = tuple(step.code for step in STEPS)

EO_CONSENT_STEP = Step("eo_consent", _("Sharing with Employment Ontario (optional)"), optional=True)
ALL_STEP_CODES = (*STEP_CODES, EO_CONSENT_STEP.code)


def asks_employment_ontario_consent(answers: dict[str, Any], *, channel: str) -> bool:
    """Whether the Employment Ontario consent page is asked: only when the fast track can
    apply to the person whatever their readiness answer (the rules say: program, channel,
    First Nations site, date; 004 Q1, Q8). Nobody is asked to share for a referral that
    cannot happen."""
    program = answers.get("program", {}).get("program")
    if not program:
        return False
    [answer] = sentier_rules.decide(
        {
            "measure": "employment_fast_track",
            "date": timezone.localdate().isoformat(),
            "person": {
                "jurisdiction": Jurisdiction.ONTARIO,
                "program": program,
                "application_channel": channel,
                "employment_ready": True,
                "first_nations_site": bool(answers.get("contact", {}).get("first_nations_site")),
            },
        }
    )
    return bool(answer.get("eligible"))


def steps_for(
    answers: dict[str, Any], jurisdiction: str, *, channel: str = "online"
) -> tuple[Step, ...]:
    """The pages of one application: in Ontario, applicants the fast track can apply to are
    also asked whether their information may go to Employment Ontario (ODSP applicants, First
    Nations sites and phone or in-person applications are not)."""
    if jurisdiction != Jurisdiction.ONTARIO:
        return STEPS
    if not asks_employment_ontario_consent(answers, channel=channel):
        return STEPS
    return (*STEPS, EO_CONSENT_STEP)


def form_class_for(code: str) -> type[forms.Form]:
    forms_by_step: dict[str, type[forms.Form]] = {
        "identity": IdentityForm,
        "contact": ContactForm,
        "household": HouseholdForm,
        "program": ProgramForm,
        "eo_consent": EmploymentOntarioConsentForm,
    }
    return forms_by_step[code]
