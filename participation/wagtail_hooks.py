"""The participation admin: a "Participation" menu whose items say what waits, the three viewsets
(participation.admin_viewsets) and the lines of the "À faire" panel (participation.admin_todo)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.ui.sidebar import SubMenuItem as SubMenuItemComponent
from wagtail.admin.viewsets.base import ViewSetGroup

from home.admin_menu import StaffMenuItem
from home.todo import label_with_count, register_todo_provider, todo_count
from participation import workshop_page
from participation.admin_policies import register_policies, staff_centre_ids
from participation.admin_todo import participation_todo
from participation.admin_viewsets import ProposalViewSet, TallySheetViewSet, VotingCodeViewSet
from participation.models.workshops import INDEX_CONTEXT_HOOK, WORKSHOP_CONTEXT_HOOK

# The pages' visitor-dependent context comes from the view layer (models import nothing above them).
hooks.register(WORKSHOP_CONTEXT_HOOK, workshop_page.visitor_context)
hooks.register(INDEX_CONTEXT_HOOK, workshop_page.visible_workshops)
register_policies()
register_todo_provider("participation", participation_todo, order=10)


class CountedMenuItem(StaffMenuItem):
    """Shown to centre staff; the label carries the count of the "À faire" lines `keys` (same queries)."""

    def __init__(self, *args, keys=(), **kwargs):
        self.keys = keys
        super().__init__(*args, shown_to=lambda user: bool(staff_centre_ids(user)), **kwargs)

    def render_component(self, request):
        label = label_with_count(self.label, todo_count(request, *self.keys))
        return LinkMenuItem(self.name, label, self.url, icon_name=self.icon_name, attrs=self.attrs)


class ParticipationGroup(ViewSetGroup):
    menu_label = _("Participation")
    menu_icon = "group"
    menu_order = 240
    items = ()

    def get_submenu_items(self):
        return [
            CountedMenuItem(
                _("To review"),
                reverse("participation_admin:index"),
                name="participation-queue",
                icon_name="group",
                order=0,
                keys=("proposals_pending", "proposals_reported"),
            ),
            CountedMenuItem(
                _("Tally sheets"),
                reverse("participation_tallies:index"),
                name="participation-tallies",
                icon_name="list-ol",
                order=1,
                keys=("tallies_to_check", "tallies_to_enter"),
            ),
            CountedMenuItem(
                _("Voting codes"),
                reverse("participation_codes:index"),
                name="participation-codes",
                icon_name="key",
                order=2,
            ),
        ]


@hooks.register("register_admin_viewset")
def register_participation_viewsets():
    return [ProposalViewSet(), TallySheetViewSet(), VotingCodeViewSet()]


ALL_KEYS = ("proposals_pending", "proposals_reported", "tallies_to_check", "tallies_to_enter")


class CountedSubmenuMenuItem(SubmenuMenuItem):
    def render_component(self, request):
        label = label_with_count(self.label, todo_count(request, *ALL_KEYS))
        return SubMenuItemComponent(
            self.name, label, self.menu.render_component(request), icon_name=self.icon_name, attrs=self.attrs
        )


@hooks.register("register_admin_menu_item")
def register_participation_menu():
    group = ParticipationGroup()
    return CountedSubmenuMenuItem(
        group.menu_label,
        Menu(items=group.get_submenu_items()),
        name="participation",
        icon_name=group.menu_icon,
        order=group.menu_order,
    )
