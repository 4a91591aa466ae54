"""The toolkit's resource types: prototype sheets, method cards, Kezako, guides, learning paths."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BaseStreamBlock
from toolkit.models.blocks import FilesBlock, StepsBlock
from toolkit.models.pages import SHORT_RICH, ToolkitResourcePage


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
