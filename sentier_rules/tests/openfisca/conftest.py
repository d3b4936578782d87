"""Collects the OpenFisca-format YAML tests of this folder with openfisca-core's own test runner.

These tests speak OpenFisca's vocabulary (variables, enum names such as ``r13``, several persons in
one simulation); the request-level cases for analysts are in ``../yaml``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openfisca_core.tools.test_runner import YamlFile

from sentier_rules.system import tax_benefit_system

HERE = Path(__file__).resolve().parent


def pytest_collect_file(parent: Any, file_path: Path) -> Any:
    if file_path.suffix == ".yaml" and file_path.parent == HERE:
        return YamlFile.from_parent(
            parent, path=file_path, tax_benefit_system=tax_benefit_system(), options={}
        )
    return None
