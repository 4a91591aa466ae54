from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.permissions import is_any_centre_staff


class SupportedCVsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_any_centre_staff(request.user)


@hooks.register("register_admin_menu_item")
def register_supported_cvs_menu_item():
    return SupportedCVsMenuItem(
        _("Supported CVs"), reverse_lazy("cv_builder:staff"), name="cv-accompagnes", icon_name="doc-full", order=900
    )
