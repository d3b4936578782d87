"""From simulation to rule: the exact lines of the parameter files that would make the changes.

The simulator never writes to the rules. It gives an analyst a unified diff of
``sentier_rules/parameters/`` (``git apply`` takes it) to propose through the normal review of
the rules package. A change adds a dated value under the parameter's ``values``; the reform
replaces every value from its date on (OpenFisca's ``update`` has no end date), so the diff also
removes the values dated after it: once applied, the files say exactly what was simulated.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sentier.simulations.changes import Change
from sentier_rules.system import PARAMETERS_DIR

RULES_ROOT = PARAMETERS_DIR.parent.parent
_DATED = re.compile(r"^(\s*)(\d{4}-\d{2}-\d{2}):\s*(#.*)?$")


def parameter_file(path: str) -> tuple[Path, list[str]]:
    """The YAML file holding the parameter at ``path`` and the keys inside it."""
    parts = path.split(".")
    for cut in range(1, len(parts) + 1):
        candidate = PARAMETERS_DIR.joinpath(*parts[: cut - 1], f"{parts[cut - 1]}.yaml")
        if candidate.is_file():
            return candidate, parts[cut:]
    raise ValueError(f"no parameter file for {path}")


def yaml_value(value: Any) -> str:
    """A value as the parameter files write it (strings quoted: "06", "yes" stay text)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(json.dumps(str(item), ensure_ascii=False) for item in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def _key_line(line: str, key: str, indent: int) -> bool:
    pattern = (
        rf"^ {{{indent}}}(\"{re.escape(key)}\"|'{re.escape(key)}'|{re.escape(key)}):\s*(#.*)?$"
    )
    return re.match(pattern, line) is not None


def _block_end(lines: list[str], start: int, indent: int) -> int:
    """The index after the block opened at ``start`` (lines indented deeper, blanks, comments)."""
    end = start + 1
    while end < len(lines):
        line = lines[end]
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and len(line) - len(line.lstrip()) <= indent:
            break
        end += 1
    return end


def apply_change(text: str, keys: Sequence[str], change: Change) -> str:
    """``text`` (a parameter file) with ``change`` written into its dated values."""
    lines = text.split("\n")
    low, high, indent = 0, len(lines), 0
    for key in keys:
        for index in range(low, high):
            if _key_line(lines[index], key, indent):
                low, high = index + 1, _block_end(lines, index, indent)
                indent += 2
                break
        else:
            raise ValueError(f"key {key!r} not found")
    for index in range(low, high):
        if _key_line(lines[index], "values", indent):
            low, high = index + 1, _block_end(lines, index, indent)
            break
    else:
        raise ValueError("no values")
    day = change.start.isoformat()
    entry = [
        f"{' ' * (indent + 2)}{day}:",
        f"{' ' * (indent + 4)}value: {yaml_value(change.value)}",
    ]
    kept: list[str] = []
    insert_at: int | None = None
    index = low
    while index < high:
        match = _DATED.match(lines[index])
        if match and len(match.group(1)) == indent + 2:
            end = _block_end(lines, index, indent + 2)
            # Trailing blank and comment lines belong to what follows, not to this value.
            while end > index + 1 and (
                not lines[end - 1].strip() or lines[end - 1].strip().startswith("#")
            ):
                end -= 1
            if match.group(2) < day:
                kept.extend(lines[index:end])
                insert_at = len(kept)
            # A value on or after the change's date is replaced by it.
            index = end
            continue
        kept.append(lines[index])
        index += 1
    position = insert_at if insert_at is not None else 0
    kept[position:position] = entry
    return "\n".join(lines[:low] + kept + lines[high:])


def export_diff(changes: Sequence[Change]) -> str:
    """A unified diff of the parameter files, one section per file, paths from the repository
    root (``sentier_rules/parameters/…``)."""
    texts: dict[Path, tuple[str, str]] = {}
    for change in sorted(changes, key=lambda c: (c.path, c.start)):
        file, keys = parameter_file(change.path)
        original, current = texts.get(file, (file.read_text(encoding="utf-8"),) * 2)
        texts[file] = (original, apply_change(current, keys, change))
    out: list[str] = []
    for file in sorted(texts):
        original, changed = texts[file]
        name = file.relative_to(RULES_ROOT).as_posix()
        out.extend(
            difflib.unified_diff(
                original.splitlines(keepends=True),
                changed.splitlines(keepends=True),
                fromfile=f"a/{name}",
                tofile=f"b/{name}",
            )
        )
    return "".join(out)


def changed_files(changes: Sequence[Change]) -> dict[str, str]:
    """Each changed file's new text, by path under the parameters directory (for tests)."""
    texts: dict[str, str] = {}
    for change in sorted(changes, key=lambda c: (c.path, c.start)):
        file, keys = parameter_file(change.path)
        name = file.relative_to(PARAMETERS_DIR).as_posix()
        texts[name] = apply_change(
            texts.get(name) or file.read_text(encoding="utf-8"), keys, change
        )
    return texts
