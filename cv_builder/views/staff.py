"""Staff: start a CV for a person who just got an assisted account, and see the CVs shared with my centres."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from home.permissions import centres_for_user

from ..models import CV, CentreShare


def _staff_centres(request):
    centres = centres_for_user(request.user)
    if not request.user.is_authenticated or not centres.exists():
        raise Http404
    return centres


def staff_home(request):
    centres = _staff_centres(request)
    User = get_user_model()
    query = request.GET.get("q", "").strip()[:150]
    found = list(User.objects.filter(username__iexact=query, is_active=True)) if query else []
    people = list(User.objects.filter(created_by=request.user, is_active=True).order_by("-date_joined")[:50])
    shares = list(
        CentreShare.objects.filter(centre__in=centres, cv__deleted_at__isnull=True)
        .select_related("cv", "cv__owner", "centre")
        .order_by("-cv__updated_at")[:200]
    )
    context = {
        "centres": list(centres.order_by("title")),
        "people": people,
        "found": found,
        "query": query,
        "shares": shares,
    }
    return render(request, "cv_builder/staff_home.html", context)


def staff_start(request):
    if request.method != "POST":
        raise Http404
    centres = _staff_centres(request)
    User = get_user_model()
    person = User.objects.filter(pk=request.POST.get("person", "") or 0, is_active=True).first()
    centre = centres.filter(pk=request.POST.get("centre", "") or 0).first()
    if person is None or centre is None:
        messages.error(request, _("Choose a person and a centre."))
        return redirect("cv_builder:staff")
    name = person.get_full_name() or person.display_name
    cv = CV(owner=person, title="Mon CV", data={"basics": {"name": name} if name else {}})
    cv._change_reason = "Commencé à l'accueil"
    cv.save()
    CentreShare.objects.create(cv=cv, centre=centre, shared_by=request.user)
    messages.success(
        request,
        _("The CV of %(name)s is started and shared with %(centre)s.")
        % {"name": person.public_name, "centre": centre.title},
    )
    return redirect("cv_builder:section", pk=cv.pk, slug="identite")
