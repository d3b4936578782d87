"""The situations that justify a service plan: the six examples of 000 (« Voici quelques exemples
de situations où un plan de services peut être mis en place »). The list is configurable in the
admin (``Situation``); these are the rows it starts with.
"""

from __future__ import annotations

from typing import Any

from sentier.serviceplans.models import Situation

# Codes match the single-window triage questions (sentier_rules/parameters/triage/questions/).
SITUATIONS: list[tuple[str, str, str]] = [
    (
        "needs_several_services",
        "La personne a des besoins complexes ou variés qui exigent l’intervention de plusieurs "
        "acteurs",
        "The person has complex or varied needs that require several actors",
    ),
    (
        "could_worsen_quickly",
        "Sa situation risque de se détériorer rapidement si rien n’est fait",
        "Their situation could deteriorate quickly if nothing is done",
    ),
    (
        "major_crisis",
        "Elle traverse une crise importante",
        "They are going through a major crisis",
    ),
    (
        "services_may_stop",
        "Il y a un risque que les services cessent ou ne se poursuivent pas correctement",
        "Services risk stopping or not continuing properly",
    ),
    (
        "difficult_transition",
        "La personne, sa famille ou ses proches aidants vivent une transition difficile",
        "The person, their family or caregivers are going through a difficult transition",
    ),
    (
        "coordination_failed",
        "Les efforts de concertation déjà entrepris n’ont pas permis d’obtenir les résultats "
        "souhaités",
        "Coordination efforts already made have not brought the results hoped for",
    ),
]


def ensure_situations(model: Any = None) -> None:
    """Create or refresh the six situations (``model``: a migration's historical model)."""
    if model is None:
        model = Situation
    for order, (code, label_fr, label_en) in enumerate(SITUATIONS, start=1):
        model.objects.update_or_create(
            code=code, defaults={"label_fr": label_fr, "label_en": label_en, "order": order}
        )
