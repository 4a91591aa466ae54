from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from home.admin_menu import StaffMenuItem


@hooks.register("register_admin_menu_item")
def register_supported_cvs_menu_item():
    return StaffMenuItem(
        _("Supported CVs"), reverse_lazy("cv_builder:staff"), name="cv-accompagnes", icon_name="doc-full", order=900
    )
