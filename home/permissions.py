"""Who is staff of which centre: the one source of truth is Wagtail's page permissions.

Feature apps ask these helpers instead of keeping their own staff lists.
"""

from wagtail.permission_policies.pages import PagePermissionPolicy

from home.models import CentrePage


def centres_for_user(user, actions=("change",)):
    """The centres whose page the user may act on (`change`, `publish`, ...)."""
    if not user.is_authenticated or not user.is_active:
        return CentrePage.objects.none()
    if user.is_superuser:
        return CentrePage.objects.all()
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(user, list(actions))
    return CentrePage.objects.filter(pk__in=pages.values("pk"))


def user_is_centre_staff(user, centre):
    """True when the user may edit the centre's page, and so act as its staff."""
    return user.is_authenticated and user.is_active and centre.permissions_for_user(user).can_edit()


def is_any_centre_staff(user):
    return centres_for_user(user).exists()


def staff_of_centre(centre):
    """Active accounts that may edit the centre's page through a group (its staff), for alerts.

    Superusers are not listed: they are network admins, told of network events, not of every centre's.
    """
    from django.contrib.auth import get_user_model
    from wagtail.models import GroupPagePermission

    groups = GroupPagePermission.objects.filter(
        page__in=centre.get_ancestors(inclusive=True), permission__codename="change_page"
    ).values("group")
    return get_user_model().objects.filter(is_active=True, groups__in=groups).distinct()


def network_admins():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_active=True, is_superuser=True)
