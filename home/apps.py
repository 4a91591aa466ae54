from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from home import signals

        signals.connect()

        from home import site_indicators
        from home.indicators import register_indicators

        register_indicators(
            "site", section=_("Site"), order=50, compute=site_indicators.compute, indicators=site_indicators.INDICATORS
        )
