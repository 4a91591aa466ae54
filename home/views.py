import re

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page

SEARCH_QUERY_MAX_LENGTH = 200
RESULTS_PER_PAGE = 10
# Control characters (NUL included: PostgreSQL refuses it in text) become spaces.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]+")


def clean_query(raw):
    query = CONTROL_CHARACTERS.sub(" ", raw or "")
    return " ".join(query.split())[:SEARCH_QUERY_MAX_LENGTH].strip()


def page_number(raw):
    return int(raw) if raw and raw.isdigit() and len(raw) < 7 else 1


def search(request):
    """Wagtail search over every live, public page of the site: /recherche/?q=..."""
    query = clean_query(request.GET.get("q", ""))
    results = Page.objects.none()
    if query:
        results = Page.objects.live().public().specific().search(query, operator="and")
    page = Paginator(results, RESULTS_PER_PAGE).get_page(page_number(request.GET.get("page")))
    return TemplateResponse(request, "home/search.html", {"query": query, "results": page})
