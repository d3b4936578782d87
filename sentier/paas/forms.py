"""Forms of the PAAS Action pages: granting places, placing, exits, objectives, attendance.

Forms only parse what was typed; the actions decide what is allowed and their refusals are put
back on the form next to the field they are about
(:func:`sentier.core.forms.show_refusal`).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sentier.core.forms import (
    BoundedDateField,
    Bounds,
    days_from_today,
    within_years,
    years_from_today,
)
from sentier.core.text import french
from sentier.network.models import Organization
from sentier.paas.actions import AttendanceRow
from sentier.paas.models import ActivityCategory, ExitOutcome, ObjectiveStatus
from sentier.paas.selectors import last_day_of_month
from sentier.reference.models import Region

MAX_STEPS = 4
MAX_IMPORT_BYTES = 512 * 1024
#: Places are granted for the months to come (or the fiscal year under way), for three years at
#: most; people are placed from a year back (recorded late) to a year ahead.
GRANT_BOUNDS = within_years(2, 3)
PLACEMENT_BOUNDS = within_years(1, 1)
#: Attendance weeks: the views narrow these to the placement's (or the organization's) dates.
WEEK_BOUNDS: Bounds = {"earliest": years_from_today(-10), "latest": days_from_today(6)}


class GrantPlacesForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Organization"), queryset=Organization.objects.order_by(*french("name"))
    )
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.order_by("code"))
    period_start = BoundedDateField(
        label=_("First day of the period"),
        help_text=_("The first day of a month."),
        **GRANT_BOUNDS,
    )
    period_end = BoundedDateField(
        label=_("Last day of the period"),
        help_text=_("The last day of a month."),
        **GRANT_BOUNDS,
    )
    places = forms.IntegerField(label=_("Places"), min_value=1, max_value=10_000)
    budget = forms.DecimalField(
        label=_("Budget ($)"),
        min_value=Decimal(0),
        max_value=Decimal(100_000_000),
        max_digits=12,
        decimal_places=2,
        help_text=_("Places × payment per place and per month × months must fit in it."),
    )

    def __init__(self, *args: Any, regions: QuerySet[Region] | None = None, **kwargs: Any) -> None:
        today = timezone.localdate()
        start = last_day_of_month(today) + dt.timedelta(days=1)
        kwargs.setdefault(
            "initial",
            {"period_start": start, "period_end": last_day_of_month(start.replace(month=12))},
        )
        super().__init__(*args, **kwargs)
        if regions is not None:
            self.fields["region"].queryset = regions  # type: ignore[attr-defined]

    def budget_cents(self) -> int:
        return int(self.cleaned_data["budget"] * 100)


class PlacementForm(forms.Form):
    organization = forms.ModelChoiceField(label=_("Organization"), queryset=Organization.objects)
    start_date = BoundedDateField(label=_("Start date"), **PLACEMENT_BOUNDS)
    step_1_hours = forms.IntegerField(
        label=_("Hours a week from the start"),
        min_value=0,
        max_value=168,
        help_text=_("Progressive integration: start small, up to 20 hours a week."),
    )
    objectives = forms.CharField(
        label=_("Personalized objectives"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One objective a line. The organization follows them up and evaluates them."),
    )
    activities = forms.MultipleChoiceField(
        label=_("Activities"),
        required=False,
        choices=ActivityCategory.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self, *args: Any, organizations: QuerySet[Organization] | None = None, **kwargs: Any
    ) -> None:
        kwargs.setdefault("initial", {"start_date": timezone.localdate(), "step_1_hours": 6})
        super().__init__(*args, **kwargs)
        if organizations is not None:
            self.fields["organization"].queryset = organizations  # type: ignore[attr-defined]
        for number in range(2, MAX_STEPS + 1):
            self.fields[f"step_{number}_from"] = BoundedDateField(
                label=_("Step %(number)s: from") % {"number": number},
                required=False,
                **PLACEMENT_BOUNDS,
            )
            self.fields[f"step_{number}_hours"] = forms.IntegerField(
                label=_("Step %(number)s: hours a week") % {"number": number},
                required=False,
                min_value=0,
                max_value=168,
            )
        # Objectives and activities after the plan.
        for name in ("objectives", "activities"):
            self.fields[name] = self.fields.pop(name)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for number in range(2, MAX_STEPS + 1):
            day, hours = data.get(f"step_{number}_from"), data.get(f"step_{number}_hours")
            if (day is None) != (hours is None):
                self.add_error(
                    f"step_{number}_hours" if hours is None else f"step_{number}_from",
                    _("Give both the date and the hours of this step, or neither."),
                )
        return data

    def hours_plan(self) -> list[tuple[dt.date, int]]:
        data = self.cleaned_data
        plan = [(data["start_date"], data["step_1_hours"])]
        for number in range(2, MAX_STEPS + 1):
            day, hours = data.get(f"step_{number}_from"), data.get(f"step_{number}_hours")
            if day is not None and hours is not None:
                plan.append((day, hours))
        return plan

    def objective_texts(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["objectives"].splitlines() if line]

    def activity_pairs(self) -> list[tuple[str, str]]:
        return [(category, "") for category in self.cleaned_data["activities"]]


#: Where the refusals of ``place_participant`` go on :class:`PlacementForm`.
PLACEMENT_ERROR_FIELDS = {"hours_plan": "step_1_hours"}


class EndPlacementForm(forms.Form):
    end_date = BoundedDateField(label=_("End date"), **within_years(2, 1))
    outcome = forms.ChoiceField(label=_("Outcome"), choices=ExitOutcome.choices)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"end_date": timezone.localdate()})
        super().__init__(*args, **kwargs)


class ObjectiveFollowUpForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ObjectiveStatus.choices)
    follow_up = forms.CharField(
        label=_("Follow-up"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    evaluation = forms.CharField(
        label=_("Evaluation"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AddObjectiveForm(forms.Form):
    text = forms.CharField(label=_("New objective"), max_length=300)


class WeekForm(forms.Form):
    """The week picker of the group attendance screen (GET)."""

    week = BoundedDateField(
        label=_("Week of"),
        required=False,
        **WEEK_BOUNDS,
        help_text=_("Any day of the week: the screen shows the week from its Monday."),
    )


class AttendanceEntryForm(forms.Form):
    """One week for one placement: a first figure or a correction, with a note."""

    week_start = BoundedDateField(
        label=_("Week of"),
        **WEEK_BOUNDS,
        help_text=_("Any day of the week: the hours are recorded for the week from its Monday."),
    )
    hours = forms.CharField(
        label=_("Hours attended"),
        max_length=6,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text=_("20 hours a week at most; one decimal (for example 7,5)."),
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=300,
        help_text=_("For a correction: why the figure changes."),
    )


class AttendanceImportForm(forms.Form):
    """A CSV file (first step) or its content carried over from the dry run (second step)."""

    file = forms.FileField(
        label=_("CSV file"),
        required=False,
        help_text=_(
            "Columns: file_number (or placement), week_start (YYYY-MM-DD, a Monday), hours."
        ),
    )
    content = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("file")
        if upload is not None:
            if upload.size > MAX_IMPORT_BYTES:
                raise ValidationError(_("The file is too large (512 KB at most)."))
            raw = upload.read()
            try:
                data["content"] = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                data["content"] = raw.decode("cp1252", errors="replace")
        if not data.get("content"):
            raise ValidationError(_("Choose a CSV file."))
        return data

    def rows(self) -> list[AttendanceRow]:
        """The rows of the CSV; a missing column is an error on every row."""
        text = self.cleaned_data["content"]
        dialect: type[csv.Dialect] | csv.Dialect = csv.excel
        with contextlib.suppress(csv.Error):
            dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
        reader = csv.DictReader(io.StringIO(text), dialect=dialect)
        names = {(name or "").strip().lower(): name for name in reader.fieldnames or []}
        reference_column = names.get("file_number") or names.get("placement")
        rows = []
        for line, record in enumerate(reader, start=2):

            def value(column: str | None, record: dict[str, Any] = record) -> str:
                return str(record.get(column) or "").strip() if column else ""

            rows.append(
                AttendanceRow(
                    line=line,
                    reference=value(reference_column),
                    week=value(names.get("week_start")),
                    hours=value(names.get("hours")),
                )
            )
        return rows
