"""Who may see a CV: its owner, and staff of a centre the owner shared it with. Everyone else gets 404."""

from django.http import Http404

from home.permissions import centres_for_user

from .models import CV


def can_staff_access(user, cv):
    """True when the user is staff (Wagtail page permissions) of a centre the CV is shared with."""
    return cv.centre_shares.filter(centre__in=centres_for_user(user).values("pk")).exists()


def get_cv(request, pk, *, owner_only=False, deleted=False):
    """The CV if the request's user may act on it; Http404 otherwise (never 403: no leak)."""
    user = request.user
    if not user.is_authenticated:
        raise Http404
    queryset = CV.objects.in_bin() if deleted else CV.objects.alive()
    cv = queryset.select_related("owner").filter(pk=pk).first()
    if cv is None:
        raise Http404
    if cv.owner_id == user.pk:
        cv.viewer_is_owner = True
        return cv
    if owner_only or not can_staff_access(user, cv):
        raise Http404
    cv.viewer_is_owner = False
    return cv
