"""Send a person whose password is temporary (a desk card) to the password change page until it is changed.

The change page itself explains why (see account/password_change.html).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from accounts.forms import FIRST_PASSWORD_EXPIRED, first_password_expired


class MustChangePasswordMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.always_allowed = tuple(p for p in (settings.STATIC_URL, settings.MEDIA_URL, "/favicon.ico") if p)

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.must_change_password:
            if first_password_expired(user):
                # A session opened before the expiry does not outlive it.
                logout(request)
                messages.error(request, FIRST_PASSWORD_EXPIRED)
                return redirect("account_login")
            allowed = (reverse("account_change_password"), reverse("account_logout"))
            if request.path not in allowed and not request.path.startswith(self.always_allowed):
                return redirect("account_change_password")
        return self.get_response(request)


class AdminLoginMiddleware:
    """Staff log in through the site's log-in page, so allauth's rate limits protect admin accounts too.

    Wagtail's own /admin/login/ form would let anyone try passwords without those limits: it sends
    people (GET or POST) to /compte/login/, keeping where they were going.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == reverse("wagtailadmin_login"):
            next_url = request.GET.get("next") or reverse("wagtailadmin_home")
            if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
                next_url = reverse("wagtailadmin_home")
            return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")
        return self.get_response(request)
