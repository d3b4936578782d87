"""Parameter changes a simulation tries: which parameters may change, and values read from text.

A change is a dotted parameter path (``support_plan.regions.06``), the date from which it applies
and a new value. The paths are the leaves of the rules' own parameter tree, those of the measures
offered in this jurisdiction (the triage questionnaire changes no measure's eligibility). A value
is typed as text on the page or the command line and read by the type of the parameter's values:
yes/no, a whole number, an amount in dollars, a list of codes, or one of the parameter's codes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

import sentier_rules
from sentier_rules.catalog import describe
from sentier_rules.codes import MEASURE_JURISDICTIONS, PROGRAM_CODES, REGION_CODES
from sentier_rules.engine import cents_text
from sentier_rules.requests import FIRST_DATE, LAST_DATE
from sentier_rules.system import tax_benefit_system

_TRUE = frozenset({"true", "yes", "oui", "vrai", "1"})
_FALSE = frozenset({"false", "no", "non", "faux", "0"})
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class ChangeError(ValueError):
    """A change the simulator refuses; ``field`` is ``path``, ``date`` or ``value``."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Change:
    """One parameter taking ``value`` from ``start`` on."""

    path: str
    start: dt.date
    value: Any

    def as_json(self) -> dict[str, Any]:
        """``{"path", "from", "value"}``; an amount as a decimal string (``"200.00"``)."""
        value = self.value
        if is_money(self.path):
            value = cents_text(round(Decimal(str(value)) * 100))
        return {"path": self.path, "from": self.start.isoformat(), "value": value}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Change:
        """A change saved by :meth:`as_json`, checked again against today's parameters."""
        value = data["value"]
        text = ", ".join(value) if isinstance(value, list) else str(value)
        return parse_change(str(data["path"]), str(data["from"]), text)


def jurisdiction() -> str:
    return str(settings.SENTIER_JURISDICTION).upper()


def measures_here() -> list[str]:
    """The measures of this jurisdiction, in the rules' order."""
    return [code for code, where in MEASURE_JURISDICTIONS.items() if jurisdiction() in where]


def _leaf(path: str) -> Any:
    node = tax_benefit_system().parameters
    for part in path.split("."):
        children = getattr(node, "children", None)
        if children is None or part not in children:
            return None
        node = children[part]
    return None if getattr(node, "children", None) is not None else node


def changeable_parameters() -> list[dict[str, Any]]:
    """The catalogue entries (labels, source, dated values) of the parameters a simulation may
    change here, grouped by measure in the rules' order."""
    measures = measures_here()
    entries = [
        entry
        for entry in sentier_rules.parameter_catalog(jurisdiction=jurisdiction())
        if str(entry["path"]).split(".", 1)[0] in measures
    ]
    return sorted(entries, key=lambda e: (measures.index(str(e["path"]).split(".")[0]), e["path"]))


def is_money(path: str) -> bool:
    leaf = _leaf(path)
    return leaf is not None and leaf.metadata.get("unit") == "currency-CAD"


def parse_date(text: str, field: str = "date") -> dt.date:
    """A ``YYYY-MM-DD`` date within the span the rules answer for."""
    text = text.strip()
    try:
        if not _DATE.fullmatch(text):
            raise ValueError(text)
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise ChangeError(
            field, _("“%(text)s” is not a date: write it as YYYY-MM-DD.") % {"text": text}
        ) from None
    if not FIRST_DATE <= day <= LAST_DATE:
        raise ChangeError(
            field,
            _("The rules answer for dates from %(first)s to %(last)s.")
            % {"first": FIRST_DATE.isoformat(), "last": LAST_DATE.isoformat()},
        )
    return day


def _latest(leaf: Any) -> Any:
    return max(leaf.values_list, key=lambda at: at.instant_str).value


def _codes_of(path: str, values: list[Any]) -> tuple[str, ...] | None:
    """The codes a list parameter may hold (programs, regions), or None when free."""
    seen = {str(item) for at in values for item in (at.value or [])}
    last = path.rsplit(".", 1)[-1]
    if last == "programs" or (seen and seen <= set(PROGRAM_CODES)):
        return PROGRAM_CODES
    if "region" in last or (seen and seen <= set(REGION_CODES)):
        return REGION_CODES
    return None


