"""Who may see a CV and its cover letters: its owner, and staff of a centre the CV is shared with, under consent.

- Staff may open *and edit* a shared CV only while the owner has a current consent for the task
  "CV help" (`accounts.consent.Task.CV_HELP`) to that centre.
- A share the owner made themself, in "Share", counts as the owner's consent for *viewing*
  (this is how shares made before consents existed keep working): staff of that centre may read
  the CV, its PDF, photo and history, but not change it without a current consent.
- A share made by staff (a CV started at the desk) gives nothing without a current consent.

Everyone else gets 404 (never 403: no leak). Edits are the unsafe HTTP methods (POST...).
"""

from django.db.models import Exists, OuterRef
from django.http import Http404

from accounts.consent import Task, current_consents
from home.permissions import centres_for_user

from .models import CV, CentreShare, CoverLetter

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def staff_shares(user, cvs=None):
    """Centre shares the user is staff for, each annotated with `has_consent` (a current "CV help" consent)."""
    consent = current_consents(Task.CV_HELP).filter(person=OuterRef("cv__owner"), centre=OuterRef("centre"))
    shares = CentreShare.objects.filter(centre__in=centres_for_user(user).values("pk")).annotate(
        has_consent=Exists(consent)
    )
    return shares if cvs is None else shares.filter(cv__in=cvs)


def staff_access(user, cv):
    """(centre through which the user may view the CV, whether they may also edit it); (None, False) if neither."""
    shares = list(staff_shares(user).filter(cv=cv).select_related("centre").order_by("pk"))
    for share in shares:
        if share.has_consent:
            return share.centre, True
    for share in shares:
        if share.shared_by_id == cv.owner_id:
            return share.centre, False
    return None, False


def can_staff_access(user, cv, *, edit=False):
    centre, can_edit = staff_access(user, cv)
    return can_edit if edit else centre is not None


def get_cv(request, pk, *, owner_only=False, deleted=False):
    """The CV if the request's user may act on it; Http404 otherwise (never 403: no leak)."""
    user = request.user
    if not user.is_authenticated:
        raise Http404
    queryset = CV.objects.in_bin() if deleted else CV.objects.alive()
    cv = queryset.select_related("owner").filter(pk=pk).first()
    if cv is None:
        raise Http404
    return _checked(request, cv, cv, owner_only)


def _checked(request, document, cv, owner_only):
    """`document` (a CV or one of its letters) with the viewer's rights set, by the rules of `cv`; else Http404."""
    if cv.owner_id == request.user.pk:
        document.viewer_is_owner = True
        document.viewer_can_edit = True
        return document
    if owner_only:
        raise Http404
    centre, can_edit = staff_access(request.user, cv)
    if centre is None or (request.method not in SAFE_METHODS and not can_edit):
        raise Http404
    document.viewer_is_owner = False
    document.viewer_centre = centre
    document.viewer_can_edit = can_edit
    return document


def get_letter(request, pk, *, owner_only=False, deleted=False):
    """The cover letter if the request's user may act on it: exactly the people who may act on its CV."""
    if not request.user.is_authenticated:
        raise Http404
    queryset = CoverLetter.objects.in_bin() if deleted else CoverLetter.objects.alive()
    letter = queryset.select_related("cv", "cv__owner").filter(pk=pk).first()
    if letter is None or letter.owner_id != letter.cv.owner_id:
        raise Http404
    return _checked(request, letter, letter.cv, owner_only)
