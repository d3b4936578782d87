"""Checking one decision request: known measure, well-formed date, the facts the measure needs.

A request that fails a check is answered with an error (code, French, English, field) instead of
an outcome. Checks stop at the first problem, so the error names exactly one field.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any, Final

from sentier_rules.codes import (
    CHANNEL_CODES,
    INITIATORS,
    JURISDICTION_CODES,
    MEASURE_CODES,
    PROGRAM_CODES,
    PROGRAMS,
    REGION_CODES,
)

#: Dates the rules answer for: the parameters start on 2000-01-01.
FIRST_DATE: Final = dt.date(2000, 1, 1)
LAST_DATE: Final = dt.date(2099, 12, 31)

QUEBEC_MEASURES: Final = frozenset({"support_plan", "service_plan", "paas_action"})

#: Facts each measure needs. ``region`` is needed by the two regional measures except for an
#: Ontario file (which is then simply not eligible); ``claim_booklet`` must be given, null meaning
#: "no booklet". Facts not listed may be absent: ``asylum_seeker`` defaults to false (see the
#: asylum_seekers parameters), ``jurisdiction`` to the province of the program.
NEEDED_FACTS: Final[dict[str, tuple[str, ...]]] = {
    "support_plan": ("program", "region", "claim_booklet"),
    "service_plan": ("program", "region"),
    "paas_action": ("program", "weekly_hours"),
    "employment_fast_track": (
        "jurisdiction",
        "program",
        "application_channel",
        "employment_ready",
        "first_nations_site",
    ),
}

BOOLEAN_FACTS: Final = ("asylum_seeker", "first_nations_site", "employment_ready")
CODE_FACTS: Final[dict[str, tuple[str, ...]]] = {
    "jurisdiction": JURISDICTION_CODES,
    "region": REGION_CODES,
    "program": PROGRAM_CODES,
    "application_channel": CHANNEL_CODES,
}
PERSON_FACTS: Final = frozenset(
    {*BOOLEAN_FACTS, *CODE_FACTS, "claim_booklet", "weekly_hours"},
)
REQUEST_FIELDS: Final = frozenset({"measure", "date", "person", "initiated_by"})

_DATE_RE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Request:
    """A checked request: the facts are plain Python values in the rules' vocabulary."""

    measure: str
    date: dt.date
    initiated_by: str
    facts: dict[str, Any] = field(default_factory=dict)


class RequestError(ValueError):
    """A request the rules cannot decide; ``as_dict`` is the error object of the answer."""

    def __init__(self, code: str, fr: str, en: str, field_name: str | None) -> None:
        super().__init__(en)
        self.code = code
        self.fr = fr
        self.en = en
        self.field = field_name

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "fr": self.fr, "en": self.en, "field": self.field}


def _wrong_type(field_name: str, fr_expected: str, en_expected: str) -> RequestError:
    return RequestError(
        "wrong_type",
        f"Le champ {field_name} doit être {fr_expected}.",
        f"The field {field_name} must be {en_expected}.",
        field_name,
    )


def _unknown_code(field_name: str, value: str, codes: tuple[str, ...]) -> RequestError:
    fact = field_name.rsplit(".", 1)[-1]
    listed = ", ".join(codes)
    return RequestError(
        f"unknown_{fact}",
        f"Le code « {value} » n'est pas reconnu pour {field_name} (codes possibles : {listed}).",
        f'The code "{value}" is not known for {field_name} (known codes: {listed}).',
        field_name,
    )


def parse_date(value: Any, field_name: str = "date") -> dt.date:
    """A date written YYYY-MM-DD, within the span the parameters cover."""
    if not isinstance(value, str):
        raise _wrong_type(field_name, "une date AAAA-MM-JJ (texte)", "a YYYY-MM-DD date (text)")
    try:
        if not _DATE_RE.fullmatch(value):
            raise ValueError(value)
        date = dt.date.fromisoformat(value)
    except ValueError:
        raise RequestError(
            "malformed_date",
            f"La date « {value} » n'est pas une date valide au format AAAA-MM-JJ.",
            f'The date "{value}" is not a valid date in the YYYY-MM-DD format.',
            field_name,
        ) from None
    if not FIRST_DATE <= date <= LAST_DATE:
        raise RequestError(
            "date_out_of_range",
            f"Les règles répondent pour les dates du {FIRST_DATE} au {LAST_DATE}.",
            f"The rules answer for dates from {FIRST_DATE} to {LAST_DATE}.",
            field_name,
        )
    return date