def parse_value(path: str, text: str) -> Any:
    """The value ``text`` means for the parameter at ``path`` (see the module docstring)."""
    leaf = _leaf(path)
    if leaf is None:
        raise ChangeError("path", _("Unknown parameter: %(path)s.") % {"path": path})
    text = text.strip()
    current = _latest(leaf)
    unit = leaf.metadata.get("unit")
    if isinstance(current, bool):
        lowered = text.lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        raise ChangeError("value", _("This parameter takes yes or no (true or false)."))
    if isinstance(current, int | float):
        try:
            number = Decimal(text.replace(",", ".").replace("\u00a0", "").replace(" ", ""))
        except InvalidOperation:
            number = Decimal("NaN")
        if not number.is_finite():
            raise ChangeError("value", _("This parameter takes a number.")) from None
        if unit == "currency-CAD":
            if number < 0 or number != number.quantize(Decimal("0.01")) or number > 100_000:
                raise ChangeError(
                    "value",
                    _("An amount is from 0 to 100 000 dollars, with two decimals at most."),
                )
            return int(number) if number == number.to_integral_value() else float(number)
        if isinstance(current, int) or number == number.to_integral_value():
            if number != number.to_integral_value():
                raise ChangeError("value", _("This parameter takes a whole number."))
            if unit in ("day", "month", "hour") and number < 0:
                raise ChangeError("value", _("This parameter cannot be negative."))
            if abs(number) > 1_000_000:
                raise ChangeError("value", _("This number is too large."))
            return int(number)
        return float(number)
    if isinstance(current, list | tuple):
        items = [item for item in re.split(r"[\s,;]+", text) if item]
        allowed = _codes_of(path, leaf.values_list)
        unknown = [item for item in items if allowed is not None and item not in allowed]
        if unknown:
            raise ChangeError(
                "value",
                _("Unknown codes: %(codes)s. Allowed: %(allowed)s.")
                % {"codes": ", ".join(unknown), "allowed": ", ".join(allowed or ())},
            )
        if len(set(items)) != len(items):
            raise ChangeError("value", _("A code is given twice."))
        return items
    labels = leaf.metadata.get("value_labels") or {}
    if labels and text not in labels:
        raise ChangeError(
            "value",
            _("Unknown value “%(value)s”. Allowed: %(allowed)s.")
            % {"value": text, "allowed": ", ".join(str(code) for code in labels)},
        )
    if not text:
        raise ChangeError("value", _("Give a value."))
    return text


def check_path(path: str) -> None:
    """Refuse a path that is not a parameter the simulation may change here."""
    path = path.strip()
    if _leaf(path) is None:
        raise ChangeError("path", _("Unknown parameter: %(path)s.") % {"path": path})
    if path.split(".", 1)[0] not in measures_here():
        raise ChangeError(
            "path",
            _("%(path)s changes no measure offered here: it cannot be simulated.") % {"path": path},
        )


def parse_change(path: str, start: str | dt.date, text: str) -> Change:
    """A checked change; :class:`ChangeError` names the field at fault."""
    path = path.strip()
    check_path(path)
    day = start if isinstance(start, dt.date) else parse_date(start, "start")
    return Change(path=path, start=day, value=parse_value(path, text))


def parse_set_option(option: str) -> Change:
    """``PATH@YYYY-MM-DD=VALUE`` (the command line's ``--set``)."""
    match = re.fullmatch(r"\s*([^@=\s]+)@([^=]*)=(.*)", option, flags=re.DOTALL)
    if match is None:
        raise ChangeError(
            "path",
            _("“%(option)s” is not a change: write PATH@YYYY-MM-DD=VALUE.") % {"option": option},
        )
    return parse_change(match.group(1), parse_date(match.group(2), "start"), match.group(3))


def value_words(change: Change) -> tuple[str, str]:
    """The new value in words, in French and in English."""
    leaf = _leaf(change.path)
    unit = leaf.metadata.get("unit") if leaf is not None else None
    labels = (leaf.metadata.get("value_labels") if leaf is not None else None) or {}
    words = {str(code): (str(v["fr"]), str(v["en"])) for code, v in labels.items()}
    return describe(change.value, unit=unit, words=words or None)


def overrides(changes: list[Change]) -> dict[str, dict[str, Any]]:
    """The changes as :func:`sentier_rules.reforms.with_parameters` takes them."""
    out: dict[str, dict[str, Any]] = {}
    for change in changes:
        out.setdefault(change.path, {})[change.start.isoformat()] = change.value
    return out
