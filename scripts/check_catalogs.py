"""Check that the French and English catalogs are complete: no missing, empty or fuzzy entry.

Runs ``makemessages`` so that strings added to the code but not yet to the catalogs are caught
too, then puts the committed catalogs back exactly as they were (``makemessages`` always writes to
the ``locale/`` folder it finds in the tree, whatever ``LOCALE_PATHS`` says). Exit status 1 lists
every problem.
"""

from __future__ import annotations

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
    locale_dir = ROOT / "locale"
    with tempfile.TemporaryDirectory() as scratch:
        committed_dir = Path(scratch) / "locale"
        shutil.copytree(locale_dir, committed_dir)
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
        try:
            subprocess.run([*command, *ignore], check=True, cwd=ROOT)
            for locale in LOCALES:
                committed = committed_dir / locale / "LC_MESSAGES" / "django.po"
                fresh = locale_dir / locale / "LC_MESSAGES" / "django.po"
                if not committed.exists():
                    problems.append(f"locale/{locale}/LC_MESSAGES/django.po is missing")
                    continue
                have = entries(committed)
                for key in entries(fresh):
                    if key not in have:
                        problems.append(f"{locale}: not in the catalog: {key[0]!r}")
                        continue
                    current = have[key]
                    strings = (
                        current.string  # type: ignore[attr-defined]
                        if isinstance(current.string, tuple)  # type: ignore[attr-defined]
                        else (current.string,)  # type: ignore[attr-defined]
                    )
                    if not all(strings):
                        problems.append(f"{locale}: untranslated: {key[0]!r}")
                    if current.fuzzy:  # type: ignore[attr-defined]
                        problems.append(f"{locale}: fuzzy: {key[0]!r}")
        finally:
            # The committed catalogs, byte for byte: a check leaves the tree as it found it.
            shutil.rmtree(locale_dir)
            shutil.copytree(committed_dir, locale_dir)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} catalog problem(s). Run 'make messages' and translate.")
        return 1
    print("Translation catalogs complete: " + ", ".join(LOCALES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
