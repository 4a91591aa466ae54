import logging
import re

from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.template.response import TemplateResponse
from wagtail.models import Page

from .input_guard import refusal_page

logger = logging.getLogger(__name__)

SEARCH_QUERY_MAX_LENGTH = 200
RESULTS_PER_PAGE = 10
# Only letters, digits and spaces reach the search backend: quotes, stars, brackets and NUL bytes
# are search-syntax or database errors waiting to happen, and people do not mean them anyway.
NOT_A_WORD = re.compile(r"[^\w]+|_+")


def clean_query(raw):
    """The visitor's words, as typed (shown back to them), without control characters."""
    return " ".join(re.sub(r"[\x00-\x1f\x7f]", " ", raw or "").split())[:SEARCH_QUERY_MAX_LENGTH].strip()


def search_terms(query):
    return " ".join(NOT_A_WORD.sub(" ", query).split()).lower()


def page_number(raw):
    return int(raw) if raw and raw.isdigit() and len(raw) < 7 else 1


def search(request):
    """Wagtail search over every live, public page of the site: /recherche/?q=..."""
    query = clean_query(request.GET.get("q", ""))
    terms = search_terms(query)
    results = Page.objects.live().public().specific().search(terms, operator="and") if terms else Page.objects.none()
    try:
        with transaction.atomic():
            page = Paginator(results, RESULTS_PER_PAGE).get_page(page_number(request.GET.get("page")))
            page.object_list = list(page.object_list)
    except DatabaseError:
        logger.exception("Search failed for %r", terms)
        page = Paginator(Page.objects.none(), RESULTS_PER_PAGE).get_page(1)
    return TemplateResponse(request, "home/search.html", {"query": query, "results": page})


def bad_request(request, exception=None):
    """handler400. Unlike Django's own, it does not re-read the body (a body that failed to parse
    would fail again in the CSRF check and turn the 400 into a 500)."""
    return refusal_page(request, "")
