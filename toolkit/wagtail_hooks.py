"""Admin screens of the toolkit: themes and audiences (snippets), join requests, adopting centres,
adoptions, and the adoptions overview with its CSV export. Permissions: see toolkit.permissions."""

from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import DeleteView, EditView, HistoryView, IndexView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.admin_menu import StaffMenuItem
from home.todo import TodoLine, register_todo_provider
from toolkit import admin_join, admin_views
from toolkit.admin_forms import AdoptionAdminForm, NeighbouringCentreAdminForm
from toolkit.admin_usage import feedback_to_moderate
from toolkit.models import Adoption, Audience, JoinRequest, NeighbouringCentre, ResourceFeedback, Theme
from toolkit.permissions import is_toolkit_staff


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]
    add_to_admin_menu = False


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    list_display = ["name", "slug", "sort_order"]
    add_to_admin_menu = False


register_snippet(ThemeViewSet)
register_snippet(AudienceViewSet)


class ScopedQuerysetMixin:
    """List, edit and delete only what the permission policy allows: others get a 404."""

    def get_base_queryset(self):
        policy = policy_registry.get_by_type(self.model)
        queryset = policy.instances_user_has_any_permission_for(self.request.user, ["change"])
        if self.model is Adoption:
            queryset = queryset.select_related("centre", "resource")
        return queryset

    def get_queryset(self):
        if isinstance(self, IndexView):
            return super().get_queryset()
        return self.get_base_queryset()


class ScopedIndexView(ScopedQuerysetMixin, IndexView):
    pass


class ScopedEditView(ScopedQuerysetMixin, EditView):
    pass


class ScopedDeleteView(ScopedQuerysetMixin, DeleteView):
    pass


class ScopedObjectMixin:
    """History and usage of one record follow the same rule as its edit view: others get a 404."""

    def get_base_object_queryset(self):
        policy = policy_registry.get_by_type(self.model)
        return policy.instances_user_has_any_permission_for(self.request.user, ["change"])


class ScopedHistoryView(ScopedObjectMixin, HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, UsageView):
    pass


def yes_no_column(name, label):
    """Oui/Non in the lists (Wagtail would show True/False)."""
    return Column(name, label=label, accessor=lambda obj: _("Yes") if getattr(obj, name) else _("No"))


def record_adoption_link(join_request):
    return format_html(
        '<a class="button button-small" href="{}">{}</a>',
        reverse("toolkit_record_adoption", args=[join_request.pk]),
        _("Record the adoption"),
    )


class JoinRequestViewSet(ModelViewSet):
    model = JoinRequest
    name = "toolkit_join_requests"
    url_prefix = "boite-a-outils/demandes"
    icon = "mail"
    menu_label = _("Join requests")
    list_display = [
        "centre_name",
        "town",
        "contact_name",
        "status",
        "created_at",
        Column("adopt", label=_("Adoption"), accessor=record_adoption_link),
    ]
    list_filter = ["status"]
    search_fields = ["centre_name", "town", "contact_name"]
    ordering = ["-created_at"]
    add_to_admin_menu = False
    inspect_view_enabled = True
    copy_view_enabled = False


class NeighbouringCentreViewSet(ModelViewSet):
    model = NeighbouringCentre
    name = "toolkit_centres"
    url_prefix = "boite-a-outils/centres"
    icon = "home"
    menu_label = _("Adopting centres")
    list_display = ["name", "town", yes_no_column("in_network", _("In the network")), "contact_name"]
    list_filter = ["in_network"]
    search_fields = ["name", "town"]
    add_to_admin_menu = False
    copy_view_enabled = False
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("town"),
            MultiFieldPanel(
                [FieldPanel("contact_name"), FieldPanel("email"), FieldPanel("phone")], heading=_("Contact")
            ),
            MultiFieldPanel([FieldPanel("in_network"), FieldPanel("network_centre")], heading=_("Network")),
            FieldPanel("notes"),
        ],
        base_form_class=NeighbouringCentreAdminForm,
    )


