"""Who may use the desk (assisted accounts), and whose password they may reset.

Staff of a centre are known only through Wagtail page permissions (`home.permissions`).
"""

from home.permissions import is_any_centre_staff


def is_desk_staff(user):
    """A staff member of any centre, or a superuser, may create accounts for residents."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or is_any_centre_staff(user)


def is_team_account(user):
    """Accounts with any admin right (centre staff, Django staff, superusers): never reset at the desk."""
    return user.is_superuser or user.is_staff or user.has_perm("wagtailadmin.access_admin")


def can_reset_password(staff, target):
    """Desk staff may give a new first password to any resident account, not to a team account.

    Residents go to whichever centre is open or nearest, so any centre's desk can help them,
    whoever created their account; the person must be there in person and tell their username.
    Team accounts are excluded so that a desk reset can never take over an admin account.
    """
    return is_desk_staff(staff) and target.is_active and target.pk != staff.pk and not is_team_account(target)
