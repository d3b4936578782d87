"""The form a caseworker fills to ask the rules about a measure."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sentier.core.forms import BoundedDateField, years_from_today
from sentier.decisions.models import Measure
from sentier_rules.requests import FIRST_DATE

#: The measures a caseworker may ask the rules about, per jurisdiction (``SENTIER_JURISDICTION``):
#: each jurisdiction's own (issue 21: no Ontario measure on a Québec page, nor the converse).
MEASURES_OFFERED: dict[str, tuple[Measure, ...]] = {
    "qc": tuple(measure for measure in Measure if measure != Measure.EMPLOYMENT_FAST_TRACK),
    "on": (Measure.EMPLOYMENT_FAST_TRACK,),
}
#: Fields that only one measure reads: left out where that measure is not offered.
FIELDS_OF_MEASURE: dict[str, tuple[str, ...]] = {
    Measure.SERVICE_PLAN: ("initiated_by",),
    Measure.PAAS_ACTION: ("weekly_hours",),
    Measure.EMPLOYMENT_FAST_TRACK: ("application_channel", "employment_ready"),
}


def measures_here() -> list[tuple[str, str]]:
    offered = MEASURES_OFFERED.get(settings.SENTIER_JURISDICTION, tuple(Measure))
    return [(measure.value, str(measure.label)) for measure in offered]


class DecisionForm(forms.Form):
    measure = forms.ChoiceField(label=_("Measure"), choices=measures_here)
    date = BoundedDateField(
        label=_("For the date"),
        help_text=_("The rules in force on this date are applied."),
        # From the first date the rules answer for, to two years ahead (what is planned).
        earliest=FIRST_DATE,
        latest=years_from_today(2),
    )
    initiated_by = forms.ChoiceField(
        label=_("Service plan initiated by"),
        required=False,
        choices=[("ministry", _("The Ministry")), ("other", _("Another ministry or organization"))],
        help_text=_("Only for a service plan."),
    )
    weekly_hours = forms.IntegerField(
        label=_("Planned hours a week"),
        required=False,
        min_value=0,
        max_value=168,
        help_text=_("Only for PAAS Action: up to 20 hours a week."),
    )
    application_channel = forms.ChoiceField(
        label=_("Application channel"),
        required=False,
        choices=[
            ("", _("Not applicable")),
            ("online", _("Online")),
            ("phone", _("By phone")),
            ("in_person", _("In person")),
        ],
        help_text=_("Only for the Ontario employment fast track."),
    )
    employment_ready = forms.BooleanField(
        label=_("Assessed ready for employment services"), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"date": timezone.localdate()})
        super().__init__(*args, **kwargs)
        offered = {value for value, _label in measures_here()}
        for measure, names in FIELDS_OF_MEASURE.items():
            if measure not in offered:
                for name in names:
                    self.fields.pop(name, None)

    def rules_arguments(self) -> dict[str, Any]:
        """The cleaned data as keyword arguments of ``decide_for_participant``."""
        data = self.cleaned_data
        measure = data["measure"]
        arguments: dict[str, Any] = {"measure": measure, "date": data["date"]}
        if measure == Measure.SERVICE_PLAN:
            arguments["initiated_by"] = data.get("initiated_by") or "ministry"
        if measure == Measure.PAAS_ACTION:
            arguments["weekly_hours"] = data.get("weekly_hours")
        if measure == Measure.EMPLOYMENT_FAST_TRACK:
            arguments["application_channel"] = data.get("application_channel") or None
            arguments["employment_ready"] = bool(data.get("employment_ready"))
        return arguments
