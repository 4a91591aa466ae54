from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BaseStreamBlock

# A short home page on a phone: three of each, then "voir tout" to the network's lists.
HOME_NEWS_COUNT = 3
HOME_EVENTS_COUNT = 3
CENTRE_CARD_PHOTO = "fill-192x144|format-webp"  # shown at 96×72 CSS pixels, sharp on a 2x screen


def public_q():
    """Like Wagtail's `.public()`, but built once and reused by several querysets (one query)."""
    from django.db.models import Q
    from wagtail.models import PageViewRestriction

    q = Q()
    for path in PageViewRestriction.objects.values_list("page__path", flat=True):
        q &= ~Q(path__startswith=path)
    return q


def centre_lookup(centres):
    """A function page -> its centre (or None), from the centres' tree paths: no query per page."""
    by_path = {centre.path: centre for centre in centres}
    length = len(next(iter(by_path), ""))

    def centre_of(page):
        return by_path.get(page.path[:length]) if length else None

    return centre_of


class BreadcrumbMixin:
    def breadcrumb(self):
        """The ancestors shown in the breadcrumb below the home page, which it always starts with (one query)."""
        return list(self.get_ancestors().filter(depth__gt=2).only("id", "title", "url_path", "depth", "path"))


class HomePage(BreadcrumbMixin, Page):
    """The network's home page: its centres, open workshops, latest news and events."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    def get_context(self, request, *args, **kwargs):
        from django.db.models import Prefetch
        from wagtail.images import get_image_model
        from wagtail.images.shortcuts import get_rendition_or_not_found

        from home.models.centres import CentrePage
        from home.models.news import EventIndexPage, EventPage, NewsIndexPage, NewsPage, children_and_lists
        from home.sections import sections_for

        context = super().get_context(request, *args, **kwargs)
        public = public_q()
        photos = get_image_model().objects.prefetch_renditions(CENTRE_CARD_PHOTO)
        centres = list(
            CentrePage.objects.child_of(self)
            .live()
            .filter(public)
            .order_by("title")
            .only("id", "title", "url_path", "path", "depth", "town", "neighbourhood", "photo", "photo_alt", "slug")
            .prefetch_related(Prefetch("photo", queryset=photos))
        )
        _, indexes = children_and_lists(self, public)
        centre_of = centre_lookup(centres)
        news = list(
            NewsPage.objects.descendant_of(self).live().filter(public).order_by("-date", "-pk")[:HOME_NEWS_COUNT]
        )
        events = list(
            EventPage.objects.descendant_of(self)
            .live()
            .filter(public, end__gte=timezone.now())
            .order_by("start", "pk")[:HOME_EVENTS_COUNT]
        )
        for item in news + events:
            item.centre = centre_of(item)
        for centre in centres:  # from the prefetched renditions: no query, and one place names the size
            centre.card_photo = get_rendition_or_not_found(centre.photo, CENTRE_CARD_PHOTO) if centre.photo else None
        context.update(
            centres=centres,
            latest_news=news,
            upcoming_events=events,
            news_index=indexes[NewsIndexPage],
            event_index=indexes[EventIndexPage],
            sections=[
                mark_safe(render_to_string(template, section_context, request=request))  # noqa: S308
                for template, section_context in sections_for(request, self)
            ],
        )
        return context

    class Meta:
        verbose_name = _("network home page")
        verbose_name_plural = _("network home pages")


class StandardPage(BreadcrumbMixin, Page):
    """A plain content page: about us, a service, the legal notice, the personal-data policy."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["home.HomePage", "home.CentrePage", "home.StandardPage"]

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
