"""The difficulty taxonomy's starting set: the examples of 001 (QUESTIONS – RÉPONSES, "Il n'y a
pas de liste formelle établie, mais on pourrait penser, par exemple, à ces types de situations").

Migration 0002 seeds them; :func:`ensure_difficulties` puts back any that are missing (a database
flushed by browser tests, a demo database) without touching kinds an administrator changed.
"""

from __future__ import annotations

from sentier.plans.models import Difficulty

SOURCE = "001_415f001b499895c5.txt — QUESTIONS – RÉPONSES"

DIFFICULTIES: tuple[tuple[str, str, str], ...] = (
    (
        "housing",
        "Itinérance ou difficulté d'accès à un logement salubre et adéquat",
        "Homelessness or no access to safe, adequate housing",
    ),
    (
        "addiction",
        "Dépendance à l'alcool, à la drogue, au jeu",
        "Addiction to alcohol, drugs or gambling",
    ),
    (
        "mental_health",
        "Troubles de la personnalité, troubles du comportement, troubles anxieux",
        "Personality, behaviour or anxiety disorders",
    ),
    (
        "loss_of_spouse",
        "Perte d'un conjoint (séparation, divorce, décès)",
        "Loss of a spouse (separation, divorce, death)",
    ),
    (
        "loss_of_child",
        "Décès ou perte de la garde d'un enfant",
        "Death of a child or loss of custody",
    ),
    (
        "violence",
        "Violence conjugale, agression ou exploitation sexuelle",
        "Domestic violence, sexual assault or exploitation",
    ),
    ("debt", "Endettement excessif", "Excessive debt"),
)


def difficulty_names() -> list[str]:
    """The starting kinds' English names, which participant pages in other languages translate
    (``sentier.reference.names``)."""
    return [name_en for _code, _name_fr, name_en in DIFFICULTIES]


def ensure_difficulties() -> int:
    """Create the missing starting kinds; returns how many were created."""
    existing = set(Difficulty.objects.values_list("code", flat=True))
    missing = [
        Difficulty(code=code, name_fr=name_fr, name_en=name_en, position=index * 10, source=SOURCE)
        for index, (code, name_fr, name_en) in enumerate(DIFFICULTIES, start=1)
        if code not in existing
    ]
    Difficulty.objects.bulk_create(missing)
    return len(missing)
