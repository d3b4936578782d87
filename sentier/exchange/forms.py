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


class WebhookEndpointForm(forms.Form):
    url = forms.URLField(
        label=_("Address of your system"),
        max_length=200,
        assume_scheme="https",
        help_text=_("Where Sentier sends its messages, e.g. https://example.org/sentier/hooks."),
    )
