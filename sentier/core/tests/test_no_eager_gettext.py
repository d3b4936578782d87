"""No ``gettext`` at import time: a string translated when the module loads stays in whatever
language was active then (use ``gettext_lazy`` for module-level and class-level texts)."""

from __future__ import annotations

import ast
from pathlib import Path

EAGER = {"gettext", "ngettext", "pgettext", "npgettext"}
ROOT = Path(__file__).resolve().parents[2]


def eager_calls(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {
        alias.asname or alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation"
        for alias in node.names
        if alias.name in EAGER
    }
    found: list[int] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(
                child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
            )
            if (
                not in_function
                and isinstance(child, ast.Call)
                and isinstance(child.func, ast.Name)
                and child.func.id in names
            ):
                found.append(child.lineno)
            visit(child, inside)

    if names:
        visit(tree, False)
    return found


def test_no_module_translates_a_text_when_it_is_imported() -> None:
    offenders = [
        f"{path.relative_to(ROOT.parent)}:{line}"
        for path in sorted(ROOT.rglob("*.py"))
        if "migrations" not in path.parts
        for line in eager_calls(path)
    ]
    assert offenders == []
