"""The rules version: the package version plus a short hash of every parameter file.

Two answers with the same ``rules_version`` were computed from the same parameters, so a stored
decision can tell whether the rules changed since.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

__version__ = "0.1.0"

PARAMETERS_DIR = Path(__file__).resolve().parent / "parameters"


@functools.cache
def rules_version() -> str:
    """``"<package version>+p<8 hex digits>"``, stable across machines and checkouts."""
    digest = hashlib.sha256()
    for path in sorted(PARAMETERS_DIR.rglob("*.yaml")):
        digest.update(path.relative_to(PARAMETERS_DIR).as_posix().encode())
        digest.update(b"\0")
        # Line endings normalised so a Windows checkout hashes the same.
        digest.update(path.read_bytes().replace(b"\r\n", b"\n"))
        digest.update(b"\0")
    return f"{__version__}+p{digest.hexdigest()[:8]}"
