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
        """The footer's links to the legal pages that are live (home.site_links)."""
        return self._site_links()[0]

    def menu_pages(self):
        """The main menu's links to the home page's children ticked "in menus" (home.site_links)."""
        return self._site_links()[1]

    def _site_links(self):
        # The settings object lives for the request: the header and the footer share one cache read.
        from home.site_links import site_links

        if not hasattr(self, "_links"):
            self._links = site_links(self)
        return self._links

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
