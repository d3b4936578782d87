"""The six situations of 000 that justify a service plan (configurable afterwards in the admin)."""

from typing import Any

from django.db import migrations

# Codes match the single-window triage questions (sentier_rules/parameters/triage/questions/).
SITUATIONS = [
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


def add_situations(apps: Any, schema_editor: Any) -> None:
    situation = apps.get_model("serviceplans", "Situation")
    for order, (code, label_fr, label_en) in enumerate(SITUATIONS, start=1):
        situation.objects.update_or_create(
            code=code, defaults={"label_fr": label_fr, "label_en": label_en, "order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("serviceplans", "0001_initial")]

    operations = [migrations.RunPython(add_situations, migrations.RunPython.noop)]
