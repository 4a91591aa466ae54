from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from home import admin_pages, admin_scope, todo
from home.admin_menu import StaffMenuItem
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

# The "À faire" panel first on the dashboard: each app fills it through home.todo providers.
hooks.register("construct_homepage_panels", todo.add_todo_panel)


def quiet_centres_todo(user):
    """For the network admin: centres whose pages (news, events, workshops) nothing was published in lately."""
    if not user.is_superuser:
        return []
    return todo.quiet_centres_lines()


todo.register_todo_provider("home", quiet_centres_todo, order=70)


# Plain French, no traps in the page editor (home/admin_pages.py).
hooks.register("construct_page_action_menu", admin_pages.publish_first)
hooks.register("construct_help_menu", admin_pages.french_help_menu)


@hooks.register("register_admin_urls")
def register_staff_guide_url():
    from django.urls import path

    return [path("guide/", admin_pages.staff_guide, name="staff_guide")]


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


@hooks.register("register_admin_menu_item")
def register_indicators_menu_item():
    return StaffMenuItem(
        _("Indicators"),
        reverse("indicators:report"),
        shown_to=lambda user: user.is_superuser or is_any_centre_staff(user),
        name="indicators",
        icon_name="table",
        order=260,
    )
