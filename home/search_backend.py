"""Wagtail's database search backend, with French stemming on SQLite too.

PostgreSQL stems French by itself (SEARCH_CONFIG = "french"). SQLite's full-text index does not: "horaire"
found nothing where "horaires" found nine pages. Here every indexed title and body also carries the
Snowball French stem of each of its words, and every query word is replaced by its stem, so both
spellings meet on the same stem. Elsewhere (PostgreSQL, SQLite without FTS5) this is Wagtail's own backend.
"""

import re
from functools import lru_cache

import snowballstemmer
from django.db import connection
from django.utils.functional import cached_property
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import PlainText

WORD = re.compile(r"\w+")
_stemmer = snowballstemmer.stemmer("french")


@lru_cache(maxsize=20_000)
def stem(word):
    return _stemmer.stemWord(word.lower())


def stems(text):
    """The stems of a text's words that differ from the words themselves (added next to the text)."""
    seen, out = set(), []
    for word in WORD.findall(text.lower()):
        root = stem(word)
        if root != word and root not in seen:
            seen.add(root)
            out.append(root)
    return " ".join(out)


def stemmed_query(text):
    return " ".join(stem(word) for word in WORD.findall(text))


def SearchBackend(params):  # noqa: N802 (Wagtail's entry point name)
    backend = database_backend(params)
    if connection.vendor != "sqlite" or type(backend).__name__ != "SQLiteSearchBackend":
        return backend
    return _french_sqlite_backend(type(backend))(params)


@lru_cache(maxsize=1)
def _french_sqlite_backend(base):
    from modelsearch.backends.database.sqlite import sqlite

    class FrenchIndexer(sqlite.ObjectIndexer):
        @cached_property
        def title(self):
            return _with_stems(super().title)

        @cached_property
        def body(self):
            return _with_stems(super().body)

    class FrenchCompiler(sqlite.SQLiteSearchQueryCompiler):
        def build_search_query_content(self, query, config=None):
            if isinstance(query, PlainText):
                query = PlainText(stemmed_query(query.query_string) or query.query_string, operator=query.operator)
            return super().build_search_query_content(query, config)

    # SQLiteIndex.add_items builds its indexers from this module-level name; in this project the SQLite
    # index is only ever written through this backend, so the French indexer replaces it once.
    sqlite.ObjectIndexer = FrenchIndexer

    class FrenchSQLiteSearchBackend(base):
        query_compiler_class = FrenchCompiler

    return FrenchSQLiteSearchBackend


def _with_stems(text):
    extra = stems(text)
    return f"{text} {extra}" if extra else text
