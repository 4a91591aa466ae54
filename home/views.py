import logging
import re

from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.template.response import TemplateResponse
from wagtail.models import Page, Site

from home import search as forgiving
from home.input_guard import refusal_page
from home.models import CentrePage
from home.sections import section_for

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
    found_for, suggestion = terms, None
    try:
        with transaction.atomic():
            results, found_for, suggestion = forgiving.find(terms) if terms else (Page.objects.none(), "", None)
            page = Paginator(results, RESULTS_PER_PAGE).get_page(page_number(request.GET.get("page")))
            page.object_list = forgiving.centres_of(list(page.object_list))
    except DatabaseError:
        logger.exception("Search failed for %r", terms)
        page = Paginator(Page.objects.none(), RESULTS_PER_PAGE).get_page(1)
    context = {"query": query, "results": page, "suggestion": suggestion, "corrected": found_for != terms}
    if query and not page.object_list:
        context.update(nothing_found_context(request))
    return TemplateResponse(request, "home/search.html", context)


def nothing_found_context(request):
    """No dead end: the centres, and the workshops open now (from the participation section, if any)."""
    site = Site.find_for_request(request)
    home_page = site.root_page.specific if site else None
    centres = CentrePage.objects.live().public().order_by("title").only("title", "town", "url_path", "path")
    workshops = section_for("open_workshops", request, home_page) if home_page else None
    return {"centres": list(centres), "open_workshops_section": workshops}


def bad_request(request, exception=None):
    """handler400. Unlike Django's own, it does not re-read the body (a body that failed to parse
    would fail again in the CSRF check and turn the 400 into a 500)."""
    return refusal_page(request, "")
