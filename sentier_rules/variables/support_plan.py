"""Personalized support plan — plan d'accompagnement personnalisé (001_415f001b499895c5.txt)."""

from __future__ import annotations

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
    region_flags,
)

SOURCE = "001_415f001b499895c5.txt"


class support_plan_in_force(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "The personalized support plan is in force on this date"
    reference = f"{SOURCE} — ENTRÉE EN VIGUEUR"

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        in_force = bool(parameters(period).support_plan.in_force)
        return np.full(person.count, in_force)


class support_plan_program_covered(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "The person's program is one the personalized support plan covers"
    reference = f"{SOURCE} — PROGRAMMES TOUCHÉS PAR LES MODIFICATIONS"

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        programs = parameters(period).support_plan.programs
        return codes_in_list(person("program", period), PROGRAM_CODES, programs)


class support_plan_claim_booklet_allowed(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "The person holds no claim booklet that excludes them (ASM-2, ASM-5)"
    reference = f"{SOURCE} — QUESTIONS – RÉPONSES (carnet de réclamation)"

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        booklet = person("claim_booklet", period)
        excluded = np.zeros(person.count, dtype=bool)
        # A handful of excluded codes: one vector comparison each beats np.isin on object arrays.
        for code in parameters(period).support_plan.excluded_claim_booklets:
            excluded |= booklet == code
        return ~excluded


class support_plan_offered_in_region(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "The person's region offers the personalized support plan on this date"
    reference = f"{SOURCE} — IMPORTANT"

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        regions = parameters(period).support_plan.regions
        return region_flags(person("region", period), regions)


class support_plan_asylum_seeker_admitted(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "Not an asylum seeker, or asylum seekers are admitted (no exclusion, or a pilot region)"
    reference = "003_bf0787fb5dd45da6.txt — Mesures au sujet des demandeurs d'asile"

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        return asylum_seeker_admitted(
            person, period, parameters(period).support_plan.asylum_seekers
        )


class support_plan_asylum_seeker_pilot(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "An asylum seeker admitted by a pilot project in their region"
    reference = "003_bf0787fb5dd45da6.txt — Mesures au sujet des demandeurs d'asile"

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        return asylum_seeker_in_pilot(
            person, period, parameters(period).support_plan.asylum_seekers
        )


class support_plan_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "Eligible for a personalized support plan"
    reference = SOURCE

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        return np.asarray(
            person("support_plan_in_force", period)
            & person("lives_in_quebec", period)
            & person("support_plan_program_covered", period)
            & person("support_plan_claim_booklet_allowed", period)
            & person("support_plan_offered_in_region", period)
            & person("support_plan_asylum_seeker_admitted", period)
        )


VARIABLES: tuple[type, ...] = (
    support_plan_in_force,
    support_plan_program_covered,
    support_plan_claim_booklet_allowed,
    support_plan_offered_in_region,
    support_plan_asylum_seeker_admitted,
    support_plan_asylum_seeker_pilot,
    support_plan_eligible,
)
