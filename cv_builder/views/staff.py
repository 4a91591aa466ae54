"""Staff: start a CV for a person who gave the centre consent for "CV help", and see the CVs shared with my centres.

Only people with a current "CV help" consent to one of the staff member's centres are listed or
can get a CV started in their account; every start is written to the person's journal.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.consent import Action, Task, current_consents, has_consent, record_action
from home.french_words import of_name
from home.permissions import centres_for_user

from ..access import staff_shares
from ..models import CV, CentreShare

PEOPLE_LIMIT = 50


class StaffStartForm(forms.Form):
    """Ids arrive from a form: validated here, never with int() in the view."""

    person = forms.ModelChoiceField(queryset=None, error_messages={"invalid_choice": gettext_lazy("Choose a person.")})
    centre = forms.ModelChoiceField(queryset=None, error_messages={"invalid_choice": gettext_lazy("Choose a centre.")})

    def __init__(self, *args, centres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = get_user_model().objects.filter(is_active=True)
        self.fields["centre"].queryset = centres


def _staff_centres(request):
    centres = centres_for_user(request.user)
    if not request.user.is_authenticated or not centres.exists():
        raise Http404
    return centres


def _consenting_people(centres, query=""):
    people = get_user_model().objects.filter(
        pk__in=current_consents(Task.CV_HELP).filter(centre__in=centres).values("person"), is_active=True
    )
    if query:
        people = people.filter(
            Q(username__icontains=query) | Q(display_name__icontains=query)
            | Q(first_name__icontains=query) | Q(last_name__icontains=query)
        )  # fmt: skip
    return list(people.order_by("display_name", "username")[:PEOPLE_LIMIT])


def _page(request, centres, form=None, status=200):
    query = request.GET.get("q", "").strip()[:150]
    shares = [
        share
        for share in staff_shares(request.user)
        .filter(cv__deleted_at__isnull=True)
        .select_related("cv", "cv__owner", "centre")
        .order_by("-cv__updated_at")[:200]
        if share.has_consent or share.shared_by_id == share.cv.owner_id
    ]
    context = {
        "centres": list(centres.order_by("title")),
        "people": _consenting_people(centres, query),
        "query": query,
        "shares": shares,
        "form": form,
    }
    return render(request, "cv_builder/staff_home.html", context, status=status)


def staff_home(request):
    return _page(request, _staff_centres(request))


def staff_start(request):
    if request.method != "POST":
        raise Http404
    centres = _staff_centres(request)
    form = StaffStartForm(request.POST, centres=centres)
    if not form.is_valid():
        return _page(request, centres, form=form, status=400)
    person, centre = form.cleaned_data["person"], form.cleaned_data["centre"]
    if not has_consent(person, centre, Task.CV_HELP):
        form.add_error(
            None, _("This person has not given %(centre)s consent for help with a CV.") % {"centre": centre.title}
        )
        return _page(request, centres, form=form, status=403)
    name = person.get_full_name() or person.display_name
    cv = CV(owner=person, title="Mon CV", data={"basics": {"name": name} if name else {}})
    cv._change_reason = "Commencé à l'accueil"
    cv.save()
    CentreShare.objects.create(cv=cv, centre=centre, shared_by=request.user)
    record_action(request.user, person, centre, Action.CV_STARTED, target=cv.title)
    messages.success(
        request,
        _("The CV %(of_name)s is started and shared with %(centre)s.")
        % {"of_name": of_name(person.public_name), "centre": centre.title},
    )
    return redirect("cv_builder:section", pk=cv.pk, slug="identite")
