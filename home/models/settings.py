from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


def _page_link(verbose_name):
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


@register_setting(icon="site")
class NetworkSettings(BaseSiteSetting):
    name = models.CharField(_("network name"), max_length=120, default="Centres sociaux connectés")
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    postal_address = models.CharField(_("postal address"), max_length=250, blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    instagram_url = models.URLField(_("Instagram page"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    legal_notice_page = _page_link(_("legal notice page"))
    privacy_page = _page_link(_("personal data policy page"))
    accessibility_page = _page_link(_("accessibility statement page"))

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("postal_address")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("instagram_url"), FieldPanel("youtube_url")],
            heading=_("Social networks"),
        ),
        MultiFieldPanel(
            [FieldPanel("legal_notice_page"), FieldPanel("privacy_page"), FieldPanel("accessibility_page")],
            heading=_("Footer links"),
        ),
    ]

    class Meta:
        verbose_name = _("network settings")

    def footer_pages(self):
        """[(label, page)] for the footer, live pages only, in one query (cached on the instance)."""
        from django.utils.translation import gettext
        from wagtail.models import Page

        if not hasattr(self, "_footer_pages"):
            wanted = [
                (gettext("Legal notice"), self.legal_notice_page_id),
                (gettext("Personal data"), self.privacy_page_id),
                (gettext("Accessibility"), self.accessibility_page_id),
            ]
            ids = [pk for _label, pk in wanted if pk]
            pages = {}
            if ids:
                queryset = Page.objects.live().filter(pk__in=ids).select_related("accessibilitystatementpage")
                pages = {page.pk: page for page in queryset}
            self._footer_pages = []
            for label, pk in wanted:
                if pk not in pages:
                    continue
                page = pages[pk]
                if pk == self.accessibility_page_id:
                    # RGAA: the footer link says the compliance level ("Accessibilité : partiellement conforme").
                    try:
                        level = page.accessibilitystatementpage.get_compliance_display()
                    except ObjectDoesNotExist:
                        level = None
                    if level:
                        label = gettext("Accessibility: %(level)s") % {"level": level}
                self._footer_pages.append((label, page))
        return self._footer_pages

    def social_links(self):
        return [
            (label, url)
            for label, url in [
                ("Facebook", self.facebook_url),
                ("Instagram", self.instagram_url),
                ("YouTube", self.youtube_url),
            ]
            if url
        ]
