"""A join request becomes an adoption in one step ("Enregistrer l'adoption").

The adopting centre is picked when one with the same name and town exists, otherwise created from
the request (name, town, contact); the adoptions of the resources the centre asked for are created
at the chosen stage; the request is marked done. Nothing is created twice: an adoption that already
exists for the centre and resource is kept as it is.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from toolkit.admin_forms import adoptable_resources
from toolkit.models import Adoption, JoinRequest, NeighbouringCentre
from toolkit.permissions import is_toolkit_staff

NEW_CENTRE = "new"


def matching_centre(join_request):
    return (
        NeighbouringCentre.objects.filter(
            name__iexact=join_request.centre_name.strip(), town__iexact=join_request.town.strip()
        )
        .order_by("pk")
        .first()
    )


class RecordAdoptionForm(forms.Form):
    centre = forms.ChoiceField(label=gettext_lazy("Adopting centre"), widget=forms.RadioSelect)
    resources = forms.ModelMultipleChoiceField(
        label=gettext_lazy("What they adopt"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Tick at least one prototype or method card.")},
    )
    stage = forms.ChoiceField(label=gettext_lazy("Stage"), choices=Adoption.Stage.choices)
    started_on = forms.DateField(label=gettext_lazy("Started on"), initial=timezone.localdate)

    def __init__(self, *args, join_request, existing, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            (
                NEW_CENTRE,
                _("Create “%(name)s (%(town)s)” from the request")
                % {"name": join_request.centre_name, "town": join_request.town},
            )
        ]
        if existing is not None:
            choices.insert(0, (str(existing.pk), _("Use the existing record “%(centre)s”") % {"centre": existing}))
        self.fields["centre"].choices = choices
        self.fields["centre"].initial = choices[0][0]
        self.fields["resources"].queryset = adoptable_resources()
        self.fields["resources"].label_from_instance = lambda page: page.title
        self.fields["resources"].initial = [page.pk for page in join_request.wanted.all()]


def record_adoption(request, pk):
    if not is_toolkit_staff(request.user):
        raise PermissionDenied
    join_request = get_object_or_404(JoinRequest, pk=pk)
    existing = matching_centre(join_request)
    form = RecordAdoptionForm(
        request.POST if request.method == "POST" else None, join_request=join_request, existing=existing
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            if data["centre"] == NEW_CENTRE:
                centre = NeighbouringCentre(
                    name=join_request.centre_name,
                    town=join_request.town,
                    contact_name=join_request.contact_name,
                    email=join_request.email,
                    phone=join_request.phone,
                )
                centre.save()
            else:
                centre = existing
            created = 0
            for resource in data["resources"]:
                adoption, made = Adoption.objects.get_or_create(
                    centre=centre,
                    resource=resource,
                    defaults={"stage": data["stage"], "started_on": data["started_on"]},
                )
                created += made
            join_request.status = JoinRequest.Status.DONE
            join_request._change_reason = "Adoption enregistrée"
            join_request.save()
        messages.success(
            request,
            _("%(n)d adoption(s) recorded for %(centre)s; the request is marked done.")
            % {"n": created, "centre": centre.name},
        )
        return redirect("toolkit_adoptions:index")
    return TemplateResponse(
        request,
        "toolkit/admin/record_adoption.html",
        {"page_title": _("Record the adoption"), "join_request": join_request, "form": form},
        status=400 if request.method == "POST" else 200,
    )
