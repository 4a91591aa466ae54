from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CvBuilderConfig(AppConfig):
    name = "cv_builder"
    verbose_name = _("CV builder")
