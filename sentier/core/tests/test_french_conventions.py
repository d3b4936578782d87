"""The French catalog follows the « Conventions d’écriture » of docs/glossary.md: non-breaking
space before « : » and inside « », none before ; ? !, curly apostrophes, « courriel », no truncated
forms, no organization name after a preposition that would contract, and a context where one
English word needs two French genders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

CATALOG = Path(__file__).resolve().parents[3] / "locale" / "fr_CA" / "LC_MESSAGES" / "django.po"

RULES: dict[str, re.Pattern[str]] = {
    "a non-breaking space before « : »": re.compile(r"[^\u00a0\u202f]:(\s|$)"),
    "non-breaking spaces inside « »": re.compile(r"«[^\u00a0\u202f]|[^\u00a0\u202f]»"),
    "no space before ; ? !": re.compile(r"[ \u00a0\u202f][;?!]"),
    "curly apostrophes": re.compile(r"\w'\w"),
    "« courriel », not e-mail": re.compile(r"(?<!%\()\be-?mail", re.IGNORECASE),
    "no truncated forms such as intervenant(e)": re.compile(r"\((e|es|ne|nes|rice)\)|\w·\w"),
    "French quotation marks, not “ ”": re.compile(r"[“”]"),
    "an organization's name never after à/du/de": re.compile(
        r"\b(à|au|du|de) %\((org|organization|recipient|source|sender|partner)\)s"
    ),
}


def translations() -> list[tuple[str, str]]:
    with CATALOG.open("rb") as handle:
        catalog = read_po(handle)
    rows: list[tuple[str, str]] = []
    for message in catalog:
        if not message.id:
            continue
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        rows.extend((msgid, str(text or "")) for text in strings)
    return rows


@pytest.mark.parametrize("rule", sorted(RULES))
def test_the_french_catalog_follows_the_writing_conventions(rule: str) -> None:
    pattern = RULES[rule]
    breaking = [(msgid, text) for msgid, text in translations() if pattern.search(text)]
    assert breaking == [], rule


def test_one_english_word_takes_the_gender_of_what_it_qualifies() -> None:
    with CATALOG.open("rb") as handle:
        catalog = read_po(handle)

    def french(msgid: str, context: str | None = None) -> str:
        message = catalog.get(msgid, context=context)
        assert message is not None, (msgid, context)
        return str(message.string)

    assert french("Approved", "monthly statement") == "Approuvé"
    assert french("Approved") == "Approuvée"  # an expense claim
    assert french("Completed", "support plan") == "Mené à terme"
    assert french("Completed", "referral") == "Menée à terme"
    assert french("Ended") == "Terminé"  # a plan
    assert french("Ended", "PAAS placement") == "Terminée"  # une participation
    assert french("Cancelled") == "Annulé"  # a follow-up
    assert french("Cancelled", "plan action") == "Annulée"


def test_counts_are_written_so_that_0_1_and_more_agree() -> None:
    """A number that is not given to ngettext stands after « libellé : » (docs/glossary.md)."""
    with CATALOG.open("rb") as handle:
        catalog = read_po(handle)
    counted = "total|created|updated|reminded|skipped|expired|evaluated|places"
    # « 1 dossiers », « 1 relevés créés »: a count before a word that takes its number.
    count = re.compile(rf"%\(({counted})\)[sd] (?!sont\b)\w")
    breaking = [
        str(m.string)
        for m in catalog
        if m.id and isinstance(m.id, str) and isinstance(m.string, str) and count.search(m.string)
    ]
    assert breaking == []
