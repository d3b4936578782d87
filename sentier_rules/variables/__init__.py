"""OpenFisca variables of the rules, one module per measure plus the input facts.

Every variable is defined per day (``DateUnit.DAY``): a decision is made for a given date and the
dated parameters are read at that date.
"""

from __future__ import annotations

from sentier_rules.variables import (
    employment_fast_track,
    inputs,
    paas_action,
    service_plan,
    support_plan,
)

ALL_VARIABLES: tuple[type, ...] = (
    *inputs.VARIABLES,
    *support_plan.VARIABLES,
    *service_plan.VARIABLES,
    *paas_action.VARIABLES,
    *employment_fast_track.VARIABLES,
)