class AdoptionViewSet(ModelViewSet):
    model = Adoption
    name = "toolkit_adoptions"
    url_prefix = "boite-a-outils/adoptions"
    icon = "success"
    menu_label = _("Adoptions")
    list_display = ["centre", "resource", "stage", yes_no_column("is_published", _("On the sheet")), "stage_changed_on"]
    list_filter = ["stage", "is_published"]
    add_to_admin_menu = False
    copy_view_enabled = False
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("centre"), FieldPanel("resource")]),
            MultiFieldPanel(
                [
                    FieldPanel("stage"),
                    FieldPanel("abandon_reason"),
                    FieldPanel("started_on"),
                    FieldPanel("stage_changed_on"),
                ],
                heading=_("Stage"),
            ),
            FieldPanel("adapted"),
            FieldPanel("feedback"),
            FieldPanel("is_published"),
            MultiFieldPanel(
                [
                    FieldPanel("story_changes"),
                    FieldPanel("story_quote"),
                    FieldPanel("story_quote_by"),
                    FieldPanel("story_photo"),
                    FieldPanel("story_photo_alt"),
                    FieldPanel("story_is_published"),
                ],
                heading=_("Their story (public once published)"),
            ),
        ],
        base_form_class=AdoptionAdminForm,
    )


class FeedbackIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("resource")


class FeedbackViewSet(ModelViewSet):
    """Feedback sent through the sheets: staff moderate it before anything shows on a sheet."""

    model = ResourceFeedback
    name = "toolkit_feedback"
    url_prefix = "boite-a-outils/avis"
    icon = "comment"
    menu_label = _("Feedback on the resources")
    list_display = ["resource", "centre_name", "verdict", "reports_outdated", "status", "created_at"]
    list_filter = ["status", "verdict", "reports_outdated", "correction_done", "resource"]
    search_fields = ["centre_name", "comment", "outdated_what"]
    ordering = ["-created_at"]
    add_to_admin_menu = False
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = FeedbackIndexView


class FeedbackMenuItem(StaffMenuItem):
    """The menu says how much feedback waits for moderation (until the notifications land)."""

    def render_component(self, request):
        waiting = feedback_to_moderate()
        label = self.label
        if waiting:
            label = _("%(label)s (%(count)s to moderate)") % {"label": self.label, "count": waiting}
        return LinkMenuItem(self.name, label, self.url, icon_name=self.icon_name, attrs=self.attrs)


class ToolkitViewSetGroup(ViewSetGroup):
    menu_label = _("Toolkit")
    menu_icon = "clipboard-list"
    menu_order = 250
    items = (AdoptionViewSet, NeighbouringCentreViewSet, JoinRequestViewSet)

    def get_submenu_items(self):
        overview = StaffMenuItem(
            _("Adoptions overview"),
            reverse("toolkit_overview"),
            shown_to=is_toolkit_staff,
            icon_name="table",
            name="toolkit-overview",
            order=0,
        )
        feedback = FeedbackMenuItem(
            FeedbackViewSet.menu_label,
            reverse("toolkit_feedback:index"),
            shown_to=is_toolkit_staff,
            icon_name="comment",
            name="toolkit-feedback",
            order=1,
        )
        return [overview, feedback, *super().get_submenu_items()]


@hooks.register("register_admin_viewset")
def register_toolkit_viewsets():
    return ToolkitViewSetGroup()


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    return FeedbackViewSet()


@hooks.register("register_admin_urls")
def register_overview_urls():
    return [
        path("boite-a-outils/suivi/", admin_views.overview_view, name="toolkit_overview"),
        path("boite-a-outils/suivi/adoptions.csv", admin_views.adoptions_csv_view, name="toolkit_adoptions_csv"),
        path("boite-a-outils/demandes/<int:pk>/adoption/", admin_join.record_adoption, name="toolkit_record_adoption"),
    ]


class OverviewPanel(Component):
    name = "toolkit_overview"
    template_name = "toolkit/admin/dashboard_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        overview = admin_views.adoption_overview()
        return {
            "stage_counts": admin_views.stage_counts(overview),
            "overview_url": reverse("toolkit_overview"),
            "new_requests": JoinRequest.objects.filter(status=JoinRequest.Status.NEW).count(),
            "requests_url": reverse("toolkit_join_requests:index") + "?status=new",
            "feedback_to_moderate": feedback_to_moderate(),
            "feedback_url": reverse("toolkit_feedback:index") + "?status=new",
        }


@hooks.register("construct_homepage_panels")
def add_overview_panel(request, panels):
    if is_toolkit_staff(request.user):
        panels.append(OverviewPanel())


# --- "À faire" panel (home.todo): for the network admin, the new requests to join the programme ----------
def toolkit_todo(user):
    if not user.is_superuser:
        return []
    new = JoinRequest.objects.filter(status=JoinRequest.Status.NEW).count()
    label = ngettext(
        "%(n)d new request to join the programme, to turn into an adoption",
        "%(n)d new requests to join the programme, to turn into adoptions",
        new,
    ) % {"n": new}
    return [TodoLine("join_requests", label, new, reverse("toolkit_join_requests:index") + "?status=new", order=60)]


register_todo_provider("toolkit", toolkit_todo, order=60)
