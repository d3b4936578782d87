"""Forms of the key management pages: they parse; the actions decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ApiKeyForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the key"),
        max_length=80,
        help_text=_("Say which system uses it, e.g. “Client file software”."),
    )
    valid_days = forms.TypedChoiceField(
        label=_("Works for"),
        coerce=int,
        choices=[
            (90, _("3 months")),
            (180, _("6 months")),
            (365, _("1 year")),
        ],
        initial=365,
        required=False,
        empty_value=None,
        help_text=_("It then stops working; you are told two weeks before. Create a new one then."),
    )


class WebhookEndpointForm(forms.Form):
    url = forms.URLField(
        label=_("Address of your system"),
        max_length=200,
        assume_scheme="https",
        help_text=_("Where Sentier sends its messages, e.g. https://example.org/sentier/hooks."),
    )
