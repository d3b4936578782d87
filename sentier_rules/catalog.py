"""Every parameter of the rules with its description, labels, reference and dated values.

The app shows this to analysts; it reads the loaded OpenFisca parameters, so it never disagrees
with what the rules use. Each entry also says where it applies (Québec, Ontario), each value is
given in words in French and in English (« Oui », « Programme d'aide sociale », « 173 $ », not
``True``, ``PAS`` or ``173``), and the source is named by its document's title.
"""

from __future__ import annotations

from typing import Any

from sentier_rules.codes import (
    CHANNELS,
    DOCUMENT_JURISDICTIONS,
    DOCUMENTS,
    JURISDICTIONS,
    MEASURE_JURISDICTIONS,
    MEASURES,
    OTHER_PATHS,
    PARAMETER_GROUPS,
    PROGRAMS,
    REGIONS,
)
from sentier_rules.system import tax_benefit_system

_YES_NO = {True: ("Oui", "Yes"), False: ("Non", "No")}
_UNITS = {
    "day": ("{} jours", "{} days"),
    "month": ("{} mois", "{} months"),
    "hour": ("{} h", "{} h"),
}


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


def parameter_catalog(system: Any = None, jurisdiction: str | None = None) -> list[dict[str, Any]]:
    """One entry per parameter: path, description, labels, reference, unit, dated values, and
    where it applies; only those of ``jurisdiction`` (``"QC"``, ``"ON"``) when it is given.

    ``values`` lists ``{"start": "YYYY-MM-DD", "value": ..., "fr": ..., "en": ...}`` from the
    oldest to the newest, ``fr``/``en`` being the value in words. ``reference_fr`` and
    ``reference_en`` name the source documents by title (with ``jurisdiction``, only that
    jurisdiction's documents: a shared triage question may draw on the other's).
    """
    root = (system or tax_benefit_system()).parameters
    catalog = []
    for parameter in _leaves(root):
        where = jurisdictions_of(root, parameter.name)
        if jurisdiction is not None and jurisdiction not in where:
            continue
        unit = parameter.metadata.get("unit")
        words = _vocabulary(root, parameter)
        values = []
        for at in sorted(parameter.values_list, key=lambda at: at.instant_str):
            fr, en = describe(at.value, unit=unit, words=words)
            values.append({"start": at.instant_str, "value": at.value, "fr": fr, "en": en})
        reference = str(parameter.metadata.get("reference", ""))
        catalog.append(
            {
                "path": parameter.name,
                "description": " ".join(str(parameter.description or "").split()),
                "label_fr": _label(parameter, "label_fr"),
                "label_en": _label(parameter, "label_en"),
                "reference": reference,
                "reference_fr": cite(reference, english=False, jurisdiction=jurisdiction),
                "reference_en": cite(reference, english=True, jurisdiction=jurisdiction),
                "unit": unit,
                "jurisdictions": where,
                "values": values,
            }
        )
    return sorted(catalog, key=lambda entry: str(entry["path"]))


def jurisdictions_of(root: Any, path: str) -> tuple[str, ...]:
    """Where the parameter at ``path`` applies: its measure's jurisdictions; for a triage
    question, where the question is asked; for a triage threshold, where its path is offered."""
    parts = path.split(".")
    group = parts[0]
    if group in MEASURE_JURISDICTIONS:
        return MEASURE_JURISDICTIONS[group]
    if group == "triage" and len(parts) >= 3 and parts[1] == "questions":
        asked = root.triage.questions.children[parts[2]].asked_in
        latest = max(asked.values_list, key=lambda at: at.instant_str).value
        return tuple(code for code in JURISDICTIONS if code in list(latest or []))
    if group == "triage" and len(parts) == 3 and parts[1] == "thresholds":
        return MEASURE_JURISDICTIONS.get(parts[2], tuple(JURISDICTIONS))
    if group == "triage" and parts[1:] == ["precedence"]:
        return ("QC",)  # in Ontario only employment services is offered: nothing to order
    if group == "triage" and parts[1:] == ["support_wanted_options"]:
        return MEASURE_JURISDICTIONS["support_plan"]  # yes and not sure lead to the support plan
    if group in PARAMETER_GROUPS:
        return PARAMETER_GROUPS[group][2]
    return tuple(JURISDICTIONS)


def _vocabulary(root: Any, parameter: Any) -> dict[str, tuple[str, str]]:
    """The words for the codes a parameter's values may hold: its own ``value_labels``, the
    options of its triage question, then the shared vocabularies."""
    words: dict[str, tuple[str, str]] = {
        **{code: (name, name_en) for code, (name, name_en, _) in PROGRAMS.items()},
        **{code: (f"{code} {fr}", f"{code} {en}") for code, (fr, en) in REGIONS.items()},
        **{code: (fr, en) for code, (fr, en) in JURISDICTIONS.items()},
        **{
            code: (fr[:1].upper() + fr[1:], en[:1].upper() + en[1:])
            for code, (fr, en) in CHANNELS.items()
        },
        **{code: (names["fr"], names["en"]) for code, names in MEASURES.items()},
        **OTHER_PATHS,
    }
    parts = parameter.name.split(".")
    if parts[0] == "triage" and len(parts) >= 3 and parts[1] == "questions":
        question = root.triage.questions.children[parts[2]]
        for code, option in (question.metadata.get("options") or {}).items():
            words[str(code)] = (str(option["fr"]), str(option["en"]))
    for code, labels in (parameter.metadata.get("value_labels") or {}).items():
        words[str(code)] = (str(labels["fr"]), str(labels["en"]))
    return words


def describe(
    value: Any, *, unit: str | None = None, words: dict[str, tuple[str, str]] | None = None
) -> tuple[str, str]:
    """A parameter value in words, in French and in English."""
    words = words or {}
    if isinstance(value, bool):
        return _YES_NO[value]
    if isinstance(value, (list, tuple)):
        if not value:
            return ("Aucun", "None")
        names = [words.get(str(item), (str(item), str(item))) for item in value]
        return ("; ".join(fr for fr, _ in names), "; ".join(en for _, en in names))
    if isinstance(value, str):
        return words.get(value, (value, value))
    if isinstance(value, (int, float)):
        number = int(value) if float(value).is_integer() else float(value)
        if unit == "currency-CAD":
            if isinstance(number, int):
                return (f"{number:,}".replace(",", "\u00a0") + "\u00a0$", f"${number:,}")
            return (
                f"{number:,.2f}".replace(",", "\u00a0").replace(".", ",") + "\u00a0$",
                f"${number:,.2f}",
            )
        if unit in _UNITS:
            fr, en = _UNITS[unit]
            return (fr.format(number).replace(" ", "\u00a0", 1), en.format(number))
        return (str(number), str(number))
    return (str(value), str(value))


def cite(reference: str, *, english: bool, jurisdiction: str | None = None) -> str:
    """A reference with each source file named by its document's title; with ``jurisdiction``,
    only the parts citing that jurisdiction's documents ("" when none does)."""
    parts = [part.strip() for part in reference.split(";") if part.strip()]
    if jurisdiction is not None:
        parts = [
            part
            for part in parts
            if any(
                part.startswith(file_name) and where == jurisdiction
                for file_name, where in DOCUMENT_JURISDICTIONS.items()
            )
        ]
    cited = "; ".join(parts)
    for file_name, (fr, en) in DOCUMENTS.items():
        cited = cited.replace(file_name, en if english else fr)
    return cited
