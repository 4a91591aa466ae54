"""Send a person whose password is temporary (a desk card) to the password change page until it is changed.

The change page itself explains why (see account/password_change.html).
"""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse


class MustChangePasswordMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.always_allowed = tuple(p for p in (settings.STATIC_URL, settings.MEDIA_URL, "/favicon.ico") if p)

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.must_change_password:
            allowed = (reverse("account_change_password"), reverse("account_logout"))
            if request.path not in allowed and not request.path.startswith(self.always_allowed):
                return redirect("account_change_password")
        return self.get_response(request)
