"""Who may see a CV: its owner, and staff of a centre the owner shared it with. Everyone else gets 404."""

from django.http import Http404

from home.permissions import user_is_centre_staff

from .models import CV


def can_staff_access(user, cv):
    return any(user_is_centre_staff(user, share.centre) for share in cv.centre_shares.select_related("centre"))


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
