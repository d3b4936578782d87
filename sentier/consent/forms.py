"""Forms of the consent pages: what to share with whom, then one unticked "yes" to the text.

Nothing is pre-ticked. ``record_consent`` decides; its refusals go back next to their field.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sentier.consent.models import Channel, InformationCategory, Purpose, RecipientKind
from sentier.core.forms import BoundedDateField, days_from_today
from sentier.core.text import french
from sentier.network.models import Organization
from sentier.network.selectors import list_current_organizations

#: Purposes whose recipient is always one organization of the directory.
ONE_ORGANIZATION = frozenset({Purpose.REFERRAL, Purpose.SUPPORT_PLAN})

STAFF_CHANNELS = [(c.value, c.label) for c in Channel if c != Channel.ONLINE]


class ChoiceForm(forms.Form):
    """Step 1: the recipient, the kinds of information and (optionally) an end date."""

    recipient_kind = forms.ChoiceField(
        label=_("Who would receive the information?"),
        widget=forms.RadioSelect,
        choices=RecipientKind.choices,
        error_messages={"required": _("Choose who receives the information.")},
    )
    recipient_organization = forms.ModelChoiceField(
        label=_("Which organization?"),
        queryset=Organization.objects.order_by(*french("name")),
        required=False,
        to_field_name="uuid",
        empty_label=_("Choose an organization"),
        error_messages={"invalid_choice": _("Choose one of the organizations listed.")},
    )
    categories = forms.MultipleChoiceField(
        label=_("What information may be shared?"),
        choices=InformationCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick only what you agree to share. Nothing else will be shared."),
        error_messages={
            "required": _("Choose at least one kind of information."),
            "invalid_choice": _("One of the kinds of information is not known."),
        },
    )
    expires_on = BoundedDateField(
        label=_("Until when? (optional)"),
        required=False,
        help_text=_("Leave empty for one year. You can withdraw your consent at any time."),
        # The limits ``record_consent`` keeps to, checked here on the first step: the person is
        # never asked to agree to a text with an end date that would then be refused.
        earliest=days_from_today(1),
        latest=lambda: days_from_today(settings.SENTIER_CONSENT_DAYS)(),
        error_messages={
            "invalid": _("Enter a date, for example 2027-03-31."),
            "too_early": _("The end date must be after today."),
        },
    )

    def __init__(self, *args: Any, purpose: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.purpose = purpose
        # This jurisdiction's organizations only (read per form: the setting may change).
        organizations = self.fields["recipient_organization"]
        assert isinstance(organizations, forms.ModelChoiceField)
        organizations.queryset = list_current_organizations().order_by(*french("name"))
        self.fields["expires_on"].error_messages["too_late"] = _(
            "A consent lasts at most %(days)d days."
        ) % {"days": settings.SENTIER_CONSENT_DAYS}
        if purpose in ONE_ORGANIZATION:
            # A referral, or the running of a support plan, goes to one organization: no
            # category of recipients.
            del self.fields["recipient_kind"]
            self.fields["recipient_organization"].required = True
            self.fields["recipient_organization"].error_messages["required"] = _(
                "Name the organization that receives it."
            )

    def chosen_recipient_kind(self) -> str:
        if self.purpose in ONE_ORGANIZATION:
            return RecipientKind.ORGANIZATION
        return str(self.cleaned_data.get("recipient_kind", ""))


class AgreeForm(forms.Form):
    """Step 2: the text, then ONE unticked box. The caseworker also says how it was heard."""

    agree = forms.BooleanField(
        label=_("Yes, I agree to this text"),
        required=False,
    )

    def __init__(self, *args: Any, staff: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.staff = staff
        if staff:
            self.fields["agree"].label = _("The person heard or read this text and said yes")
            self.fields["channel"] = forms.ChoiceField(
                label=_("How did the person give their consent?"),
                choices=STAFF_CHANNELS,
                widget=forms.RadioSelect,
                error_messages={"required": _("Say how the person gave their consent.")},
            )

    def clean_agree(self) -> bool:
        if not self.cleaned_data.get("agree"):
            raise forms.ValidationError(
                _("Tick the box to say yes. To say no, simply leave this page.")
            )
        return True


class WithdrawForm(forms.Form):
    """The caseworker says how the withdrawal was heard; the person needs no field."""

    channel = forms.ChoiceField(
        label=_("How did the person withdraw their consent?"),
        choices=STAFF_CHANNELS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say how the person withdrew their consent.")},
    )
