"""Forms of the referral pages: the steps of sending, cancelling, and the partner's answers.

Forms only parse what was typed; ``send_referral`` and ``transition_referral`` decide.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sentier.consent.models import InformationCategory
from sentier.referrals.models import ReferralStatus
from sentier.referrals.selectors import Option, service_kinds

TEXT_LIMIT = 2000


class NeedForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What kind of help does the person need?"), widget=forms.RadioSelect
    )
    need = forms.CharField(
        label=_("What the person needs from the organization"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "In plain words: the organization reads it. Write only what the referral needs."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = service_kinds()  # type: ignore[attr-defined]


class OrganizationForm(forms.Form):
    """The choice among :class:`~sentier.referrals.selectors.Option` values (rendered by hand)."""

    choice = forms.ChoiceField(
        label=_("Organization"),
        error_messages={
            "required": _("Choose an organization."),
            "invalid_choice": _("Choose one of the organizations listed."),
        },
    )

    def __init__(self, *args: Any, options: list[Option], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options = {option.value: option for option in options}
        self.fields["choice"].choices = [(o.value, o.organization.name) for o in options]  # type: ignore[attr-defined]

    def option(self) -> Option:
        return self.options[self.cleaned_data["choice"]]


class InformationForm(forms.Form):
    categories = forms.MultipleChoiceField(
        label=_("Information to send"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only what the person agreed to share with this organization can be chosen."),
        error_messages={
            "required": _("Choose the information to send."),
            "invalid_choice": _("The person did not agree to share this information."),
        },
    )

    def __init__(self, *args: Any, allowed: set[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["categories"].choices = [  # type: ignore[attr-defined]
            (value, label) for value, label in InformationCategory.choices if value in allowed
        ]


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the referral cancelled?"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The organization sees this reason."),
        error_messages={"required": _("Give the reason.")},
    )


# What the receiving organization may do, the button it sees and the text it must give.
ANSWER_LABELS: dict[str, Any] = {
    ReferralStatus.ACCEPTED: _("Accept"),
    ReferralStatus.REJECTED: _("Decline"),
    ReferralStatus.IN_PROGRESS: _("Start the service"),
    ReferralStatus.ON_HOLD: _("Put on hold"),
    ReferralStatus.COMPLETED: pgettext_lazy("referral", "Completed"),
    ReferralStatus.FAILED: _("Did not work out"),
}
TEXT_LABELS: dict[str, Any] = {
    ReferralStatus.REJECTED: _("Why do you decline?"),
    ReferralStatus.ON_HOLD: _("Why is it on hold? (optional)"),
    ReferralStatus.COMPLETED: _("Outcome for the person"),
    ReferralStatus.FAILED: _("What happened?"),
}
TEXT_REQUIRED: set[str] = {ReferralStatus.REJECTED, ReferralStatus.COMPLETED, ReferralStatus.FAILED}


class AnswerForm(forms.Form):
    """One of the partner's answers: the target status ``to`` is a plain hidden input of the
    page (one form per possible move); ``text`` when the move needs one."""

    def __init__(self, *args: Any, to: str, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", to)
        super().__init__(*args, **kwargs)
        self.target = to
        if to in TEXT_LABELS:
            self.fields["text"] = forms.CharField(
                label=TEXT_LABELS[to],
                max_length=TEXT_LIMIT,
                required=to in TEXT_REQUIRED,
                widget=forms.Textarea(attrs={"rows": 3}),
                error_messages={"required": _("Give the reason.")},
            )

    @property
    def button(self) -> str:
        return str(ANSWER_LABELS.get(self.target, self.target))

    def text(self) -> str:
        return str(self.cleaned_data.get("text", "") or "")


class LinkAnswerForm(forms.Form):
    """The answer of an organization without an account (signed link)."""

    answer = forms.ChoiceField(
        label=_("Do you accept this referral?"),
        choices=[
            (ReferralStatus.ACCEPTED, _("We accept this referral")),
            (ReferralStatus.REJECTED, _("We decline this referral")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose to accept or decline.")},
    )
    reason = forms.CharField(
        label=_("If you decline: why?"),
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required to decline. The caseworker reads it to refer the person elsewhere."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("answer") == ReferralStatus.REJECTED and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give the reason."))
        return data


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All"))]
        + [(v, label) for v, label in ReferralStatus.choices if v != ReferralStatus.DRAFT],
    )
