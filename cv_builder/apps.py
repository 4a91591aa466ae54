from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CvBuilderConfig(AppConfig):
    name = "cv_builder"
    verbose_name = _("CV builder")

    def ready(self):
        from accounts.personal_data import register

        from .personal_data import erase_cvs, export_cvs

        register("cv_builder", export=export_cvs, erase=erase_cvs)

        from home.indicators import register_indicators

        from . import indicators

        register_indicators(
            "cv_builder",
            section=_("CV builder"),
            order=30,
            compute=indicators.compute,
            indicators=indicators.INDICATORS,
        )
        indicators.connect()

        from .assistance_journal import connect

        connect()

        from . import notify

        notify.connect()
