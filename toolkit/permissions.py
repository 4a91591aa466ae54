"""Who may record what in the toolkit's admin screens.

- Join requests and neighbouring adopting centres: any centre staff member (Wagtail page
  permissions on a centre, via `home.permissions`) and superusers. The network's team follows
  neighbouring centres together, so there is no owner.
- An adopting centre *of the network* (linked to its centre page) is changed only by that
  centre's own staff and by superusers; staff can link an adopting centre only to their own centres.
- Adoptions: any centre staff member may record and update the adoptions of *neighbouring*
  centres. The adoptions of a centre *of the network* (an adopting centre linked to its centre
  page) may be changed only by that centre's own staff, and by superusers.
- Residents and anonymous visitors: nothing (the admin refuses them; the join form is the
  only public way in, and it publishes nothing).
"""

from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from home.permissions import centres_for_user, is_any_centre_staff


def is_toolkit_staff(user):
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    # Cached on the user object for the request: admin lists check it once per row and action.
    if not hasattr(user, "_toolkit_staff"):
        user._toolkit_staff = is_any_centre_staff(user)
    return user._toolkit_staff


def own_centre_ids(user):
    """Primary keys of the centres the user is staff of (cached for the request)."""
    if not hasattr(user, "_toolkit_centre_ids"):
        user._toolkit_centre_ids = frozenset(centres_for_user(user).values_list("pk", flat=True))
    return user._toolkit_centre_ids


def may_manage_adopting_centre(user, centre):
    """Neighbours are shared by all staff; a network centre's record belongs to that centre's staff."""
    if not is_toolkit_staff(user):
        return False
    return user.is_superuser or not centre.network_centre_id or centre.network_centre_id in own_centre_ids(user)


def manageable(queryset, user, centre_field):
    """`queryset` limited to rows whose adopting centre (at `centre_field`) the user may manage."""
    if user.is_superuser:
        return queryset
    prefix = f"{centre_field}__" if centre_field else ""
    own = centres_for_user(user).values("pk")
    return queryset.filter(Q(**{f"{prefix}network_centre__isnull": True}) | Q(**{f"{prefix}network_centre__in": own}))


class ToolkitStaffPolicy(BasePermissionPolicy):
    """Every centre staff member may do everything on the model."""

    def user_has_permission(self, user, action):
        if action == "delete":
            return bool(user.is_active and user.is_superuser)
        return is_toolkit_staff(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class AdoptionPolicy(ToolkitStaffPolicy):
    """Centre staff manage neighbours' adoptions; a network centre's own adoptions are its staff's."""

    def user_has_permission(self, user, action):
        if action == "delete":
            return is_toolkit_staff(user)
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and may_manage_adopting_centre(user, instance.centre)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return manageable(self.model._default_manager.all(), user, "centre")

    def centres_user_may_manage(self, user):
        from toolkit.models import NeighbouringCentre

        return NeighbouringCentrePolicy(NeighbouringCentre).instances_user_has_any_permission_for(user, ["change"])


class NeighbouringCentrePolicy(ToolkitStaffPolicy):
    """Neighbours are shared; a network centre's record belongs to that centre's staff."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and may_manage_adopting_centre(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return manageable(self.model._default_manager.all(), user, "")
