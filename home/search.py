"""A search that forgives: full text first (French stems on both databases), then typos.

1. Wagtail's full-text search (stems: "horaire" finds "horaires").
2. Nothing? On PostgreSQL, titles close to the words by trigrams (pg_trgm), centres first.
3. Still nothing? A spelling suggested from the names on the site (centres, towns, page titles), and
   the results for it when it finds some: "Bellencontre" and "belen" lead to Belencontre on SQLite too.
"""

import difflib
import re

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Case, IntegerField, Value, When
from wagtail.models import Page

from home.models import CentrePage

WORD = re.compile(r"\w+")
FUZZY_THRESHOLD = 0.4  # pg_trgm word similarity of the words to a title
VOCABULARY_PAGES = 2000  # titles read to suggest a spelling (the most recent pages)
MIN_PREFIX = 4


def full_text(terms):
    return Page.objects.live().public().specific().search(terms, operator="and")


def has_any(results):
    return bool(list(results[:1]))


def close_titles(terms):
    """PostgreSQL only: pages whose title looks like the words (typos), centre pages first."""
    from django.contrib.postgres.search import TrigramWordSimilarity

    centre_type = ContentType.objects.get_for_model(CentrePage)
    return (
        Page.objects.live()
        .public()
        .annotate(similarity=TrigramWordSimilarity(terms, "title"))
        .filter(similarity__gte=FUZZY_THRESHOLD)
        .annotate(
            is_centre=Case(When(content_type=centre_type, then=Value(1)), default=Value(0), output_field=IntegerField())
        )
        .order_by("-is_centre", "-similarity", "path")
        .specific()
    )


def vocabulary():
    """Words people look for: centre names and towns, then titles of recent pages."""
    words = set()
    for title, town in CentrePage.objects.live().public().values_list("title", "town"):
        words.update(WORD.findall(f"{title} {town}".lower()))
    titles = Page.objects.live().public().order_by("-latest_revision_created_at").values_list("title", flat=True)
    for title in titles[:VOCABULARY_PAGES]:
        words.update(WORD.findall(title.lower()))
    return sorted(word for word in words if len(word) >= 3)


def suggest(terms, words=None):
    """The same words with each unknown one replaced by the closest known word, or None."""
    words = vocabulary() if words is None else words
    known = set(words)
    out, changed = [], False
    for word in terms.split():
        if word in known or len(word) < 3:
            out.append(word)
            continue
        close = difflib.get_close_matches(word, words, n=1, cutoff=0.75)
        if not close and len(word) >= MIN_PREFIX:
            close = [w for w in words if w.startswith(word)][:1]
        out.append(close[0] if close else word)
        changed = changed or bool(close)
    return " ".join(out) if changed else None


def find(terms):
    """(results, searched_for, suggestion): what to list, the words it was found for, a spelling to offer."""
    results = full_text(terms)
    if has_any(results):
        return results, terms, None
    if connection.vendor == "postgresql":
        close = close_titles(terms)
        if close.exists():
            return close, terms, None
    suggestion = suggest(terms)
    if suggestion:
        again = full_text(suggestion)
        if has_any(again):
            return again, suggestion, suggestion
    return Page.objects.none(), terms, suggestion


def centres_of(pages):
    """Attach `result.centre` (the centre a page belongs to) to each page: one query for the whole page."""
    step = Page.steplen
    prefixes = {page.path[: 3 * step] for page in pages if page.depth > 3}
    centres = {c.path: c for c in CentrePage.objects.filter(path__in=prefixes).only("title", "path", "town")}
    for page in pages:
        page.centre = centres.get(page.path[: 3 * step]) if page.depth > 3 else None
    return pages
