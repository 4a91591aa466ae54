"""Who may see or act on a workshop: its Wagtail view restrictions (password, log-in, groups), everywhere.

Wagtail applies a page's view restrictions when it serves the page; the participation URLs
(/participer/...) and listings are not pages, so each of them asks `refusal(request, workshop)`
(one answer for every view) and the listings keep only `visible(request, workshops)`.

The list of restricted sections is read from a shared cache (emptied whenever a restriction
changes) so that the busiest URLs pay no extra query when nothing is restricted.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.shortcuts import render
from django.urls import reverse
from wagtail.models import PageViewRestriction

CACHE_KEY = "participation:restricted-paths"
CACHE_SECONDS = 300


def restricted_paths():
    """Tree paths of every page that carries a view restriction (their descendants are restricted too)."""
    paths = cache.get(CACHE_KEY)
    if paths is None:
        paths = sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
        cache.set(CACHE_KEY, paths, CACHE_SECONDS)
    return paths


def forget_restricted_paths(**kwargs):
    cache.delete(CACHE_KEY)


post_save.connect(forget_restricted_paths, sender=PageViewRestriction, dispatch_uid="participation-restrictions")
post_delete.connect(forget_restricted_paths, sender=PageViewRestriction, dispatch_uid="participation-restrictions-d")


def is_restricted(workshop, paths=None):
    paths = restricted_paths() if paths is None else paths
    return any(workshop.path.startswith(path) for path in paths)


def _failed_restriction(request, workshop):
    for restriction in workshop.get_view_restrictions():
        if not restriction.accept_request(request):
            return restriction
    return None


def may_view(request, workshop, paths=None):
    return not is_restricted(workshop, paths) or _failed_restriction(request, workshop) is None


def refusal(request, workshop):
    """None when the request may see and act on the workshop; otherwise the response to send.

    A password: the password form, which comes back to this URL (or to the workshop page after a
    POST). Log-in or groups: the log-in page for visitors, a 403 page for a logged-in person who
    is not in the groups. Never the content.
    """
    if not is_restricted(workshop):
        return None
    restriction = _failed_restriction(request, workshop)
    if restriction is None:
        return None
    return_url = request.get_full_path() if request.method in ("GET", "HEAD") else workshop.url
    if restriction.restriction_type == PageViewRestriction.PASSWORD:
        from wagtail.forms import PasswordViewRestrictionForm

        form = PasswordViewRestrictionForm(instance=restriction, initial={"return_url": return_url})
        action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, workshop.id])
        response = workshop.serve_password_required_response(request, form, action_url)
        response.status_code = 403
    elif not request.user.is_authenticated:
        response = redirect_to_login(return_url)
    else:
        response = render(request, "participation/restricted.html", {"workshop": workshop}, status=403)
    response["Cache-Control"] = "private, no-cache, no-store"
    return response


def visible(request, workshops):
    """The workshops of a listing this request may see (one cache read; queries only for restricted ones)."""
    paths = restricted_paths()
    if not paths:
        return list(workshops)
    return [workshop for workshop in workshops if may_view(request, workshop, paths)]
