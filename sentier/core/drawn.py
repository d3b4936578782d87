"""Markup drawn in Python while the template it copies is the one in use.

Hot loops (the caseload's and the inbox's rows, the dashboard's tables) are drawn in Python for
speed, each from a template kept as the reference a test compares it with byte for byte. A
project template of the same name (a deployment's own) must still take over: the Python drawing
is used only while Django would load the app's own file.
"""

from __future__ import annotations

from pathlib import Path

from django.template.loader import get_template


def loads_own_file(template_name: str, own_file: Path) -> bool:
    """Whether ``template_name`` resolves to ``own_file`` (the file the Python drawing copies)."""
    origin = getattr(get_template(template_name), "origin", None)
    return origin is not None and bool(origin.name) and Path(origin.name).resolve() == own_file
