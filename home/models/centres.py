from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Collection, Orderable, Page
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.models.pages import BreadcrumbMixin, public_q

CENTRE_NEWS_COUNT = 3
CENTRE_EVENTS_COUNT = 4


class CentrePage(BreadcrumbMixin, Page):
    """One social centre and the root of its own section of the site."""

    code = models.CharField(
        _("short code"),
        max_length=5,
        unique=True,
        help_text=_("Three to five capital letters, used in references such as BEL-2026-0042."),
    )
    town = models.CharField(_("town"), max_length=80)
    neighbourhood = models.CharField(
        _("neighbourhood"),
        max_length=80,
        blank=True,
        help_text=_("Shown before the town on the centre's card, e.g. 'Belencontre' for 'Belencontre, Tourcoing'."),
    )
    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(_("photo description"), max_length=250, blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    accessibility = RichTextField(
        _("accessibility information"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Step-free access, hearing loop, nearest public transport, ..."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    collection = models.ForeignKey(
        Collection,
        verbose_name=_("image and document collection"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    parent_page_types = ["home.HomePage"]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("town"),
        index.SearchField("neighbourhood"),
        index.SearchField("body"),
        index.SearchField("street_address"),
        index.FilterField("code"),
    ]
    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("code"), FieldPanel("neighbourhood"), FieldPanel("town")], heading=_("Identity")),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading=_("Photo")),
        MultiFieldPanel(
            [FieldPanel("street_address"), FieldPanel("postcode"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Contact"),
        ),
        InlinePanel("opening_hours", label=_("Opening hours")),
        FieldPanel("accessibility"),
        InlinePanel("team_members", label=_("Team")),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("centre")
        verbose_name_plural = _("centres")

    @property
    def place_name(self):
        """ "Belencontre, Tourcoing", or the town alone."""
        return f"{self.neighbourhood}, {self.town}" if self.neighbourhood else self.town

    def get_context(self, request, *args, **kwargs):
        from django.utils import timezone

        from home.models.news import EventIndexPage, EventPage, NewsIndexPage, NewsPage, children_and_lists

        context = super().get_context(request, *args, **kwargs)
        public = public_q()
        children, indexes = children_and_lists(self, public)
        context.update(
            opening_days=self.opening_days(),
            team=list(self.team_members.all()),
            section_pages=children,
            news_index=indexes[NewsIndexPage],
            event_index=indexes[EventIndexPage],
            latest_news=list(
                NewsPage.objects.descendant_of(self).live().filter(public).order_by("-date", "-pk")[:CENTRE_NEWS_COUNT]
            ),
            upcoming_events=list(
                EventPage.objects.descendant_of(self)
                .live()
                .filter(public, end__gte=timezone.now())
                .order_by("start", "pk")[:CENTRE_EVENTS_COUNT]
            ),
        )
        return context

    def opening_days(self):
        """[(day name, [slots])] in week order, one entry per open day."""
        days = {}
        for slot in sorted(self.opening_hours.all(), key=lambda slot: (slot.weekday, slot.opens)):
            days.setdefault(slot.weekday, []).append(slot)
        return [(OpeningHours.Weekday(weekday).label, slots) for weekday, slots in days.items()]

    @property
    def phone_link(self):
        return "".join(char for char in self.phone if char.isdigit() or char == "+")

    @property
    def full_address(self):
        return ", ".join(part for part in [self.street_address, f"{self.postcode} {self.town}".strip()] if part)


class OpeningHours(Orderable):
    class Weekday(models.IntegerChoices):
        MONDAY = 1, _("Monday")
        TUESDAY = 2, _("Tuesday")
        WEDNESDAY = 3, _("Wednesday")
        THURSDAY = 4, _("Thursday")
        FRIDAY = 5, _("Friday")
        SATURDAY = 6, _("Saturday")
        SUNDAY = 7, _("Sunday")

    centre = ParentalKey(CentrePage, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens at"))
    closes = models.TimeField(_("closes at"))
    note = models.CharField(_("note"), max_length=120, blank=True)

    panels = [FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")


class CentreTeamMember(Orderable):
    centre = ParentalKey(CentrePage, on_delete=models.CASCADE, related_name="team_members")
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=120)

    panels = [FieldPanel("name"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
