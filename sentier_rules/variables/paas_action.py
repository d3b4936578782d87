"""PAAS Action — programme d'aide et d'accompagnement social (002_68267d4da4c33b1f.txt).

Money is carried in integer cents: OpenFisca float variables are float32, which cannot hold every
amount exactly, so the dollar parameters are turned into cents once, as Python integers.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import numpy as np

from sentier_rules._openfisca import Variable
from sentier_rules.codes import PROGRAM_CODES
from sentier_rules.variables.common import (
    DAY,
    BoolArray,
    Person,
    asylum_seeker_admitted,
    asylum_seeker_in_pilot,
    codes_in_list,
)

SOURCE = "002_68267d4da4c33b1f.txt"
FEATURES = f"{SOURCE} — Principales caractéristiques du PAAS Action"


def to_cents(dollars: Any) -> int:
    """A parameter amount in dollars as exact integer cents (through its decimal text)."""
    return int((Decimal(str(dollars)) * 100).to_integral_value())


class paas_action_program_covered(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "The person's program is one PAAS Action covers"
    reference = f"{SOURCE} — Présentation"

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        programs = parameters(period).paas_action.programs
        return codes_in_list(person("program", period), PROGRAM_CODES, programs)


class paas_action_hours_within_limit(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "Planned weekly hours are within the PAAS Action limit (up to 20 hours a week)"
    reference = FEATURES

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        limit = parameters(period).paas_action.max_weekly_hours
        hours = person("weekly_hours", period)
        return np.asarray((hours >= 0) & (hours <= limit))


class paas_action_asylum_seeker_admitted(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "Not an asylum seeker, or asylum seekers are admitted (no exclusion, or a pilot region)"
    reference = "003_bf0787fb5dd45da6.txt — Mesures au sujet des demandeurs d'asile"

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        return asylum_seeker_admitted(person, period, parameters(period).paas_action.asylum_seekers)


class paas_action_asylum_seeker_pilot(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "An asylum seeker admitted by a pilot project in their region"
    reference = "003_bf0787fb5dd45da6.txt — Mesures au sujet des demandeurs d'asile"

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        return asylum_seeker_in_pilot(person, period, parameters(period).paas_action.asylum_seekers)


class paas_action_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "Eligible for PAAS Action"
    reference = SOURCE

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        return np.asarray(
            person("lives_in_quebec", period)
            & person("paas_action_program_covered", period)
            & person("paas_action_hours_within_limit", period)
            & person("paas_action_asylum_seeker_admitted", period)
        )


class paas_action_monthly_allowance_cents(Variable):
    value_type = int
    entity = Person
    definition_period = DAY
    label = "Monthly support allowance to the participant, in cents (173 $ a month)"
    reference = FEATURES

    def formula(person: Any, period: Any, parameters: Any) -> Any:
        cents = to_cents(parameters(period).paas_action.monthly_allowance)
        return np.where(person("paas_action_eligible", period), cents, 0)


class paas_action_monthly_payment_per_place_cents(Variable):
    value_type = int
    entity = Person
    definition_period = DAY
    label = "Monthly amount to the organization for this person's place, in cents (200 $)"
    reference = FEATURES

    def formula(person: Any, period: Any, parameters: Any) -> Any:
        cents = to_cents(parameters(period).paas_action.monthly_payment_per_place)
        return np.where(person("paas_action_eligible", period), cents, 0)


VARIABLES: tuple[type, ...] = (
    paas_action_program_covered,
    paas_action_hours_within_limit,
    paas_action_asylum_seeker_admitted,
    paas_action_asylum_seeker_pilot,
    paas_action_eligible,
    paas_action_monthly_allowance_cents,
    paas_action_monthly_payment_per_place_cents,
)
