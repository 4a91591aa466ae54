"""News (actualités) and events (agenda): an index page holding articles or events."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.models.pages import BreadcrumbMixin

INDEX_PAGE_SIZE = 12


def page_number(request):
    """The requested list page, or 1 for anything that is not a small positive number."""
    raw = request.GET.get("page", "1")
    return int(raw) if raw.isdigit() and len(raw) < 6 else 1


def children_and_lists(page, public):
    """The page's live public children, and among them its news list and agenda, or None (one query)."""
    from django.contrib.contenttypes.models import ContentType

    children = list(
        page.get_children().live().filter(public).only("id", "title", "url_path", "depth", "path", "content_type_id")
    )
    lists = {}
    for model in (NewsIndexPage, EventIndexPage):
        content_type_id = ContentType.objects.get_for_model(model).pk
        lists[model] = next((child for child in children if child.content_type_id == content_type_id), None)
    return children, lists


class IndexPage(BreadcrumbMixin, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage", "home.CentrePage"]
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True

    def paginate(self, request, queryset):
        """One page of items, read once (the items are then named with their centre)."""
        items = Paginator(queryset, INDEX_PAGE_SIZE).get_page(page_number(request))
        items.object_list = list(items.object_list)
        return items

    def items_in_scope(self, model):
        """The list's live public items, and a function naming each item's centre (None for a centre's list).

        A list directly under the network's home page gathers every centre's items, each named with its
        centre: it is where the home page's "voir tout" links lead. A centre's list holds its own children.
        """
        from home.models.centres import CentrePage
        from home.models.pages import HomePage, centre_lookup

        parent = self.get_parent()
        if parent.specific_class is not HomePage:
            return model.objects.child_of(self).live().public(), None
        centres = CentrePage.objects.child_of(parent).only("id", "title", "url_path", "path", "depth")
        return model.objects.descendant_of(parent).live().public(), centre_lookup(list(centres))

    def list_context(self, context, centre_of, **lists):
        """Name each listed item's centre on a network list."""
        for listed in lists.values():
            for item in listed:
                item.centre = centre_of(item) if centre_of else None
        context.update(lists, show_centre=centre_of is not None)
        return context


class NewsIndexPage(IndexPage):
    """The list of a centre's news, newest first: /<centre>/actualites/; under the home page, all news."""

    subpage_types = ["home.NewsPage"]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news, centre_of = self.items_in_scope(NewsPage)
        items = self.paginate(request, news.order_by("-date", "-pk"))
        return self.list_context(context, centre_of, items=items)


class NewsPage(BreadcrumbMixin, Page):
    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("summary"), max_length=400, blank=True, help_text=_("Two or three plain sentences."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who cannot see it. Leave empty if it is purely decorative."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")


class EventIndexPage(IndexPage):
    """The agenda of a centre, upcoming events first: /<centre>/agenda/; under the home page, all events."""

    subpage_types = ["home.EventPage"]

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events, centre_of = self.items_in_scope(EventPage)
        now = timezone.now()
        items = self.paginate(request, events.filter(end__gte=now).order_by("start", "pk"))
        past_events = list(events.filter(end__lt=now).order_by("-start", "-pk")[:5])
        return self.list_context(context, centre_of, items=items, past_events=past_events)


class EventPage(BreadcrumbMixin, Page):
    start = models.DateTimeField(_("starts at"))
    end = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200, help_text=_("Room and address, e.g. 'Salle 2, 12 rue ...'."))
    intro = models.TextField(_("summary"), max_length=400, blank=True)
    registration = models.TextField(
        _("registration"),
        blank=True,
        max_length=600,
        help_text=_("How to sign up: free, on the spot, by phone... Leave empty if no registration is needed."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who cannot see it. Leave empty if it is purely decorative."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["home.EventIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("place"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]
    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("start"), FieldPanel("end"), FieldPanel("place")], heading=_("When and where")),
        FieldPanel("intro"),
        FieldPanel("registration"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must come after the start.")})

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def same_day(self):
        return timezone.localtime(self.start).date() == timezone.localtime(self.end).date()
