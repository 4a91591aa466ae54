"""allauth adapter: plain French messages and the display name given at sign-up."""

import re
from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from accounts.consent import end_first_password_consents
from home.models import NetworkSettings

NOT_ALLOWED = re.compile(r"[^\w.-]")


def username_suggestion(username):
    """ "Fatima Zahra" -> "Fatima.Zahra": spaces become dots, other signs are dropped."""
    spaced = re.sub(r"\s+", ".", username.strip())
    return NOT_ALLOWED.sub("", spaced).strip(".") or None


def check_username(username):
    if re.search(r"\s", username):
        suggestion = username_suggestion(username)
        message = _("A username has no spaces.")
        if suggestion:
            message = _("A username has no spaces. You could choose “%(suggestion)s”.") % {"suggestion": suggestion}
        raise ValidationError(message, code="username_spaces")
    if NOT_ALLOWED.search(username):
        raise ValidationError(
            _("Only letters, digits and the signs - _ . can be used in a username. Example: samia59"),
            code="username_characters",
        )


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        # People log in with a username *or* an email: one message that fits both.
        "username_password_mismatch": _(
            "Wrong username or password. Check the spelling, capital letters and the hyphens, then try again."
        ),
        "email_password_mismatch": _(
            "Wrong email address or password. Check the spelling, capital letters and the hyphens, then try again."
        ),
        "too_many_login_attempts": _(
            "Too many failed attempts. For your safety, logging in is blocked for a few minutes. "
            "Wait 5 minutes and try again, or ask the staff of your social centre for help."
        ),
        "email_taken": _("Another account already uses this email address. Log in, or leave the email empty."),
        "enter_current_password": _(
            "This is not your current password. If you have just got a card, type its password."
        ),
        "rate_limited": _("Too many attempts in a short time. Wait a few minutes, then try again."),
    }

    def _network(self):
        """The network's name (site settings) and the host, instead of the bare host name allauth would use."""
        request = allauth_context.request
        name = settings.WAGTAIL_SITE_NAME
        site = Site.find_for_request(request) if request is not None else None
        if site is not None:
            name = NetworkSettings.for_site(site).name or name
        return SimpleNamespace(name=name, domain=request.get_host() if request is not None else "")

    def send_mail(self, template_prefix, email, context):
        return super().send_mail(template_prefix, email, {"current_site": self._network(), **context})

    def format_email_subject(self, subject):
        return f"[{self._network().name}] {subject}"

    def clean_username(self, username, shallow=False):
        """Our rules, said in our words, before allauth's own checks (length, taken, reserved)."""
        check_username(username)
        return super().clean_username(username, shallow=shallow)

    def save_user(self, request, user, form, commit=True):
        user.display_name = (form.cleaned_data.get("display_name") or "").strip()
        return super().save_user(request, user, form, commit=commit)

    def set_password(self, user, password):
        """Every password chosen by the person (change, set, reset by email) ends the "must change" state."""
        user.set_password(password)
        user.must_change_password = False
        user.temporary_password_expires_at = None
        user.save()
        end_first_password_consents(user)

    def get_login_redirect_url(self, request):
        if getattr(request.user, "must_change_password", False):
            return reverse("account_change_password")
        return super().get_login_redirect_url(request)

    def get_password_change_redirect_url(self, request):
        return reverse("accounts:profile")
