"""The examples of difficulties from 001 (QUESTIONS – RÉPONSES): "Il n'y a pas de liste formelle
établie, mais on pourrait penser, par exemple, à ces types de situations". Administrators can add,
rename or retire kinds afterwards."""

from typing import Any

from django.db import migrations

SOURCE = "001_415f001b499895c5.txt — QUESTIONS – RÉPONSES"

DIFFICULTIES = [
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
]


def seed(apps: Any, schema_editor: Any) -> None:
    Difficulty = apps.get_model("plans", "Difficulty")
    for position, (code, name_fr, name_en) in enumerate(DIFFICULTIES, start=1):
        Difficulty.objects.update_or_create(
            code=code,
            defaults={
                "name_fr": name_fr,
                "name_en": name_en,
                "position": position * 10,
                "source": SOURCE,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
