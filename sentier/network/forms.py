"""The directory's search form: free text, region and clientele, every field optional."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sentier.network.models import Clientele
from sentier.reference.models import Region


class DirectoryFilterForm(forms.Form):
    """Validated directory filters. A value that is not valid is dropped, never an error page."""

    q = forms.CharField(
        label=_("Name, city or keyword"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    region = forms.ChoiceField(label=_("Region"), required=False)
    clientele = forms.ChoiceField(label=_("Target clientele"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        region_field = self.fields["region"]
        clientele_field = self.fields["clientele"]
        assert isinstance(region_field, forms.ChoiceField)
        assert isinstance(clientele_field, forms.ChoiceField)
        region_field.choices = [
            ("", _("All regions")),
            *((r.code, f"{r.code} {r.name}") for r in Region.objects.all()),
        ]
        clientele_choices = sorted(
            ((c.code, str(c.name)) for c in Clientele.objects.all()), key=lambda c: c[1]
        )
        clientele_field.choices = [("", _("All clienteles")), *clientele_choices]

    def filters(self) -> dict[str, str]:
        """The valid filters (``text``, ``region_code``, ``clientele_code``); others are ''."""
        if not self.is_bound:
            return {"text": "", "region_code": "", "clientele_code": ""}
        self.is_valid()
        cleaned = self.cleaned_data
        return {
            "text": str(cleaned.get("q") or "").strip(),
            "region_code": str(cleaned.get("region") or ""),
            "clientele_code": str(cleaned.get("clientele") or ""),
        }
