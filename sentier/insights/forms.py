"""The dashboard's choices: the period and how the figures are broken down."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sentier.core.forms import BoundedDateField
from sentier.insights.indicators import Period
from sentier.insights.report import EARLIEST, OLDEST

#: The breakdowns the dashboard offers (the command line takes any the catalogue allows).
VIEWS_FOR_ALL: list[tuple[str, Any]] = [
    ("month", gettext_lazy("By month")),
    ("program", gettext_lazy("By program")),
    ("channel", gettext_lazy("By channel")),
    ("age_band", gettext_lazy("By age band")),
    ("language", gettext_lazy("By language")),
]
VIEWS_ACROSS_REGIONS: list[tuple[str, Any]] = [
    ("area,month", gettext_lazy("Pilot and other regions, by month")),
    ("area", gettext_lazy("Pilot and other regions")),
    ("region", gettext_lazy("By region")),
]
VIEWS_ACROSS_SITES: list[tuple[str, Any]] = [
    ("region", gettext_lazy("By service area")),
]


class ReportForm(forms.Form):
    start = BoundedDateField(
        label=gettext_lazy("From"), required=False, earliest=OLDEST, latest=timezone.localdate
    )
    end = BoundedDateField(
        label=gettext_lazy("To"), required=False, earliest=OLDEST, latest=timezone.localdate
    )
    view = forms.ChoiceField(label=gettext_lazy("Breakdown"), required=False)

    def __init__(self, *args: Any, all_regions: bool, ontario: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        across: list[tuple[str, Any]] = []
        if all_regions:
            across = VIEWS_ACROSS_SITES if ontario else VIEWS_ACROSS_REGIONS
        field = self.fields["view"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [*across, *VIEWS_FOR_ALL]
        self.default_view = field.choices[0][0]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start") or EARLIEST, data.get("end") or timezone.localdate()
        if start > end:
            self.add_error("end", _("The end of the period cannot come before its start."))
        data["start"], data["end"] = start, end
        data["view"] = data.get("view") or self.default_view
        return data

    @property
    def by(self) -> tuple[str, ...]:
        return tuple(str(self.cleaned_data["view"]).split(","))


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _month_end(day: dt.date) -> dt.date:
    following = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


class EvidencePeriodForm(forms.Form):
    """The period of the survey and data-quality tables, in whole months: from the first day of
    the month of « From » to the last day of the month of « To » (today at the latest). Left
    empty, the tables cover everything recorded, as before there was a filter."""

    start = BoundedDateField(
        label=gettext_lazy("From"), required=False, earliest=OLDEST, latest=timezone.localdate
    )
    end = BoundedDateField(
        label=gettext_lazy("To"), required=False, earliest=OLDEST, latest=timezone.localdate
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if self.errors or (start is None and end is None):
            data["period"] = None
            return data
        today = timezone.localdate()
        start, end = _month_start(start or OLDEST), min(_month_end(end or today), today)
        if start > end:
            self.add_error("end", _("The end of the period cannot come before its start."))
            data["period"] = None
            return data
        data["period"] = Period(start, end)
        return data

    @property
    def period(self) -> Period | None:
        """The whole months asked for, or None for everything (also when the form is invalid:
        the page then shows its field errors and no table)."""
        if not self.is_bound or not self.is_valid():
            return None
        period: Period | None = self.cleaned_data["period"]
        return period
