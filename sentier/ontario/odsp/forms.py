"""Forms of the ODSP intake unit's pages: the queue's filters, the assignment, and the reading
of a batch of packages chosen on the mailing page."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sentier.accounts.models import User
from sentier.core.forms import BoundedDateField, days_from_today
from sentier.intake.models import Channel
from sentier.ontario.models import Adjudication, Delivery, ODSPRefusalReason
from sentier.ontario.odsp import selectors
from sentier.ontario.odsp.actions import INFO_DAYS_MAX
from sentier.participants.forms import POSTAL_CODE

#: Canada's provinces and territories, as Canada Post writes them on an envelope (Ontario first).
PROVINCES = [
    (code, code)
    for code in ("ON", "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "PE", "QC", "SK", "YT")
]

STAGES = [
    (selectors.STAGE_OPEN, _("To do: to confirm or to mail")),
    (selectors.STAGE_RECEIVED, _("Received: eligibility to confirm")),
    (selectors.STAGE_INFO, _("Waiting for information")),
    (selectors.STAGE_CONFIRMED, _("Confirmed: no package needed")),
    (selectors.STAGE_QUEUED, _("Package to mail")),
    (selectors.STAGE_MAILED, _("Package sent: return awaited")),
    (selectors.STAGE_RETURN_DUE, _("Package return due within 14 days or late")),
    (selectors.STAGE_RETURNED, _("Package returned: to send to adjudication")),
    (selectors.STAGE_WITH_DAU, _("With the Disability Adjudication Unit")),
    (selectors.STAGE_CLOSED, _("Refused or closed")),
    (selectors.STAGE_ALL, _("All")),
]


class ODSPQueueFilterForm(forms.Form):
    stage = forms.ChoiceField(label=_("Stage"), required=False, choices=STAGES)
    channel = forms.ChoiceField(
        label=_("Channel"),
        required=False,
        choices=[
            ("", _("All channels")),
            (Channel.ONLINE, _("Online")),
            (Channel.PHONE, _("By phone")),
            (Channel.IN_PERSON, _("In person")),
        ],
    )
    assigned = forms.ChoiceField(
        label=_("Assigned to"),
        required=False,
        choices=[("all", _("Anyone")), ("me", _("Me")), ("nobody", _("Nobody yet"))],
    )


class AssignForm(forms.Form):
    assignee = forms.ChoiceField(label=_("Assign to"), required=False)

    def __init__(self, *args: Any, colleagues: Iterable[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.colleagues = {str(user.uuid): user for user in colleagues}
        field = self.fields["assignee"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("Nobody"))] + [
            (key, str(user)) for key, user in self.colleagues.items()
        ]

    def clean_assignee(self) -> User | None:
        key = self.cleaned_data["assignee"]
        return self.colleagues[key] if key else None


def package_keys(values: Iterable[str]) -> list[uuid.UUID] | None:
    """The package UUIDs posted by the mailing page, in order and once each; None when one of
    them is not a UUID (a tampered or broken form)."""
    keys: list[uuid.UUID] = []
    for value in values:
        try:
            key = uuid.UUID(str(value))
        except ValueError:
            return None
        if key not in keys:
            keys.append(key)
    return keys


class PrintOptionsForm(forms.Form):
    two_sided = forms.BooleanField(
        label=_("Two-sided printing: start each package on a new sheet"), required=False
    )


# ---------------------------------------------------------------- decisions and the package


class VersionedForm(forms.Form):
    """Carries the version of the row the page showed: a decision sent from an older one (a
    colleague decided meanwhile, or a stale tab) is refused and what was typed is kept."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)


class InfoReceivedForm(VersionedForm):
    """The information asked for came."""


class SendToDAUForm(VersionedForm):
    """The returned package goes to the Disability Adjudication Unit."""


class RefuseODSPForm(VersionedForm):
    reason = forms.ChoiceField(label=_("Reason for the refusal"), required=False)
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.reasons = {
            row.code: row for row in ODSPRefusalReason.objects.all() if row.applies_on(today)
        }
        field = self.fields["reason"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("Choose a reason"))] + [
            (code, str(row.name)) for code, row in self.reasons.items()
        ]

    def clean_reason(self) -> ODSPRefusalReason | None:
        return self.reasons.get(self.cleaned_data.get("reason") or "")


class WithdrawODSPForm(VersionedForm):
    note = forms.CharField(
        label=_("How the applicant withdrew (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RequestInfoForm(VersionedForm):
    what = forms.CharField(
        label=_("Information missing"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Written for the applicant: they read it on their page."),
    )
    due_on = BoundedDateField(
        label=_("Due on"),
        earliest=days_from_today(1),
        latest=days_from_today(INFO_DAYS_MAX),
        error_messages={
            "too_early": _("The due date must be after today."),
            "too_late": _("Give the applicant at most 90 days."),
        },
    )


class PackageAddressForm(VersionedForm):
    street = forms.CharField(label=_("Street address"), max_length=250)
    city = forms.CharField(label=_("City"), max_length=120)
    province = forms.ChoiceField(
        label=_("Province or territory"),
        choices=PROVINCES,
        help_text=_("Two letters, as on an envelope: ON for Ontario."),
    )
    postal_code = forms.CharField(
        label=_("Postal code"), max_length=7, help_text=_("For example M5V 2T6.")
    )

    def clean_postal_code(self) -> str:
        value = str(self.cleaned_data.get("postal_code") or "").strip().upper()
        if not POSTAL_CODE.match(value):
            raise forms.ValidationError(_("Enter a Canadian postal code such as M5V 2T6."))
        return value if " " in value else f"{value[:3]} {value[3:]}"


class DeliverOtherwiseForm(VersionedForm):
    delivery = forms.ChoiceField(
        label=_("How the package is given"),
        choices=[(value, label) for value, label in Delivery.choices if value != Delivery.MAIL],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Why not by mail"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReturnedForm(VersionedForm):
    returned_on = BoundedDateField(
        label=_("Received back on"),
        earliest=days_from_today(-366),
        latest=days_from_today(0),
        error_messages={"too_late": _("This date cannot be in the future.")},
    )


class AdjudicationForm(VersionedForm):
    answer = forms.ChoiceField(
        label=_("The Disability Adjudication Unit's answer"),
        choices=Adjudication.choices,
        widget=forms.RadioSelect,
    )
    decided_on = BoundedDateField(
        label=_("Decided on"),
        earliest=days_from_today(-366),
        latest=days_from_today(0),
        error_messages={"too_late": _("This date cannot be in the future.")},
    )
    note = forms.CharField(
        label=_("Note"),
        help_text=_(
            "Required when more information is needed: which, as the applicant will read it."
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
