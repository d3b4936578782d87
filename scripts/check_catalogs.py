"""Check that the French and English catalogs are complete: no missing, empty or fuzzy entry.

Runs ``makemessages`` into a scratch copy of ``locale/`` so that strings added to the code but not
yet to the catalogs are caught too. Exit status 1 lists every problem.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ("fr_CA", "en_CA")
DOMAINS = ("django", "djangojs")


def entries(path: Path) -> dict[tuple[str, str | None], object]:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    return {
        (str(m.id if isinstance(m.id, str) else m.id[0]), m.context): m for m in catalog if m.id
    }


def main() -> int:
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        scratch_locale = Path(scratch) / "locale"
        if (ROOT / "locale").exists():
            shutil.copytree(ROOT / "locale", scratch_locale)
        env = dict(os.environ, SENTIER_LOCALE_DIR=str(scratch_locale))
        command = [
            sys.executable,
            str(ROOT / "manage.py"),
            "makemessages",
            "--no-obsolete",
            "--no-location",
            "-v0",
        ]
        for locale in LOCALES:
            command += ["-l", locale]
        ignore = [
            "--ignore=node_modules/*",
            "--ignore=var/*",
            "--ignore=.venv/*",
            "--ignore=static/vendor/*",
            "--ignore=e2e/*",
            "--ignore=bench/*",
        ]
        subprocess.run([*command, *ignore], check=True, env=env, cwd=ROOT)
        for locale in LOCALES:
            committed = ROOT / "locale" / locale / "LC_MESSAGES" / "django.po"
            fresh = scratch_locale / locale / "LC_MESSAGES" / "django.po"
            if not committed.exists():
                problems.append(f"{committed.relative_to(ROOT)} is missing")
                continue
            have = entries(committed)
            for key, message in entries(fresh).items():
                if key not in have:
                    problems.append(f"{locale}: not in the catalog: {key[0]!r}")
                    continue
                current = have[key]
                strings = current.string if isinstance(current.string, tuple) else (current.string,)  # type: ignore[attr-defined]
                if not all(strings):
                    problems.append(f"{locale}: untranslated: {key[0]!r}")
                if current.fuzzy:  # type: ignore[attr-defined]
                    problems.append(f"{locale}: fuzzy: {key[0]!r}")
                del message
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} catalog problem(s). Run 'make messages' and translate.")
        return 1
    print("Translation catalogs complete: " + ", ".join(LOCALES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
