"""Wagtail admin: a menu item for the desk (assisted account creation), shown to centre staff."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks

from accounts.models import User
from accounts.permissions import is_desk_staff
from accounts.personal_data import erase_all
from home.admin_menu import StaffMenuItem
from home.todo import TodoLine, register_todo_provider


@hooks.register("register_admin_menu_item")
def register_desk_menu_item():
    return StaffMenuItem(
        _("Residents' accounts"),
        reverse_lazy("accounts:desk"),
        shown_to=is_desk_staff,
        name="residents-accounts",
        icon_name="user",
        order=900,
    )


@hooks.register("before_delete_user")
def erase_personal_data_before_admin_deletion(request, user):
    """An administrator deleting a user in Wagtail erases the person's data in every app, as "Mon compte" does."""
    if request.method == "POST":
        erase_all(user)


# --- "À faire" panel (home.todo): accounts this staff member made at the desk, first password unused -----
def desk_todo(user):
    if not is_desk_staff(user):
        return []
    waiting = User.objects.filter(created_by=user, must_change_password=True, is_active=True).count()
    label = ngettext(
        "%(n)d account you created at the desk whose first password is not used yet",
        "%(n)d accounts you created at the desk whose first password is not used yet",
        waiting,
    ) % {"n": waiting}
    return [TodoLine("desk_first_password", label, waiting, reverse_lazy("accounts:desk"), order=50)]


register_todo_provider("accounts", desk_todo, order=50)
