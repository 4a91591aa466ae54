"""The toolkit's page types: the index at /boite-a-outils/ and its resources."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.pdf import pdf_response
from toolkit import usage
from toolkit.models.blocks import FilesBlock, StepsBlock

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
        comments = list(published.exclude(comment="").only("centre_name", "verdict", "comment", "created_at")[:FEEDBACK_SHOWN])
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
    def feedback(self, request):
        from toolkit.views import feedback_view

        return feedback_view(request, self)

    @path("avis/merci/")
    def feedback_thanks(self, request):
        from toolkit.views import feedback_thanks_view

        return feedback_thanks_view(request, self)


class PrototypePage(ToolkitResourcePage):
    """A prototype sheet: a solution born in a collaborative workshop."""

    resource_type = "prototype"
    resource_type_label = _("Prototype")
    is_adoptable = True
    sheet_template = "toolkit/includes/prototype_sheet.html"

    class Status(models.TextChoices):
        IDEA = "idea", _("Idea")
        PROTOTYPE = "prototype", _("Being prototyped")
        TESTING = "testing", _("Being tested")
        RUNNING = "running", _("Running")
        STOPPED = "stopped", _("Stopped")

    need = RichTextField(_("need it answers"), features=SHORT_RICH)
    origin_workshop = models.CharField(_("workshop it came from"), max_length=200, blank=True)
    origin_centre = models.ForeignKey(
        "home.CentrePage",
        verbose_name=_("centre it came from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROTOTYPE)
    stopped_reason = models.TextField(_("why it stopped"), blank=True)
    partners = models.TextField(_("partners"), blank=True)
    people_needed = models.TextField(_("people"), blank=True)
    equipment_needed = models.TextField(_("equipment"), blank=True)
    money_needed = models.TextField(_("money"), blank=True)
    time_needed = models.TextField(_("time"), blank=True)
    steps = StreamField(StepsBlock(), verbose_name=_("steps to set it up"), blank=True)
    results = RichTextField(_("results so far"), blank=True, features=SHORT_RICH)
    limits = RichTextField(_("limits"), blank=True, features=SHORT_RICH)
    licence = models.CharField(_("licence"), max_length=120, default="Creative Commons BY-SA 4.0")
    files = StreamField(FilesBlock(), verbose_name=_("files to download"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)

    search_fields = ToolkitResourcePage.search_fields + [
        index.SearchField("need"),
        index.SearchField("partners"),
        index.SearchField("steps"),
        index.SearchField("results"),
        index.FilterField("status"),
    ]
    content_panels = (
        Page.content_panels
        + ToolkitResourcePage.facet_panels
        + [
            FieldPanel("need"),
            MultiFieldPanel(
                [FieldPanel("origin_workshop"), FieldPanel("origin_centre")], heading=_("Where it came from")
            ),
            MultiFieldPanel([FieldPanel("status"), FieldPanel("stopped_reason")], heading=_("Status")),
            FieldPanel("partners"),
            MultiFieldPanel(
                [
                    FieldPanel("people_needed"),
                    FieldPanel("equipment_needed"),
                    FieldPanel("money_needed"),
                    FieldPanel("time_needed"),
                ],
                heading=_("What it takes"),
            ),
            FieldPanel("steps"),
            FieldPanel("results"),
            FieldPanel("limits"),
            FieldPanel("licence"),
            FieldPanel("files"),
            MultiFieldPanel(
                [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
                heading=_("Contact"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("prototype sheet")
        verbose_name_plural = _("prototype sheets")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.status == self.Status.STOPPED and not self.stopped_reason.strip():
            raise ValidationError({"stopped_reason": _("Say why the prototype stopped.")})


class MethodCardPage(ToolkitResourcePage):
    """How to run one part of a collaborative workshop."""

    resource_type = "methode"
    resource_type_label = _("Method card")
    is_adoptable = True
    sheet_template = "toolkit/includes/method_sheet.html"

    class Stage(models.TextChoices):
        DISCOVER = "discover", _("Discover")
        DEFINE = "define", _("Define")
        DEVELOP = "develop", _("Develop")
        DELIVER = "deliver", _("Deliver")

    class Level(models.TextChoices):
        BEGINNER = "beginner", _("Beginner: anyone can run it")
        INTERMEDIATE = "intermediate", _("Intermediate: some facilitation experience")
        EXPERIENCED = "experienced", _("Experienced facilitator")

    goal = RichTextField(_("goal"), features=SHORT_RICH)
    stage = models.CharField(_("stage of the process"), max_length=20, choices=Stage.choices)
    duration = models.CharField(_("duration"), max_length=60, help_text=_("For example: 1 h 30"))
    group_size = models.CharField(_("group size"), max_length=60, help_text=_("For example: 6 to 15 people"))
    facilitation_level = models.CharField(_("facilitation level"), max_length=20, choices=Level.choices)
    materials = models.TextField(_("materials"), blank=True)
    steps = StreamField(StepsBlock(), verbose_name=_("steps"), blank=True)
    tips = RichTextField(_("tips"), blank=True, features=SHORT_RICH)

    search_fields = ToolkitResourcePage.search_fields + [
        index.SearchField("goal"),
        index.SearchField("materials"),
        index.SearchField("steps"),
        index.SearchField("tips"),
    ]
    content_panels = (
        Page.content_panels
        + ToolkitResourcePage.facet_panels
        + [
            FieldPanel("goal"),
            MultiFieldPanel(
                [
                    FieldPanel("stage"),
                    FieldPanel("duration"),
                    FieldPanel("group_size"),
                    FieldPanel("facilitation_level"),
                ],
                heading=_("At a glance"),
            ),
            FieldPanel("materials"),
            FieldPanel("steps"),
            FieldPanel("tips"),
        ]
    )

    class Meta:
        verbose_name = _("method card")
        verbose_name_plural = _("method cards")


class KezakoPage(ToolkitResourcePage):
    """A plain-language how-to on a digital task, made by young people."""

    resource_type = "kezako"
    resource_type_label = _("Kezako explainer")
    sheet_template = "toolkit/includes/kezako_sheet.html"

    intro = models.TextField(_("in a few words"), blank=True)
    steps = StreamField(StepsBlock(), verbose_name=_("steps with pictures"), blank=True)
    media = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("audio or video file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    media_transcript = models.TextField(
        _("transcript of the audio or video"), blank=True, help_text=_("For people who cannot hear or watch it.")
    )
    credits = models.CharField(
        _("made by"), max_length=250, help_text=_("The young people who made it, e.g. the youth group of a centre.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("more"), blank=True)

    search_fields = ToolkitResourcePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("steps"),
        index.SearchField("credits"),
        index.SearchField("body"),
    ]
    content_panels = (
        Page.content_panels
        + ToolkitResourcePage.facet_panels
        + [
            FieldPanel("intro"),
            FieldPanel("steps"),
            MultiFieldPanel([FieldPanel("media"), FieldPanel("media_transcript")], heading=_("Audio or video")),
            FieldPanel("credits"),
            FieldPanel("body"),
        ]
    )

    class Meta:
        verbose_name = _("Kezako explainer")
        verbose_name_plural = _("Kezako explainers")

    @property
    def media_kind(self):
        extension = (self.media.file_extension if self.media else "").lower()
        if extension in {"mp3", "ogg"}:
            return "audio"
        if extension in {"mp4", "webm"}:
            return "video"
        return ""


class GuidePage(ToolkitResourcePage):
    """A longer guide: free content."""

    resource_type = "guide"
    resource_type_label = _("Guide")
    sheet_template = "toolkit/includes/guide_sheet.html"

    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    search_fields = ToolkitResourcePage.search_fields + [index.SearchField("body")]
    content_panels = Page.content_panels + ToolkitResourcePage.facet_panels + [FieldPanel("body")]

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")


class LearningPathPage(ToolkitResourcePage):
    """An ordered list of toolkit resources to follow one after the other."""

    resource_type = "parcours"
    resource_type_label = _("Learning path")
    sheet_template = "toolkit/includes/path_sheet.html"

    intro = RichTextField(_("introduction"), blank=True, features=SHORT_RICH)

    search_fields = ToolkitResourcePage.search_fields + [index.SearchField("intro")]
    content_panels = (
        Page.content_panels
        + ToolkitResourcePage.facet_panels
        + [FieldPanel("intro"), InlinePanel("items", label=_("Resources, in order"), min_num=1)]
    )

    class Meta:
        verbose_name = _("learning path")
        verbose_name_plural = _("learning paths")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = [
            item for item in self.items.select_related("resource").order_by("sort_order") if item.resource.live
        ]
        return context


class LearningPathItem(Orderable):
    path = ParentalKey(LearningPathPage, on_delete=models.CASCADE, related_name="items")
    resource = models.ForeignKey(
        ToolkitResourcePage, verbose_name=_("resource"), on_delete=models.CASCADE, related_name="+"
    )
    note = models.CharField(_("why this step"), max_length=250, blank=True)

    panels = [FieldPanel("resource"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("step of the path")
        verbose_name_plural = _("steps of the path")


RESOURCE_TYPES = {
    cls.resource_type: cls for cls in (PrototypePage, MethodCardPage, KezakoPage, GuidePage, LearningPathPage)
}