def _parse_fact(name: str, value: Any) -> Any:
    """One present, non-null fact, checked for type and code."""
    field_name = f"person.{name}"
    if name in BOOLEAN_FACTS:
        if not isinstance(value, bool):
            raise _wrong_type(field_name, "vrai ou faux (true/false)", "true or false")
        return value
    if name in CODE_FACTS:
        if not isinstance(value, str):
            raise _wrong_type(field_name, "un code (texte)", "a code (text)")
        if value not in CODE_FACTS[name]:
            raise _unknown_code(field_name, value, CODE_FACTS[name])
        return value
    if name == "claim_booklet":
        if not isinstance(value, str) or not value.strip():
            raise _wrong_type(
                field_name, "un code de carnet (texte non vide) ou null", "a booklet code or null"
            )
        return value.strip()
    # weekly_hours
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _wrong_type(field_name, "un nombre d'heures", "a number of hours")
    if isinstance(value, int):
        # JSON integers are unbounded; anything this large is over any weekly limit anyway.
        value = max(min(value, 10**6), -(10**6))
    if not math.isfinite(value):
        raise _wrong_type(field_name, "un nombre d'heures", "a number of hours")
    if value < 0:
        raise RequestError(
            "negative_weekly_hours",
            "Le nombre d'heures par semaine ne peut pas être négatif.",
            "The number of hours a week cannot be negative.",
            field_name,
        )
    return float(value)


def parse_request(item: Any) -> Request:
    """Check one request object; raise :class:`RequestError` at the first problem."""
    if not isinstance(item, dict):
        raise RequestError(
            "not_an_object",
            "Chaque demande doit être un objet JSON.",
            "Each request must be a JSON object.",
            None,
        )
    for key in item:
        if key not in REQUEST_FIELDS:
            raise RequestError(
                "unknown_field",
                f"Le champ « {key} » n'est pas prévu dans une demande.",
                f'The field "{key}" is not part of a request.',
                str(key),
            )
    measure = item.get("measure")
    if measure is None:
        raise _missing("measure")
    if not isinstance(measure, str):
        raise _wrong_type("measure", "un code de mesure (texte)", "a measure code (text)")
    if measure not in MEASURE_CODES:
        raise _unknown_code("measure", measure, MEASURE_CODES)
    if item.get("date") is None:
        raise _missing("date")
    date = parse_date(item["date"])
    initiated_by = item.get("initiated_by")
    if initiated_by is not None and measure != "service_plan":
        raise RequestError(
            "field_not_applicable",
            "Le champ initiated_by ne s'applique qu'au plan de services.",
            "The field initiated_by only applies to the service plan.",
            "initiated_by",
        )
    if initiated_by is None:
        initiated_by = "ministry"
    if not isinstance(initiated_by, str):
        raise _wrong_type("initiated_by", "« ministry » ou « other »", '"ministry" or "other"')
    if initiated_by not in INITIATORS:
        raise _unknown_code("initiated_by", initiated_by, INITIATORS)
    person = item.get("person")
    if person is None:
        raise _missing("person")
    if not isinstance(person, dict):
        raise _wrong_type("person", "un objet", "an object")
    facts: dict[str, Any] = {}
    for key, value in person.items():
        if key not in PERSON_FACTS:
            raise RequestError(
                "unknown_field",
                f"Le fait « {key} » n'est pas connu des règles.",
                f'The fact "{key}" is not known to the rules.',
                f"person.{key}",
            )
        if value is not None:
            facts[key] = _parse_fact(key, value)
    if "program" in facts and "jurisdiction" not in facts and measure in QUEBEC_MEASURES:
        facts["jurisdiction"] = PROGRAMS[facts["program"]][2]
    for name in NEEDED_FACTS[measure]:
        if name == "claim_booklet":
            if name not in person:
                raise _missing(f"person.{name}")
            continue
        if name == "region" and facts.get("jurisdiction") == "ON":
            continue
        if name not in facts:
            raise _missing(f"person.{name}")
    return Request(measure=measure, date=date, initiated_by=initiated_by, facts=facts)


def _missing(field_name: str) -> RequestError:
    return RequestError(
        "missing_fact",
        f"Il manque le champ {field_name}, nécessaire pour décider.",
        f"The field {field_name} is missing; it is needed to decide.",
        field_name,
    )


def hours_over_limit(field_name: str, hours: float, limit: float) -> RequestError:
    """More weekly hours than PAAS Action allows is an input error, not a refusal."""
    return RequestError(
        "weekly_hours_over_limit",
        f"Le PAAS Action permet au plus {limit:g} heures par semaine ({hours:g} demandées).",
        f"PAAS Action allows at most {limit:g} hours a week ({hours:g} requested).",
        field_name,
    )
