from datetime import timedelta

from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks

from cv_builder.models import CentreShare
from home.admin_menu import StaffMenuItem
from home.permissions import centres_for_user, is_any_centre_staff
from home.todo import TodoLine, register_todo_provider


@hooks.register("register_admin_menu_item")
def register_supported_cvs_menu_item():
    return StaffMenuItem(
        _("Supported CVs"), reverse_lazy("cv_builder:staff"), name="cv-accompagnes", icon_name="doc-full", order=900
    )


# --- "À faire" panel (home.todo): CVs shared with the user's centres that changed this week -------------
CHANGED_RECENTLY_DAYS = 7


def cv_todo(user):
    if user.is_superuser or not is_any_centre_staff(user):
        return []
    since = timezone.now() - timedelta(days=CHANGED_RECENTLY_DAYS)
    changed = (
        CentreShare.objects.filter(centre__in=centres_for_user(user).values("pk"), cv__updated_at__gte=since)
        .values("cv")
        .distinct()
        .count()
    )
    label = ngettext(
        "%(n)d CV shared with your centre changed this week",
        "%(n)d CVs shared with your centre changed this week",
        changed,
    ) % {"n": changed}
    return [TodoLine("cvs_changed", label, changed, reverse_lazy("cv_builder:staff"), order=40)]


register_todo_provider("cv_builder", cv_todo, order=40)
