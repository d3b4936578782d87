"""Typed doorway to the few openfisca-core classes the rules subclass.

openfisca-core ships no type hints, so ``mypy --strict`` would refuse to subclass its ``Any``
classes. Under type checking we declare the small surface we use; at run time the real classes are
imported unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:

    class Enum:
        """openfisca_core.indexed_enums.Enum (a Python Enum with array encoding)."""

        name: str
        value: str

        def __init__(self, *args: Any) -> None: ...

    class Variable:
        """openfisca_core.variables.Variable: one quantity, its entity, period and formulas."""

        value_type: Any
        entity: Any
        definition_period: Any
        label: str
        reference: str | list[str]
        documentation: str
        default_value: Any
        possible_values: Any

        def __init__(self, baseline_variable: Any = None) -> None: ...

    class Reform:
        """openfisca_core.reforms.Reform: a tax-benefit system derived from another one."""

        def __init__(self, baseline: Any) -> None: ...

        def apply(self) -> None: ...

        def modify_parameters(self, modifier_function: Any) -> None: ...

else:
    from openfisca_core.indexed_enums import Enum
    from openfisca_core.reforms import Reform
    from openfisca_core.variables import Variable

__all__ = ["Enum", "Reform", "Variable"]
