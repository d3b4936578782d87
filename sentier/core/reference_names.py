"""Reference rows' names on a page in Spanish, Arabic or Haitian Creole (issue 19).

Reference rows (programs, target clienteles, plan difficulties…) store a French and an English
name in the database; French and English pages show the column of their language, unchanged. A
page in a participant-only language shows the catalog's translation of the **English** name
under the context ``reference name``: the catalogs stay the one place translations live, and
``sentier.reference.names`` lists the shipped names so that ``make messages`` extracts them and
``scripts/check_catalogs.py`` requires them in ``es``, ``ar`` and ``ht``.

A name the catalog does not know (added or renamed by an administrator after the catalogs were
made) shows as the page would have shown it before: in French (modeltranslation's default
language), isolated (U+2068…U+2069) so that it reads left to right inside an Arabic page; the
page's "not yet reviewed" line already tells the reader that some wording may not be in their
language yet. It is translated at the next catalog round.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import pgettext, trans_real

from sentier.core.languages import PARTICIPANT_ONLY_LANGUAGES_SET

#: The catalog context of a reference row's name (its msgid is the English name).
REFERENCE_NAME = "reference name"


def isolated(text: str) -> str:
    """Left-to-right text that keeps its order inside a right-to-left page (first-strong
    isolate)."""
    return f"\u2068{text}\u2069" if text else ""


def reference_name(shown: str, english: str, language: str | None = None) -> str:
    """A reference row's name on a page in ``language`` (the active one by default).

    ``shown`` is the name French and English pages show (the column of their language); it is
    returned unchanged in those languages. In a participant-only language: the catalog's
    translation of ``english``, else ``shown`` isolated.
    """
    code = (language or translation.get_language() or "").lower()
    if code not in PARTICIPANT_ONLY_LANGUAGES_SET or not english:
        return shown
    if not _in_catalog(code, english):
        return isolated(shown)
    with translation.override(code):
        return pgettext(REFERENCE_NAME, english)


def _in_catalog(code: str, english: str) -> bool:
    """Whether the catalog of ``code`` itself translates ``english`` as a reference name.
    ``pgettext`` cannot say: for a msgid a catalog lacks, Django answers with the catalog of
    ``LANGUAGE_CODE``, and a translation may rightly equal the English (*Ontario Works*)."""
    catalog = getattr(trans_real.translation(code), "_catalog", None)
    return catalog is not None and f"{REFERENCE_NAME}\x04{english}" in catalog


def place_name(
    shown: str, english: str, *, english_first: bool, language: str | None = None
) -> str:
    """A place's name (a region, a service area, a site) on a page in ``language`` (the active
    one by default). Places keep their own names: French and English pages show the column of
    their language, unchanged; a page in a participant-only language shows the name the place
    goes by where it is: English in Ontario (``english_first``: "City of Brantford", not "Ville
    de Brantford"), isolated so that it reads left to right in Arabic; in Québec the French
    name, as before."""
    code = (language or translation.get_language() or "").lower()
    if not english_first or code not in PARTICIPANT_ONLY_LANGUAGES_SET:
        return shown
    return isolated(english or shown)
