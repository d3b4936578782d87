"""Forms of the statement and expense-claim pages: generate a month, submit or reject a claim."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sentier.core.forms import BoundedDateField, years_from_today
from sentier.paas.models import ExpenseKind, Placement
from sentier.paas.statements.actions import CLAIM_MAX_CENTS, StatementRefused, check_receipt
from sentier.paas.statements.computation import month_label

MONTH_FORMATS = ["%Y-%m"]


class MonthInput(forms.DateInput):
    """``<input type="month">`` (browsers without it show a text box for ``2026-05``)."""

    input_type = "month"

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, dt.date):
            return f"{value:%Y-%m}"
        return super().format_value(value)


def _first_month(years_back: int) -> Callable[[], dt.date]:
    """The month ``years_back`` years before this one (its first day)."""

    def bound() -> dt.date:
        return years_from_today(-years_back)().replace(day=1)

    return bound


def month_field(label: Any, *, years_back: int, not_begun: Any) -> BoundedDateField:
    """A month (its first day) from ``years_back`` years ago to this month: ``not_begun`` says
    why a later one is refused."""
    return BoundedDateField(
        label=label,
        input_formats=MONTH_FORMATS,
        widget=MonthInput(),
        help_text=_("Year and month, e.g. 2026-05."),
        earliest=_first_month(years_back),
        latest=timezone.localdate,  # the first day of a month that has begun
        bound_text=month_label,
        error_messages={
            "invalid": _("Enter a year and a month, e.g. 2026-05."),
            "too_early": _("Enter %(day)s or a later month."),
            "too_late": not_begun,
        },
    )


class GenerateStatementsForm(forms.Form):
    month = month_field(
        _("Month"),
        years_back=5,
        not_begun=_("A statement can only be generated for a month that has begun."),
    )


class PlacementChoiceField(forms.ModelChoiceField[Placement]):
    def label_from_instance(self, obj: Placement) -> str:
        return f"{obj.participant.full_name} — {obj.organization.name} ({obj.start_date:%Y-%m-%d})"


class ClaimForm(forms.Form):
    """A transport or childcare cost for one placement and month, with its receipt."""

    placement = PlacementChoiceField(
        label=_("Participant and placement"),
        queryset=Placement.objects.none(),
        to_field_name="uuid",
    )
    month = month_field(
        _("Month of the cost"),
        years_back=2,
        not_begun=_("A claim cannot be for a month that has not begun."),
    )
    kind = forms.ChoiceField(
        label=_("Kind of cost"), choices=ExpenseKind.choices, widget=forms.RadioSelect
    )
    amount = forms.DecimalField(
        label=_("Amount ($)"),
        min_value=Decimal("0.01"),
        max_value=Decimal(CLAIM_MAX_CENTS) / 100,
        max_digits=8,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    receipt = forms.FileField(
        label=_("Receipt"),
        help_text=_("PDF, JPEG or PNG, 5 MB at most."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )

    def __init__(self, *args: Any, placements: QuerySet[Placement], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["placement"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = placements

    def clean_receipt(self) -> UploadedFile:
        receipt: UploadedFile = self.cleaned_data["receipt"]
        try:
            check_receipt(receipt)
        except StatementRefused as refused:
            raise forms.ValidationError(str(refused)) from refused
        return receipt

    @property
    def amount_cents(self) -> int:
        return int((self.cleaned_data["amount"] * 100).to_integral_value())


class RejectClaimForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the rejection"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give the reason for the rejection.")},
    )
