"""What log-in and sign-up leave for the next pages: the card's password just checked, the username reminder."""

from django.contrib import messages
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from accounts.forms import JUST_LOGGED_IN_KEY


def mark_password_checked(sender, request, user, **kwargs):
    """Logged in with a card's password: the forced change right after does not ask for it again."""
    if request is not None and getattr(user, "must_change_password", False) and hasattr(request, "session"):
        request.session[JUST_LOGGED_IN_KEY] = timezone.now().timestamp()


def remind_username(request, user, **kwargs):
    """After every sign-up, wherever it leads (back to "Proposer une idée", a vote...): note your username.

    Without a next page, the welcome box of Mon compte says it already.
    """
    if request is None or not (request.POST.get("next") or request.GET.get("next")):
        return
    messages.success(
        request,
        format_html(
            _("Welcome! Write down your username somewhere safe: <strong>{}</strong>. You will type it to log in."),
            user.username,
        ),
    )
