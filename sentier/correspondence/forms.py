"""Forms of correspondence: the outcome of a call, the person's channel, the letters chosen."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django import forms
from django.utils.translation import gettext_lazy as _

from sentier.correspondence.models import CallOutcome, Channel


class CallOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome of the call"),
        choices=CallOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the outcome of the call.")},
    )
    note = forms.CharField(label=_("Note (optional)"), max_length=300, required=False)


class ContactPreferenceForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("How the person wants to be told"),
        choices=Channel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how the person wants to be told.")},
    )


def notice_keys(values: Iterable[str]) -> list[uuid.UUID] | None:
    """The letters posted by the mailing page, in order and once each; None when one of them is
    not a UUID (a tampered or broken form)."""
    keys: list[uuid.UUID] = []
    for value in values:
        try:
            key = uuid.UUID(str(value))
        except ValueError:
            return None
        if key not in keys:
            keys.append(key)
    return keys
