from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CvBuilderConfig(AppConfig):
    name = "cv_builder"
    verbose_name = _("CV builder")

    def ready(self):
        from accounts.personal_data import register

        from .personal_data import erase_cvs, erase_letters, export_cvs, export_letters

        register("cv_builder", export=export_cvs, erase=erase_cvs)
        register("cover_letters", export=export_letters, erase=erase_letters)

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
