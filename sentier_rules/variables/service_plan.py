"""Service plan — plan de services (000_fce2fba07b98e1ba.txt).

The rule changed on 2026-04-01: before, the Ministry could only take part in a plan initiated by
another ministry or organization; from then on it may also initiate one, where the measure is
deployed. ``service_plan_ministry_may_initiate`` carries one formula per period.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from sentier_rules._openfisca import Variable
from sentier_rules.codes import PROGRAM_CODES
from sentier_rules.variables.common import (
    DAY,
    BoolArray,
    Initiator,
    Person,
    asylum_seeker_admitted,
    asylum_seeker_in_pilot,
    codes_in_list,
    region_flags,
)

SOURCE = "000_fce2fba07b98e1ba.txt"


class service_plan_program_covered(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "The person's program is one the service plan covers"
    reference = f"{SOURCE} — PROGRAMMES TOUCHÉS PAR LES MODIFICATIONS"

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        programs = parameters(period).service_plan.programs
        return codes_in_list(person("program", period), PROGRAM_CODES, programs)


class service_plan_ministry_may_initiate(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "The Ministry may initiate a service plan for this person (deployed in their region)"
    reference = f"{SOURCE} — AVANT L'ENTRÉE EN VIGUEUR / À PARTIR DU 1er AVRIL 2026; IMPORTANT"

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        # Before 2026-04-01 the Ministry could only take part in a plan initiated by others.
        return np.zeros(person.count, dtype=bool)

    def formula_2026_04_01(person: Any, period: Any, parameters: Any) -> BoolArray:
        regions = parameters(period).service_plan.ministry_initiation_regions
        return region_flags(person("region", period), regions)


class service_plan_ministry_may_collaborate(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "The Ministry may take part in a plan initiated by another ministry or organization"
    reference = f"{SOURCE} — AVANT L'ENTRÉE EN VIGUEUR / À PARTIR DU 1er AVRIL 2026"

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        allowed = bool(parameters(period).service_plan.other_initiator_allowed)
        return np.full(person.count, allowed)


class service_plan_initiator_allowed(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "Whoever initiates this service plan may do so for this person"
    reference = SOURCE

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        by_ministry = person("service_plan_initiated_by", period) == Initiator.ministry
        return np.asarray(
            np.where(
                by_ministry,
                person("service_plan_ministry_may_initiate", period),
                person("service_plan_ministry_may_collaborate", period),
            ),
            dtype=bool,
        )


class service_plan_asylum_seeker_admitted(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "Not an asylum seeker, or asylum seekers are admitted (no exclusion, or a pilot region)"
    reference = "003_bf0787fb5dd45da6.txt — Mesures au sujet des demandeurs d'asile"

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        return asylum_seeker_admitted(
            person, period, parameters(period).service_plan.asylum_seekers
        )


class service_plan_asylum_seeker_pilot(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "An asylum seeker admitted by a pilot project in their region"
    reference = "003_bf0787fb5dd45da6.txt — Mesures au sujet des demandeurs d'asile"

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        return asylum_seeker_in_pilot(
            person, period, parameters(period).service_plan.asylum_seekers
        )


class service_plan_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "Eligible for a service plan in which the Ministry takes part or that it initiates"
    reference = SOURCE

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        return np.asarray(
            person("lives_in_quebec", period)
            & person("service_plan_program_covered", period)
            & person("service_plan_initiator_allowed", period)
            & person("service_plan_asylum_seeker_admitted", period)
        )


VARIABLES: tuple[type, ...] = (
    service_plan_program_covered,
    service_plan_ministry_may_initiate,
    service_plan_ministry_may_collaborate,
    service_plan_initiator_allowed,
    service_plan_asylum_seeker_admitted,
    service_plan_asylum_seeker_pilot,
    service_plan_eligible,
)
