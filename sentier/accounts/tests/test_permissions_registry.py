"""One shape for permissions: each app's ``permissions.py`` registers its rules and is imported
once, by its ``AppConfig.ready``; every permission name the code and templates ask for exists;
nobody compares roles by hand outside a permissions module.

Static scans of the source (no database): they name the file and line that breaks the shape.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from django.apps import apps
from rules.permissions import permissions as registry

SENTIER = Path(__file__).resolve().parents[2]

#: Names registered under a label that is no app: the statistics pages have no app of their own.
FOREIGN_LABELS = {"reports.view_statistics": "accounts"}

#: Files that still compare roles by hand, each with the reason. Empty this list, not grow it.
ROLE_COMPARISONS_ALLOWED = {
    # Defines the roles; and what makes a role a staff role.
    "accounts/models.py",
    # Synthetic data, like the demo loaders: creates caseworkers of each region, and takes an
    # administrator as the actor of the month's statements.
    "site/synth.py",
    "site/management/commands/synth.py",
}

#: The placeholder docstrings use to show how to ask.
EXAMPLE = "app.verb_thing"

ADD_PERM = re.compile(r"add_perm\(\s*\"([a-z_]+)\.([a-z_]+)\"")
ASKED_IN_CODE = re.compile(r"(?:has_perm|\bmay)\(\s*[\w.\[\]]+\s*,\s*\"([a-z_]+\.[a-z_]+)\"")
ASKED_DIRECTLY = re.compile(r"has_perm\(\s*\"([a-z_]+\.[a-z_]+)\"")
ASKED_IN_TEMPLATES = re.compile(r"\bperms\.([a-z_]+)\.([a-z_]+)|has_perm ['\"]([a-z_]+\.[a-z_]+)")
ROLE_COMPARISON = re.compile(
    r"\.role\s*(?:==|!=|\bin\b|\bnot in\b)|\bRole\.[A-Z_]+\b|role\s*==\s*['\"]"
)


def _sources(pattern: str) -> list[Path]:
    return sorted(
        path
        for path in SENTIER.rglob(pattern)
        if "tests" not in path.parts and "migrations" not in path.parts
    )


def _registrars() -> dict[Path, str]:
    """Every module that registers permissions, with the label of its app: each app's
    ``permissions.py`` and those of its sub-packages (``paas/statements/permissions.py``)."""
    return {path: path.relative_to(SENTIER).parts[0] for path in _sources("permissions.py")}


def _registered_statically() -> dict[str, list[str]]:
    """Each name passed to ``add_perm`` in the source, with where."""
    names: dict[str, list[str]] = {}
    for path in _sources("*.py"):
        text = path.read_text()
        for match in ADD_PERM.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            where = f"{path.relative_to(SENTIER)}:{line}"
            names.setdefault(f"{match[1]}.{match[2]}", []).append(where)
    return names


def test_permissions_are_registered_only_by_permissions_modules() -> None:
    registrars = {str(path.relative_to(SENTIER)) for path in _registrars()}
    elsewhere = [
        where
        for places in _registered_statically().values()
        for where in places
        if where.split(":")[0] not in registrars
    ]
    assert elsewhere == []


def test_no_permission_is_registered_twice() -> None:
    twice = {name: places for name, places in _registered_statically().items() if len(places) > 1}
    assert twice == {}


def test_each_app_registers_under_its_own_label() -> None:
    labels = {str(path.relative_to(SENTIER)): label for path, label in _registrars().items()}
    wrong = []
    for name, places in _registered_statically().items():
        for where in places:
            expected = labels[where.split(":")[0]]
            label = name.split(".")[0]
            if label != expected and FOREIGN_LABELS.get(name) != expected:
                wrong.append(f"{name} at {where}")
    assert wrong == []


def test_every_permissions_module_is_imported_once_by_its_app_config() -> None:
    """Loaded by ``ready`` (not autodiscovered, not imported for its side effects elsewhere)."""
    not_loaded = []
    not_in_ready = []
    for path, label in _registrars().items():
        module = "sentier." + ".".join(path.relative_to(SENTIER).with_suffix("").parts)
        if module not in sys.modules:
            not_loaded.append(module)
        ready = (SENTIER / label / "apps.py").read_text()
        package = re.escape(module.rsplit(".", 1)[0])
        # One line, or a parenthesised list up to its closing line (comments may hold brackets).
        imports_it = re.compile(
            rf"from {package} import(?:[^\n(]*|\s*\((?:(?!\n\s*\)).)*?)\b{path.stem}\b", re.S
        )
        if not imports_it.search(ready):
            not_in_ready.append(f"{label}/apps.py does not import {module}")
        importers = [
            f"{source.relative_to(SENTIER)}"
            for source in _sources("*.py")
            if source.name != "apps.py" and imports_it.search(source.read_text())
        ]
        assert importers == [], f"{module} imported for its side effects by {importers}"
    assert not_loaded == []
    assert not_in_ready == []
    assert "rules.apps.AutodiscoverRulesConfig" not in {
        config.__class__.__module__ + "." + config.__class__.__name__
        for config in apps.get_app_configs()
    }


def test_what_is_registered_at_run_time_is_what_the_modules_say() -> None:
    assert set(registry) == set(_registered_statically())


def test_every_permission_asked_for_exists() -> None:
    asked: dict[str, list[str]] = {}
    for path in _sources("*.py"):
        text = path.read_text()
        for pattern in (ASKED_IN_CODE, ASKED_DIRECTLY):
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                asked.setdefault(match[1], []).append(f"{path.relative_to(SENTIER)}:{line}")
    for path in _sources("*.html"):
        text = path.read_text()
        for match in ASKED_IN_TEMPLATES.finditer(text):
            name = match[3] or f"{match[1]}.{match[2]}"
            asked.setdefault(name, []).append(str(path.relative_to(SENTIER)))
    assert len(asked) > 40  # the scan finds the questions
    unknown = {
        name: places for name, places in asked.items() if name not in registry and name != EXAMPLE
    }
    assert unknown == {}


def test_nobody_compares_roles_by_hand_outside_permissions_modules() -> None:
    """Roles are compared in permissions modules; everyone else asks a permission."""
    registrars = set(_registrars())
    found = []
    for path in _sources("*.py") + _sources("*.html"):
        relative = str(path.relative_to(SENTIER))
        if path in registrars or relative in ROLE_COMPARISONS_ALLOWED or "demo" in path.name:
            continue
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if ROLE_COMPARISON.search(line):
                found.append(f"{relative}:{number}: {line.strip()}")
    assert found == []
