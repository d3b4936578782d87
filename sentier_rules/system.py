"""The OpenFisca tax-benefit system of the rules: the person entity, variables and parameters.

It is built once per process and shared: after building it is only read.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from sentier_rules.variables import ALL_VARIABLES
from sentier_rules.variables.common import Person

PARAMETERS_DIR = Path(__file__).resolve().parent / "parameters"


def build_tax_benefit_system() -> Any:
    """A fresh tax-benefit system (tests derive reforms from it; others use the shared one)."""
    system = TaxBenefitSystem([Person])
    system.add_variables(*ALL_VARIABLES)
    system.load_parameters(str(PARAMETERS_DIR))
    return system


@functools.cache
def tax_benefit_system() -> Any:
    """The shared, read-only tax-benefit system."""
    return build_tax_benefit_system()
