from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home import admin_scope
from home.page_cache import serve_with_page_cache
from home.permissions import is_any_centre_staff


# Registered late so that it runs inside Wagtail's own checks (view restrictions, privacy):
# a visitor is always checked before a cached page is handed out.
@hooks.register("on_serve_page", order=100)
def anonymous_page_cache(serve):
    return serve_with_page_cache(serve)


# No cross-centre listings in the admin (see home/admin_scope.py). Run after Wagtail's own hooks.
hooks.register("construct_admin_api", admin_scope.scope_admin_api, order=100)
hooks.register("construct_page_chooser_queryset", admin_scope.scope_page_chooser)
hooks.register("construct_reports_menu", admin_scope.network_reports_only)


# The indicators report (home/indicator_views.py): not under /admin/reports/, which is for superusers only.
@hooks.register("register_admin_urls")
def register_indicator_urls():
    from django.urls import include, path

    from home import indicator_views as views

    patterns = [
        path("", views.report, name="report"),
        path("export.csv", views.export, {"fmt": "csv"}, name="export_csv"),
        path("export.xlsx", views.export, {"fmt": "xlsx"}, name="export_xlsx"),
        path("rapport-annuel/<int:year>/<str:centre>/", views.annual, name="annual"),
        path("rapport-annuel/<int:year>/<str:centre>/rapport.pdf", views.annual_pdf, name="annual_pdf"),
    ]
    return [path("indicateurs/", include((patterns, "indicators"), namespace="indicators"))]


class IndicatorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or is_any_centre_staff(request.user)


@hooks.register("register_admin_menu_item")
def register_indicators_menu_item():
    return IndicatorsMenuItem(_("Indicators"), reverse("indicators:report"), name="indicators", icon_name="table",
                              order=260)  # fmt: skip
