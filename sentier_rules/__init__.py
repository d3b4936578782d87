"""Sentier's eligibility rules on OpenFisca-core: dated YAML parameters, versioned formulas.

This package imports no Django: a policy analyst can run, test and read it on its own.

Public API::

    decide(items, *, trace=False) -> list[dict]          # one answer per request, in order
    evaluate_batch(measure, date, columns, initiated_by="ministry") -> BatchResult
    parameter_catalog() -> list[dict]                    # every parameter, for analysts
    rules_version() / RULES_VERSION                      # "0.1.0+p<hash of parameter files>"
    MEASURES                                             # measure code -> French/English names
    allowance_cents(month, starts, ends) -> ndarray      # PAAS Action allowance per placement
    occupied_places(month, starts, ends, groups, n)      # places occupied per allocation
    organization_payment_cents(month, granted, occupied) # PAAS Action payment per allocation
    questionnaire(date, jurisdiction="QC") -> dict       # the single-window triage questionnaire
    triage(answers, *, date, jurisdiction, program, region, application_channel,
           first_nations_site=False) -> dict             # recommended path, factors, scores
    TriageInputError                                     # bad answers or facts: code, fr, en, field
"""

from __future__ import annotations

from typing import Any

import numpy.typing as npt

from sentier_rules.catalog import parameter_catalog
from sentier_rules.codes import MEASURES
from sentier_rules.engine import BatchResult, Engine
from sentier_rules.paas_statement import (
    allowance_cents,
    monthly_allowance_cents,
    occupied_places,
    organization_payment_cents,
    participation_days,
    payment_per_place_cents,
)
from sentier_rules.triage import TriageInputError, questionnaire, triage
from sentier_rules.version import __version__, rules_version

RULES_VERSION: str = rules_version()


def decide(items: list[Any] | dict[str, Any], *, trace: bool = False) -> list[dict[str, Any]]:
    """Decide one request (an object) or several (a list); one answer per request, in order.

    An answer is ``{"measure", "date", "eligible", "reasons", "amounts", "rules_version"}``
    (plus ``"trace"`` when asked), or ``{"error": {"code", "fr", "en", "field"}}`` for a request
    the rules cannot decide; the other requests are still decided.
    """
    return Engine.shared().decide(items, trace=trace)


def evaluate_batch(
    measure: str,
    date: str,
    columns: dict[str, npt.NDArray[Any]],
    initiated_by: str = "ministry",
) -> BatchResult:
    """Evaluate ``measure`` on ``date`` for every person of ``columns`` (numpy vectors).

    ``columns`` maps fact names to vectors of equal length: codes as text (regions also as small
    integers, 0 for none), booleans, weekly hours as numbers; ``""``/``None`` mean "none".
    Rows with an invalid value are not eligible, with reason code ``invalid_<field>``; a batch
    that cannot be run at all (unknown measure, missing column, bad date) raises ``ValueError``.
    """
    return Engine.shared().evaluate_batch(measure, date, columns, initiated_by)


__all__ = [
    "MEASURES",
    "RULES_VERSION",
    "BatchResult",
    "TriageInputError",
    "__version__",
    "allowance_cents",
    "decide",
    "evaluate_batch",
    "monthly_allowance_cents",
    "occupied_places",
    "organization_payment_cents",
    "parameter_catalog",
    "participation_days",
    "payment_per_place_cents",
    "questionnaire",
    "rules_version",
    "triage",
]
