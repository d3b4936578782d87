"""Ontario: fast-track referral to Employment Ontario at grant time (004_60749dc0e1aad6b4.txt)."""

from __future__ import annotations

from typing import Any

import numpy as np

from sentier_rules._openfisca import Variable
from sentier_rules.codes import PROGRAM_CODES
from sentier_rules.variables.common import (
    DAY,
    BoolArray,
    Channel,
    Person,
    codes_in_list,
)

SOURCE = "004_60749dc0e1aad6b4.txt"


class employment_fast_track_in_force(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "The readiness assessment and fast track are in force on this date (2025-11-10)"
    reference = f"{SOURCE} — Q1"

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        in_force = bool(parameters(period).employment_fast_track.in_force)
        return np.full(person.count, in_force)


class employment_fast_track_program_covered(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "The person applies for a program the fast track covers (Ontario Works)"
    reference = f"{SOURCE} — Q1, Q4"

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        programs = parameters(period).employment_fast_track.programs
        return codes_in_list(person("program", period), PROGRAM_CODES, programs)


class employment_fast_track_channel_covered(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "The person applied through a channel with the readiness assessment (online)"
    reference = f"{SOURCE} — Q1, Q3"

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        channels = parameters(period).employment_fast_track.application_channels
        codes = tuple(member.name for member in Channel)
        return codes_in_list(person("application_channel", period), codes, channels)


class employment_fast_track_site_covered(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "The person's delivery site takes part (First Nations delivery is unchanged)"
    reference = f"{SOURCE} — Q8"

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        applies = bool(parameters(period).employment_fast_track.applies_at_first_nations_sites)
        first_nations = np.asarray(person("first_nations_site", period), dtype=bool)
        return np.asarray(first_nations & applies | ~first_nations, dtype=bool)


class employment_fast_track_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "Referred to Employment Ontario at grant time through the fast track"
    reference = SOURCE

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        return np.asarray(
            person("employment_fast_track_in_force", period)
            & person("lives_in_ontario", period)
            & person("employment_fast_track_program_covered", period)
            & person("employment_fast_track_channel_covered", period)
            & person("employment_ready", period)
            & person("employment_fast_track_site_covered", period)
        )


VARIABLES: tuple[type, ...] = (
    employment_fast_track_in_force,
    employment_fast_track_program_covered,
    employment_fast_track_channel_covered,
    employment_fast_track_site_covered,
    employment_fast_track_eligible,
)
