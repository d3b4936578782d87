"""Every parameter documents itself: description, French and English labels, seed reference."""

from __future__ import annotations

import re

from sentier_rules import parameter_catalog

SEED = re.compile(r"00[0-4]_[0-9a-f]{16}\.txt")


def test_every_parameter_has_description_labels_and_a_seed_reference() -> None:
    catalog = parameter_catalog()
    assert len(catalog) > 40  # 34 regional flags and the rest
    for entry in catalog:
        assert entry["description"], entry["path"]
        assert entry["label_fr"], entry["path"]
        assert entry["label_en"], entry["path"]
        assert SEED.search(entry["reference"]), entry["path"]
        assert entry["values"], entry["path"]
        starts = [value["start"] for value in entry["values"]]
        assert starts == sorted(starts)


def test_catalog_shows_the_pilot_regions_and_the_amounts() -> None:
    by_path = {entry["path"]: entry for entry in parameter_catalog()}
    for code in ("02", "08", "11", "13", "15"):
        assert by_path[f"support_plan.regions.{code}"]["values"][-1] == {
            "start": "2026-04-01",
            "value": True,
            "fr": "Oui",
            "en": "Yes",
        }
        assert by_path[f"service_plan.ministry_initiation_regions.{code}"]["values"][-1] == {
            "start": "2026-04-01",
            "value": True,
            "fr": "Oui",
            "en": "Yes",
        }
    assert by_path["support_plan.regions.06"]["values"] == [
        {"start": "2000-01-01", "value": False, "fr": "Non", "en": "No"}
    ]
    assert by_path["paas_action.monthly_allowance"]["values"][-1]["value"] == 173
    assert by_path["paas_action.monthly_allowance"]["values"][-1]["en"] == "$173"
    assert by_path["paas_action.monthly_allowance"]["unit"] == "currency-CAD"
    assert by_path["support_plan.asylum_seekers.pilot_regions"]["values"][-1]["value"] == []
