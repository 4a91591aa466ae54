from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from home import admin_pages
from home import health as home_health
from home import views as home_views

# Django's own 400 view re-reads the body through the CSRF check: a body that failed once fails again.
handler400 = "home.views.bad_request"
# Wagtail's images and their renditions: shown on public pages.
PUBLIC_MEDIA_FOLDERS = ("original_images", "images")

urlpatterns = [
    path("healthz/", home_health.health, name="health"),  # for the load balancer (home/health.py)
    # Wagtail's "add a page" without autosave before the first save (home/admin_pages.py); same URL and name.
    path(
        "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/",
        require_admin_access(admin_pages.FirstSaveCreateView.as_view()),
        name="first_save_add_page",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("recherche/", home_views.search, name="search"),
    path("compte/", include("accounts.urls")),
    path("compte/", include("allauth.urls")),
    path("participer/", include("participation.urls")),
    path("vote/", include("participation.short_urls")),
    path("mon-cv/", include("cv_builder.urls")),
]

if settings.DEBUG and settings.MEDIA_URL.startswith("/"):
    import posixpath

    from django.http import Http404
    from django.urls import re_path
    from django.views.static import serve

    def public_media(request, path):
        """Development only, and only the public image folders: CV photos (cv/) and documents are
        private and reachable only through their permission-checked views, never through /media/."""
        clean = posixpath.normpath(path).lstrip("/")
        if clean.split("/", 1)[0] not in PUBLIC_MEDIA_FOLDERS:
            raise Http404
        return serve(request, clean, document_root=settings.MEDIA_ROOT)

    urlpatterns += [re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", public_media)]

# A lost database shows a French 503 page, anything else the 500 page (home/errors.py).
handler500 = "home.errors.server_error"

# Wagtail's page serving comes last: it catches every other path.
urlpatterns += [path("", include(wagtail_urls))]
