"""The simulation form: a reference date and up to three parameter changes (a parameter from the
rules' tree, a date from which it applies, a new value), read by :mod:`.changes`. Plain HTML:
no JavaScript is needed to add a change, the rows are there."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

import sentier_rules
from sentier.core.forms import BoundedDateField, years_from_today
from sentier.simulations.changes import Change, ChangeError, changeable_parameters, parse_change
from sentier_rules.requests import FIRST_DATE

ROWS = 3


def path_choices() -> list[Any]:
    """The changeable parameters grouped by measure, each named by its label and path."""
    english = (get_language() or "").startswith("en")
    groups: dict[str, list[tuple[str, str]]] = {}
    for entry in changeable_parameters():
        path = str(entry["path"])
        measure = path.split(".", 1)[0]
        label = entry["label_en" if english else "label_fr"]
        groups.setdefault(measure, []).append((path, f"{label} ({path})"))
    return [("", "—")] + [
        (sentier_rules.MEASURES[measure]["en" if english else "fr"], options)
        for measure, options in groups.items()
    ]


class SimulationForm(forms.Form):
    date = BoundedDateField(
        label=_("Reference date"),
        help_text=_("Who is eligible, and the month’s PAAS Action money, on this date."),
        earliest=FIRST_DATE,
        latest=years_from_today(10),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for row in range(1, ROWS + 1):
            self.fields[f"path_{row}"] = forms.ChoiceField(
                label=_("Parameter (change %(row)s)") % {"row": row},
                choices=path_choices,
                required=False,
            )
            self.fields[f"start_{row}"] = BoundedDateField(
                label=_("Applies from (change %(row)s)") % {"row": row},
                earliest=FIRST_DATE,
                latest=years_from_today(10),
                required=False,
            )
            self.fields[f"value_{row}"] = forms.CharField(
                label=_("New value (change %(row)s)") % {"row": row},
                help_text=_(
                    "Yes or no, a number, an amount in dollars, or codes separated by commas "
                    "(regions 06, 13; programs PAS, PSS)."
                ),
                max_length=200,
                required=False,
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        changes: list[Change] = []
        for row in range(1, ROWS + 1):
            path = cleaned.get(f"path_{row}") or ""
            start = cleaned.get(f"start_{row}")
            value = cleaned.get(f"value_{row}") or ""
            given = bool(path or value or self.data.get(f"start_{row}"))
            if not given or f"start_{row}" in self.errors:
                continue
            if not path:
                self.add_error(f"path_{row}", _("Choose the parameter to change."))
                continue
            if start is None:
                self.add_error(f"start_{row}", _("Give the date from which the change applies."))
                continue
            if not value.strip():
                self.add_error(f"value_{row}", _("Give the new value."))
                continue
            try:
                changes.append(parse_change(path, start, value))
            except ChangeError as error:
                field = {"path": f"path_{row}", "start": f"start_{row}"}.get(error.field)
                self.add_error(field or f"value_{row}", error.message)
        if not changes and not self.errors:
            self.add_error("path_1", _("Choose at least one parameter to change."))
        cleaned["changes"] = changes
        return cleaned


class SaveSimulationForm(SimulationForm):
    title = forms.CharField(label=_("Title of the simulation"), max_length=200)
