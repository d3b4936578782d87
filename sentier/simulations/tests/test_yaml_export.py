"""The exported YAML lines make exactly the simulated change: applied to a copy of the parameter
files, the rules answer as the reform did; the real files are untouched."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from sentier.simulations.changes import parse_change
from sentier.simulations.compute import reform_engine
from sentier.simulations.yaml_export import changed_files, export_diff
from sentier_rules.system import PARAMETERS_DIR
from sentier_rules.variables import ALL_VARIABLES
from sentier_rules.variables.common import Person
from sentier_rules.version import rules_version

CHANGES = [
    parse_change("support_plan.regions.06", "2027-01-01", "true"),
    parse_change("support_plan.regions.02", "2026-01-01", "false"),
    parse_change("paas_action.monthly_allowance", "2027-01-01", "200"),
    parse_change("paas_action.programs", "2027-01-01", "PAS, PSS"),
    parse_change("paas_action.asylum_seekers.pilot_regions", "2027-03-01", "06, 13"),
]


def _system(directory: Path) -> TaxBenefitSystem:
    system = TaxBenefitSystem([Person])
    system.add_variables(*ALL_VARIABLES)
    system.load_parameters(str(directory))
    return system


def _plain(value: Any) -> Any:
    if isinstance(value, str) or not hasattr(value, "__len__"):
        return value
    return [str(item) for item in value]


def test_applied_lines_give_the_reform(tmp_path: Path) -> None:
    version = rules_version()
    copy = tmp_path / "parameters"
    shutil.copytree(PARAMETERS_DIR, copy)
    for name, text in changed_files(CHANGES).items():
        (copy / name).write_text(text, encoding="utf-8")

    edited = _system(copy).parameters
    reform = reform_engine(CHANGES).parameters
    for day in ("2025-06-01", "2026-02-01", "2026-05-01", "2027-01-01", "2027-04-01", "2030-01-01"):
        for path in (change.path for change in CHANGES):
            expected, got = reform(day), edited(day)
            for part in path.split("."):
                expected, got = getattr(expected, part), getattr(got, part)
            assert _plain(got) == _plain(expected), (path, day)
    assert rules_version() == version  # the real files are untouched


def test_the_diff_names_the_files_and_the_new_dated_values() -> None:
    diff = export_diff(CHANGES[:1])

    assert diff.startswith("--- a/sentier_rules/parameters/support_plan/regions.yaml\n")
    assert "+++ b/sentier_rules/parameters/support_plan/regions.yaml\n" in diff
    assert "+    2027-01-01:\n+      value: true\n" in diff
    assert dt.date(2027, 1, 1).isoformat() in diff
