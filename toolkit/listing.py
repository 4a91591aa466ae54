"""The filtered, searchable list of toolkit resources.

Facets (theme, type, audience, status) and the text query come from GET parameters so that a
filtered list has its own address. Unknown values are ignored with a message, never an error.
The number of SQL queries does not depend on the number of resources: the list is read from
the common base table with its facets prefetched, never page by page with `.specific()`.
"""

import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from toolkit.models import (
    RESOURCE_TYPES,
    Adoption,
    Audience,
    PrototypePage,
    ResourceFeedback,
    Theme,
    ToolkitResourcePage,
)

PER_PAGE = 12
QUERY_MAX_LENGTH = 200
SEARCH_MAX_RESULTS = 200


@dataclass
class Listing:
    query: str = ""
    theme: Theme | None = None
    audience: Audience | None = None
    type: str = ""
    status: str = ""
    warnings: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    audiences: list = field(default_factory=list)
    page: object = None

    @property
    def is_filtered(self):
        return bool(self.query or self.theme or self.audience or self.type or self.status)


def type_choices():
    return [(key, cls.resource_type_label) for key, cls in RESOURCE_TYPES.items()]


def status_choices():
    return list(PrototypePage.Status.choices)


def search_terms(query):
    """Plain words only: quotes and operators would be read as search syntax by some backends."""
    words = re.findall(r"\w+", query.lower())[:20]
    return " ".join(words) or "-"


def _single(params, name):
    return params.get(name, "").strip()[:100]


def _count_of(queryset):
    """A subquery counting `queryset`'s rows for the outer resource (one query for the whole page)."""
    counted = queryset.filter(resource=OuterRef("pk")).order_by().values("resource").annotate(n=Count("pk"))
    return Coalesce(Subquery(counted.values("n"), output_field=IntegerField()), 0)


def _with_facets(queryset):
    published = ResourceFeedback.Status.PUBLISHED
    return (
        queryset.select_related("prototypepage")
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("sort_order", "name")),
            Prefetch("audiences", queryset=Audience.objects.order_by("sort_order", "name")),
        )
        .annotate(
            useful_count=_count_of(
                ResourceFeedback.objects.filter(status=published, verdict=ResourceFeedback.Verdict.USEFUL)
            ),
            story_count=_count_of(Adoption.objects.filter(story_is_published=True)),
        )
    )


def build_listing(request, index_page):
    params = request.GET
    listing = Listing(themes=list(Theme.objects.all()), audiences=list(Audience.objects.all()))
    listing.query = params.get("q", "").strip()[:QUERY_MAX_LENGTH]

    queryset = ToolkitResourcePage.objects.live().public().descendant_of(index_page)

    if theme_slug := _single(params, "theme"):
        listing.theme = next((theme for theme in listing.themes if theme.slug == theme_slug), None)
        if listing.theme is None:
            listing.warnings.append(_("The theme “%(value)s” does not exist: it was ignored.") % {"value": theme_slug})
        else:
            queryset = queryset.filter(themes=listing.theme)

    if audience_slug := _single(params, "audience"):
        listing.audience = next((a for a in listing.audiences if a.slug == audience_slug), None)
        if listing.audience is None:
            listing.warnings.append(
                _("The audience “%(value)s” does not exist: it was ignored.") % {"value": audience_slug}
            )
        else:
            queryset = queryset.filter(audiences=listing.audience)

    if type_key := _single(params, "type"):
        if type_key in RESOURCE_TYPES:
            listing.type = type_key
            queryset = queryset.filter(content_type=ContentType.objects.get_for_model(RESOURCE_TYPES[type_key]))
        else:
            listing.warnings.append(_("The type “%(value)s” does not exist: it was ignored.") % {"value": type_key})

    if status := _single(params, "status"):
        if status in PrototypePage.Status.values:
            listing.status = status
            queryset = queryset.filter(prototypepage__status=status)
        else:
            listing.warnings.append(_("The status “%(value)s” does not exist: it was ignored.") % {"value": status})

    if listing.query:
        # Relevance order comes from the search backend; the facets are applied to its ids in one
        # query, and only the shown page of resources is loaded.
        found = (
            ToolkitResourcePage.objects.live()
            .descendant_of(index_page)
            .only("pk")
            .search(search_terms(listing.query), operator="and")[:SEARCH_MAX_RESULTS]
        )
        ids = [result.pk for result in found]
        if len(ids) >= SEARCH_MAX_RESULTS:
            listing.warnings.append(
                _("Only the %(count)s most relevant results are shown: add words to narrow the search.")
                % {"count": SEARCH_MAX_RESULTS}
            )
        allowed = set(queryset.filter(pk__in=ids).values_list("pk", flat=True)) if ids else set()
        listing.page = Paginator([pk for pk in ids if pk in allowed], PER_PAGE).get_page(params.get("page"))
        shown = {resource.pk: resource for resource in _with_facets(queryset.filter(pk__in=listing.page.object_list))}
        listing.page.object_list = [shown[pk] for pk in listing.page.object_list if pk in shown]
    else:
        listing.page = Paginator(_with_facets(queryset.order_by("title")), PER_PAGE).get_page(params.get("page"))
    type_labels = {
        ContentType.objects.get_for_model(cls).pk: (key, cls.resource_type_label) for key, cls in RESOURCE_TYPES.items()
    }
    for resource in listing.page:
        resource.type_key, resource.type_label = type_labels.get(resource.content_type_id, ("", ""))
        prototype = getattr(resource, "prototypepage", None)
        resource.status_label = prototype.get_status_display() if prototype else ""
        resource.status_value = prototype.status if prototype else ""
    return listing
