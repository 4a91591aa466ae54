from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BaseStreamBlock


class HomePage(Page):
    """The network's home page: its centres, open workshops, latest news and events."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    def get_context(self, request, *args, **kwargs):
        from home.models.centres import CentrePage

        context = super().get_context(request, *args, **kwargs)
        context["centres"] = CentrePage.objects.child_of(self).live().order_by("title")
        return context

    class Meta:
        verbose_name = _("network home page")
        verbose_name_plural = _("network home pages")
