"""Who may use the desk (assisted accounts), and whose password they may reset.

Staff of a centre are known only through Wagtail page permissions (`home.permissions`).
"""

from accounts.consent import Task, centres_with_consent
from home.permissions import centres_for_user, is_any_centre_staff


def is_desk_staff(user):
    """A staff member of any centre, or a superuser, may create accounts for residents."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or is_any_centre_staff(user)


def is_team_account(user):
    """Accounts with any admin right (centre staff, Django staff, superusers): never reset at the desk."""
    return user.is_superuser or user.is_staff or user.has_perm("wagtailadmin.access_admin")


def reset_centres(staff, target):
    """The staff member's centres to which the person gave a current consent for a new password.

    Team accounts are excluded so that a desk reset can never take over an admin account.
    """
    if not is_desk_staff(staff) or not target.is_active or target.pk == staff.pk or is_team_account(target):
        return centres_for_user(staff).none()
    return (
        centres_with_consent(target, Task.PASSWORD_RESET)
        .filter(pk__in=centres_for_user(staff).values("pk"))
        .order_by("title")
    )


def can_reset_password(staff, target):
    return reset_centres(staff, target).exists()
