from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class NetworkSettings(BaseSiteSetting):
    name = models.CharField(_("network name"), max_length=120, default="Centres sociaux connectés")
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    postal_address = models.CharField(_("postal address"), max_length=250, blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    instagram_url = models.URLField(_("Instagram page"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)

    class Meta:
        verbose_name = _("network settings")
