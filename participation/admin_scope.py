"""The base of every staff screen about one workshop or one proposal: the registered permission
policy (participation.admin_policies) decides, through Wagtail's `PermissionCheckedMixin`.

Wagtail's own answer to a refused instance is a redirect to the dashboard (wagtail.admin.auth.
permission_denied); another centre's workshop gets an honest 403 page instead, in the admin's frame.
"""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from participation.models import Proposal, WorkshopPage


def another_centre(request):
    context = {"page_title": _("Access denied")}
    return TemplateResponse(request, "participation/admin/forbidden.html", context, status=403)


class WorkshopScopedMixin(PermissionCheckedMixin):
    """`self.workshop` from the URL's pk, if the user may `permission_required` in its centre."""

    model = Proposal  # whose policy scopes the workshop screens
    permission_required = "change"

    def dispatch(self, request, *args, **kwargs):
        self.workshop = get_object_or_404(WorkshopPage.objects.select_related("centre"), pk=kwargs["pk"])
        if not self.permission_policy.user_has_permission_for_workshop(
            request.user, self.permission_required, self.workshop
        ):
            return another_centre(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(workshop=self.workshop, **kwargs)


class WorkshopView(WorkshopScopedMixin, WagtailAdminTemplateMixin, TemplateView):
    """A page in the admin's frame about one workshop."""

    def get_page_title(self):
        return self.page_title or self.workshop.title


def workshop_view(handler):
    """`handler(request, workshop, **kwargs)` as a scoped view, for the paper loop's GET/POST screens."""

    class ScopedView(WorkshopScopedMixin, View):
        def get(self, request, pk, **kwargs):
            return handler(request, self.workshop, **kwargs)

        post = get

    ScopedView.__name__ = ScopedView.__qualname__ = handler.__name__
    return ScopedView.as_view()
