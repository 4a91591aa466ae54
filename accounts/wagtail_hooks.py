"""Wagtail admin: a menu item for the desk (assisted account creation), shown to centre staff."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from accounts.permissions import is_desk_staff
from accounts.personal_data import erase_all
from home.admin_menu import StaffMenuItem


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
