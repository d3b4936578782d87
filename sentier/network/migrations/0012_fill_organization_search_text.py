"""The directory search's folded texts of the organizations already there (later saves keep them
up to date: ``sentier.network.search``). The fields and weights as they were when this ran."""

from collections import defaultdict
from typing import Any

from django.db import migrations

from sentier.core.text import fold

FIELDS = {
    "name": "name",
    "clientele_text": "served",
    "clienteles__name_fr_ca": "served",
    "clienteles__name_en_ca": "served",
    "services__name": "served",
    "locations__city": "places",
    "locations__points_of_service_text": "places",
    "locations__region__name_fr_ca": "places",
    "locations__region__name_en_ca": "places",
    "locations__phone": "phones",
}


def fill(apps: Any, schema_editor: Any) -> None:
    organization = apps.get_model("network", "Organization")
    search_text = apps.get_model("network", "OrganizationSearchText")
    values: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for field, column in FIELDS.items():
        for pk, value in organization.objects.values_list("pk", field):
            folded = fold(value)
            if folded:
                values[pk][column].add(folded)
    search_text.objects.bulk_create(
        search_text(
            organization_id=pk,
            **{column: "\n".join(sorted(values[pk][column])) for column in set(FIELDS.values())},
        )
        for pk in organization.objects.values_list("pk", flat=True)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0011_organization_search_text"),
        ("reference", "0005_program_assistance"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
