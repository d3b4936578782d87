"""What-if parameter values without editing the YAML files: an OpenFisca reform.

Used by the YAML tests (``parameters:`` in a case) and by analysts trying a rollout date::

    engine = Engine(with_parameters({"support_plan.regions.06": {"2026-10-01": True}}))
    engine.decide({...})

The shared tax-benefit system is never changed: the reform works on its own copy.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sentier_rules._openfisca import Reform
from sentier_rules.system import tax_benefit_system

Overrides = dict[str, dict[str, Any]]


def _start(value: Any) -> str:
    # YAML may hand dates over as datetime.date already.
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def with_parameters(overrides: Overrides, baseline: Any = None) -> Any:
    """A tax-benefit system where each ``path`` takes ``value`` from each ``start`` date on."""

    def modify(parameters: Any) -> Any:
        for path, dated in overrides.items():
            parameter = parameters
            for part in path.split("."):
                parameter = parameter.children[part]
            for start, value in sorted(dated.items(), key=lambda item: _start(item[0])):
                parameter.update(start=_start(start), value=value)
        return parameters

    class ParameterOverride(Reform):
        name = "Parameter override"

        def apply(self) -> None:
            self.modify_parameters(modifier_function=modify)

    return ParameterOverride(baseline if baseline is not None else tax_benefit_system())
