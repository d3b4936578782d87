"""Text as people search and sort it: without regard to accents, case, hyphens or apostrophes,
and in French alphabetical order.

- :func:`fold` gives the form a search compares: « Saint-Jérôme » and « saint jerome » fold alike.
- :class:`Folded` is the same folding done by the database, so a filter runs there: PostgreSQL's
  ``unaccent`` (the extension is created by this app's migration), and on SQLite a function this
  module registers on every new connection.
- :class:`FrenchOrder` sorts a text column in French order, where « Bélanger » comes before
  « Bouchard » and « Équitem » among the E: PostgreSQL's ICU collation ``fr-CA-x-icu``, and on
  SQLite a collation this module registers that compares the folded forms first.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Func, TextField
from django.db.models.expressions import Expression
from django.db.models.sql.compiler import SQLCompiler

# Hyphens, dashes and apostrophes: in names they join words that a search may write apart.
_JOINERS = "-‐‑‒–—'’ʼ`´"
_JOINERS_TO_SPACES = str.maketrans(dict.fromkeys(_JOINERS, " "))
SQLITE_FOLD = "sentier_fold"
SQLITE_FRENCH = "sentier_fr"
POSTGRESQL_FRENCH = "fr-CA-x-icu"


@functools.lru_cache(maxsize=4096)
def fold(text: str | None) -> str:
    """Lower case, no accents, hyphens and apostrophes as spaces, single spaces."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    return " ".join(bare.casefold().translate(_JOINERS_TO_SPACES).split())


def search_words(text: str) -> list[str]:
    """The folded words of a search, without repeats; single letters (the « l » of « l'Ouest »)
    match too much to narrow anything and are left out."""
    words: list[str] = []
    for word in fold(text).split():
        if len(word) > 1 and word not in words:
            words.append(word)
    return words


def french_key(text: str) -> tuple[str, str, str]:
    """Sort key in French order: letters first, then accents, then case."""
    return (fold(text), unicodedata.normalize("NFC", text).casefold(), text)


def _compare_french(left: str, right: str) -> int:
    a, b = french_key(left), french_key(right)
    return (a > b) - (a < b)


class Folded(Func):
    """The folded form of a text column or expression (see :func:`fold`)."""

    arity = 1
    output_field = TextField()
    function = "LOWER"  # other databases: lower case only

    def as_sqlite(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> Any:
        return super().as_sql(compiler, connection, function=SQLITE_FOLD, **extra)

    def as_postgresql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> Any:
        spaces = " " * len(_JOINERS)
        template = (
            "regexp_replace(translate(lower(unaccent(%(expressions)s::text)), "
            f"'{_JOINERS.replace(chr(39), chr(39) * 2)}', '{spaces}'), '\\s+', ' ', 'g')"
        )
        return super().as_sql(compiler, connection, template=template, **extra)


class FrenchOrder(Func):
    """A text column compared in French alphabetical order (for ``order_by``)."""

    arity = 1
    template = "%(expressions)s"

    def as_sqlite(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> Any:
        return super().as_sql(
            compiler, connection, template=f"%(expressions)s COLLATE {SQLITE_FRENCH}", **extra
        )

    def as_postgresql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> Any:
        return super().as_sql(
            compiler, connection, template=f'%(expressions)s COLLATE "{POSTGRESQL_FRENCH}"', **extra
        )


def french(*fields: str | Expression) -> list[Any]:
    """``order_by`` arguments sorting by these text fields in French order, in turn."""
    return [FrenchOrder(field).asc() for field in fields]


def register_sqlite_functions(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """On each new SQLite connection: the folding function and the French collation."""
    if connection.vendor != "sqlite":
        return
    raw = connection.connection
    raw.create_function(SQLITE_FOLD, 1, fold, deterministic=True)
    raw.create_collation(SQLITE_FRENCH, _compare_french)
