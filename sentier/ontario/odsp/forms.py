"""Forms of the ODSP intake unit's pages: the queue's filters, the assignment, and the reading
of a batch of packages chosen on the mailing page."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sentier.accounts.models import User
from sentier.intake.models import Channel
from sentier.ontario.odsp import selectors

STAGES = [
    (selectors.STAGE_OPEN, _("To do: to confirm or to mail")),
    (selectors.STAGE_RECEIVED, _("Received: eligibility to confirm")),
    (selectors.STAGE_CONFIRMED, _("Confirmed: no package needed")),
    (selectors.STAGE_QUEUED, _("Package to mail")),
    (selectors.STAGE_MAILED, _("Package mailed")),
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
