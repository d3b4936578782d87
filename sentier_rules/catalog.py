"""Every parameter of the rules with its description, labels, reference and dated values.

The app shows this to analysts; it reads the loaded OpenFisca parameters, so it never disagrees
with what the rules use.
"""

from __future__ import annotations

from typing import Any

from sentier_rules.system import tax_benefit_system


def _leaves(node: Any) -> list[Any]:
    children = getattr(node, "children", None)
    if children is None:
        return [node]
    out: list[Any] = []
    for child in children.values():
        out.extend(_leaves(child))
    return out


def _label(parameter: Any, key: str) -> str:
    """A label from the metadata of a parameter (every parameter file gives both)."""
    return str(parameter.metadata.get(key, ""))


def parameter_catalog(system: Any = None) -> list[dict[str, Any]]:
    """One entry per parameter: path, description, labels, reference, unit, dated values.

    ``values`` lists ``{"start": "YYYY-MM-DD", "value": ...}`` from the oldest to the newest.
    """
    root = (system or tax_benefit_system()).parameters
    catalog = []
    for parameter in _leaves(root):
        values = [
            {"start": at.instant_str, "value": at.value}
            for at in sorted(parameter.values_list, key=lambda at: at.instant_str)
        ]
        catalog.append(
            {
                "path": parameter.name,
                "description": " ".join(str(parameter.description or "").split()),
                "label_fr": _label(parameter, "label_fr"),
                "label_en": _label(parameter, "label_en"),
                "reference": str(parameter.metadata.get("reference", "")),
                "unit": parameter.metadata.get("unit"),
                "values": values,
            }
        )
    return sorted(catalog, key=lambda entry: str(entry["path"]))
