"""The admin lists and searches only what the user may use: no cross-centre listings.

- Images and documents (admin API behind the choosers and rich text): only those in collections
  the user may choose from or change (a centre's staff: their centre's collection).
- Page chooser (browse and search): live pages, which anyone may link to, and the pages the user
  may explore in the admin; other centres' drafts are not listed.
- Wagtail's site-wide reports (site history, page types usage, aging pages, workflows, locked
  pages) are for the network admin (superusers) only: they list every centre's pages and actions.

Centre staff may add, edit and delete the images and documents of their own centre's collection
(Wagtail treats "delete" as part of "change" for collections; the delete screen first shows where
the file is used). They see and choose nothing from other centres' collections.
"""

from django.db.models import Q
from django.http import HttpResponseForbidden
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page
from wagtail.permissions import policy_registry

USABLE_ACTIONS = ["choose", "change"]


def usable_instances(model, user):
    """Images or documents in collections where the user may choose or change them."""
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(user, USABLE_ACTIONS)


class ScopedImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().filter(pk__in=usable_instances(get_image_model(), self.request.user).values("pk"))


class ScopedDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        model = get_document_model()
        return super().get_queryset().filter(pk__in=usable_instances(model, self.request.user).values("pk"))


def scope_admin_api(router):
    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)


def scope_page_chooser(pages, request):
    if request.user.is_superuser:
        return pages
    explorable = policy_registry.get_by_type(Page).explorable_instances(request.user)
    return pages.filter(Q(live=True) | Q(pk__in=explorable.values("pk")))


def network_reports_only(request, menu_items):
    if not request.user.is_superuser:
        menu_items[:] = []


class NetworkReportsMiddleware:
    """Site-wide reports answer 403 to anyone but a superuser (the network admin)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = None

    def __call__(self, request):
        if self.prefix is None:
            self.prefix = reverse("wagtailadmin_home") + "reports/"
        if request.path.startswith(self.prefix):
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated and not user.is_superuser:
                return HttpResponseForbidden(_("Reports are for the network administrators only."))
        return self.get_response(request)
