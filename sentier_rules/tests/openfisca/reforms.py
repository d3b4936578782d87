"""Reforms the OpenFisca-format tests refer to by path (``reforms:`` in a test)."""

from __future__ import annotations

from typing import Any

from sentier_rules._openfisca import Reform


class AsylumSeekerPilotInLaval(Reform):
    """Asylum seekers excluded from the three Québec measures except in a Laval pilot."""

    name = "Asylum seekers excluded, pilot in Laval (13) from 2026-01-01"

    def apply(self) -> None:
        def modify(parameters: Any) -> Any:
            for measure in ("support_plan", "service_plan", "paas_action"):
                node = parameters.children[measure].children["asylum_seekers"]
                node.children["excluded"].update(start="2026-01-01", value=True)
                node.children["pilot_regions"].update(start="2026-01-01", value=["13"])
            return parameters

        self.modify_parameters(modifier_function=modify)
