"""Forms of the partner network: the directory search, capacity, waiting lists, CSV import.

Forms only parse what was typed; the actions decide what is allowed and their refusals are put
back on the form next to the field they are about.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sentier.network.models import (
    Clientele,
    PriorityReason,
    Service,
    service_kinds_here,
)
from sentier.reference.selectors import list_current_regions

LANGUAGE_CHOICES = [("fr", _("French")), ("en", _("English"))]
MAX_IMPORT_BYTES = 2 * 1024 * 1024


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
    kind = forms.ChoiceField(
        label=_("Kind of service"),
        required=False,
        choices=lambda: [("", _("All kinds")), *service_kinds_here()],
    )
    language = forms.ChoiceField(
        label=_("Language of service"),
        required=False,
        choices=[("", _("All languages")), *LANGUAGE_CHOICES],
    )
    places = forms.BooleanField(label=_("Only with places available now"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        region_field = self.fields["region"]
        clientele_field = self.fields["clientele"]
        assert isinstance(region_field, forms.ChoiceField)
        assert isinstance(clientele_field, forms.ChoiceField)
        region_field.choices = [
            ("", _("All regions")),
            *((r.code, f"{r.code} {r.name}") for r in list_current_regions()),
        ]
        clientele_choices = sorted(
            ((c.code, c.local_name) for c in Clientele.objects.all()), key=lambda c: c[1]
        )
        clientele_field.choices = [("", _("All clienteles")), *clientele_choices]

    def filters(self) -> dict[str, Any]:
        """The valid filters (``text``, ``region_code``, ``clientele_code``, ``kind``,
        ``language``, ``has_places``); others are empty."""
        if not self.is_bound:
            return {
                "text": "",
                "region_code": "",
                "clientele_code": "",
                "kind": "",
                "language": "",
                "has_places": False,
            }
        self.is_valid()
        cleaned = self.cleaned_data
        return {
            "text": str(cleaned.get("q") or "").strip(),
            "region_code": str(cleaned.get("region") or ""),
            "clientele_code": str(cleaned.get("clientele") or ""),
            "kind": str(cleaned.get("kind") or ""),
            "language": str(cleaned.get("language") or ""),
            "has_places": bool(cleaned.get("places")),
        }


class CapacityForm(forms.Form):
    """What the organization says now about one service."""

    available = forms.IntegerField(
        label=_("Places available now"),
        required=False,
        min_value=0,
        max_value=100_000,
        help_text=_("Leave empty if you do not know."),
    )
    maximum = forms.IntegerField(
        label=_("Places in all"), required=False, min_value=0, max_value=100_000
    )
    waiting = forms.IntegerField(
        label=_("People on your waiting list"), min_value=0, max_value=100_000, initial=0
    )
    estimated_wait_days = forms.IntegerField(
        label=_("Usual wait for a place (days)"),
        required=False,
        min_value=0,
        max_value=3650,
        help_text=_("When the service is full: about how long a new person waits."),
    )
    unit = forms.CharField(
        label=_("Unit"),
        required=False,
        max_length=40,
        help_text=_("What a place is: places, hours a week, group seats…"),
    )

    @classmethod
    def for_service(cls, service: Service, data: Any = None) -> CapacityForm:
        return cls(
            data=data,
            initial={
                "available": service.capacity_available,
                "maximum": service.capacity_maximum,
                "waiting": service.waiting_list_length,
                "estimated_wait_days": service.estimated_wait_days,
                "unit": service.capacity_unit,
            },
        )


class WaitingListAddForm(forms.Form):
    """A caseworker puts a person on a service's waiting list."""

    service = forms.ModelChoiceField(label=_("Service"), queryset=Service.objects.none())
    priority_reason = forms.ChoiceField(
        label=_("Priority reason"),
        required=False,
        choices=PriorityReason.choices,
        help_text=_("Only some reasons move a person ahead; the others are noted."),
    )

    def __init__(self, *args: Any, services: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["service"]
        assert isinstance(field, forms.ModelChoiceField)
        if services is not None:
            field.queryset = services
        field.label_from_instance = _service_label  # type: ignore[method-assign,assignment]


def _service_label(service: Service) -> str:
    return f"{service.organization.name} — {service.name}"


class ServiceImportForm(forms.Form):
    """A CSV file of services and capacity, tried first (dry run) or applied."""

    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "UTF-8, comma-separated, first line with the column names (see the list below)."
        ),
    )
    dry_run = forms.BooleanField(
        label=_("Dry run: check the file and show what would change, change nothing"),
        required=False,
        initial=True,
    )

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is too large (2 MB at most)."))
        raw: bytes = upload.read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(_("The file is not UTF-8 text.")) from error
        if "\x00" in text:
            raise forms.ValidationError(_("The file is not a text file."))
        if not text.strip():
            raise forms.ValidationError(_("The file is empty."))
        return text
