from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views

# Django's own 400 view re-reads the body through the CSRF check: a body that failed once fails again.
handler400 = "home.views.bad_request"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("recherche/", home_views.search, name="search"),
    path("compte/", include("accounts.urls")),
    path("compte/", include("allauth.urls")),
    path("participer/", include("participation.urls")),
    path("vote/", include("participation.short_urls")),
    path("mon-cv/", include("cv_builder.urls")),
    path("outils/", include("toolkit.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving comes last: it catches every other path.
urlpatterns += [path("", include(wagtail_urls))]
