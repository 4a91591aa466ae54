"""The toolkit's index at /boite-a-outils/ and what every resource page shares (see resources.py)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.pdf import pdf_response
from toolkit import usage

SHORT_RICH = ["bold", "italic", "link", "ol", "ul"]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1", ""}
FEEDBACK_SHOWN = 10
STORY_PHOTO_FILTER = "max-640x480"


def public_url(page, request=None):
    """The page's address on the real site, for the PDF footer.

    The Wagtail site's own address when it has been set (Settings › Sites); while that is still
    Wagtail's default `localhost`, the site's address from `WAGTAILADMIN_BASE_URL`.
    """
    _site_id, root_url, path = page.get_url_parts(request) or (None, "", page.url_path)
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    if (urlsplit(root_url or "").hostname or "") in LOCAL_HOSTS and base:
        root_url = base
    return root_url.rstrip("/") + path


class ToolkitIndexPage(RoutablePageMixin, Page):
    """/boite-a-outils/: filters, search, the join form."""

    intro = RichTextField(_("introduction"), blank=True, features=SHORT_RICH)
    join_intro = RichTextField(
        _("introduction of the join form"),
        blank=True,
        features=SHORT_RICH,
        help_text=_("Shown above the form neighbouring centres fill in to join the programme."),
    )

    parent_page_types = ["home.HomePage"]
    show_in_menus_default = True  # the main menu lists the home page's children ticked "in menus"
    subpage_types = [
        "toolkit.PrototypePage",
        "toolkit.MethodCardPage",
        "toolkit.KezakoPage",
        "toolkit.GuidePage",
        "toolkit.LearningPathPage",
    ]
    max_count = 1

    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("join_intro")]

    class Meta:
        verbose_name = _("toolkit index")
        verbose_name_plural = _("toolkit indexes")

    @path("")
    def index_view(self, request):
        from toolkit.views import toolkit_index

        return toolkit_index(request, self)

    @path("rejoindre/")
    def join(self, request):
        from toolkit.views import join_view

        return join_view(request, self)

    @path("rejoindre/merci/")
    def join_thanks(self, request):
        from toolkit.views import join_thanks_view

        return join_thanks_view(request, self)


class ToolkitResourcePage(RoutablePageMixin, Page):
    """What every toolkit resource shares: the facets the index filters on, and the PDF."""

    resource_type = ""
    resource_type_label = ""
    sheet_template = ""

    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("Two or three plain sentences shown in the lists.")
    )
    themes = ParentalManyToManyField("toolkit.Theme", verbose_name=_("themes"), blank=True, related_name="resources")
    audiences = ParentalManyToManyField(
        "toolkit.Audience", verbose_name=_("audiences"), blank=True, related_name="resources"
    )

    parent_page_types = ["toolkit.ToolkitIndexPage"]
    subpage_types = []
    is_creatable = False

    search_fields = Page.search_fields + [index.SearchField("summary")]
    facet_panels = [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("themes"), FieldPanel("audiences")], heading=_("Filters")),
    ]

    class Meta:
        verbose_name = _("toolkit resource")
        verbose_name_plural = _("toolkit resources")

    def get_template(self, request, *args, **kwargs):
        return "toolkit/resource_page.html"

    is_adoptable = False  # prototypes and method cards: centres adopt them, and tell their story

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sheet_template"] = self.sheet_template
        context["index_page"] = self.get_parent().specific_deferred
        context["themes"] = list(self.themes.all())
        context["audiences"] = list(self.audiences.all())
        context.update(self.feedback_context())
        if self.is_adoptable:
            context.update(self.adoption_context())
        return context

    def feedback_context(self):
        """Only what staff published: the verdicts counted, the latest comments."""
        from toolkit.models import ResourceFeedback

        published = ResourceFeedback.objects.filter(resource_id=self.pk, status=ResourceFeedback.Status.PUBLISHED)
        verdicts = published.aggregate(
            useful=Count("pk", filter=Q(verdict=ResourceFeedback.Verdict.USEFUL)),
            not_useful=Count("pk", filter=Q(verdict=ResourceFeedback.Verdict.NOT_USEFUL)),
        )
        comments = list(
            published.exclude(comment="").only("centre_name", "verdict", "comment", "created_at")[:FEEDBACK_SHOWN]
        )
        return {"feedback_verdicts": verdicts, "feedback_comments": comments}

    def adoption_context(self):
        from wagtail.images import get_image_model

        photos = get_image_model().objects.prefetch_renditions(STORY_PHOTO_FILTER)
        adoptions = list(
            self.adoptions.filter(Q(is_published=True) | Q(story_is_published=True))
            .select_related("centre")
            .prefetch_related(Prefetch("story_photo", queryset=photos))
            .order_by("centre__name")
        )
        return {
            "adoptions": [adoption for adoption in adoptions if adoption.is_published],
            "stories": [adoption for adoption in adoptions if adoption.story_is_published],
        }

    @path("")
    def index_route(self, request, *args, **kwargs):
        response = super().index_route(request, *args, **kwargs)
        if not request.is_preview:
            usage.mark(response, usage.VIEW, self.pk)
        return response

    @path("pdf/")
    def pdf(self, request):
        context = self.get_context(request)
        context["for_pdf"] = True
        context["public_url"] = public_url(self, request)
        response = pdf_response("toolkit/pdf/sheet.html", context, filename=f"{self.slug}.pdf", request=request)
        return usage.mark(response, usage.DOWNLOAD, self.pk)

    @path("avis/")
    def feedback_form(self, request):
        from toolkit.views import feedback_view

        return feedback_view(request, self)

    @path("avis/merci/")
    def feedback_thanks(self, request):
        from toolkit.views import feedback_thanks_view

        return feedback_thanks_view(request, self)
