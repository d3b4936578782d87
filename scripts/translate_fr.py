"""Fill French translations given as a msgid → msgstr mapping (JSON file), then mirror English.

Usage: ``python scripts/translate_fr.py translations.json``. Entries already translated are left
alone unless they are fuzzy; the English catalog gets msgstr = msgid for every entry.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent


def main(path: str) -> int:
    table = json.loads(Path(path).read_text(encoding="utf-8"))
    french = ROOT / "locale/fr_CA/LC_MESSAGES/django.po"
    with french.open("rb") as handle:
        catalog = read_po(handle)
    left = []
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        done = message.string if isinstance(message.string, str) else all(message.string or ())
        if message.fuzzy or not done:
            if key in table:
                value = table[key]
                message.string = tuple(value) if isinstance(value, list) else value
                message.flags.discard("fuzzy")
            else:
                left.append(key)
    with french.open("wb") as handle:
        write_po(handle, catalog, width=76)
    english = ROOT / "locale/en_CA/LC_MESSAGES/django.po"
    with english.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.id:
            message.flags.discard("fuzzy")
            message.string = message.id
    with english.open("wb") as handle:
        write_po(handle, catalog, width=76)
    for key in left:
        print(f"untranslated: {key!r}")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
