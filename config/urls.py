from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import health as home_health
from home import views as home_views

urlpatterns = [
    path("healthz/", home_health.health, name="health"),  # for the load balancer (home/health.py)
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("recherche/", home_views.search, name="search"),
    path("compte/", include("accounts.urls")),
    path("compte/", include("allauth.urls")),
    path("participer/", include("participation.urls")),
    path("mon-cv/", include("cv_builder.urls")),
    path("outils/", include("toolkit.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# A lost database shows a French 503 page, anything else the 500 page (home/errors.py).
handler500 = "home.errors.server_error"

# Wagtail's page serving comes last: it catches every other path.
urlpatterns += [path("", include(wagtail_urls))]
