"""Follow-up of proposals: milestones added by staff, the paper receipt, and /participer/suivi/.

A milestone (date, text, optional photo through home/images.py, progress) goes on a *selected*
proposal and shows on its page as a timeline; its author and supporters are told (notify.py).
A proposal typed in from paper gets a printed receipt with its reference and a short secret in
the voting-code alphabet; with both, /participer/suivi/ shows its status and timeline, nothing
else, within the same try budgets as voting codes (guessing.py).
"""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from home.images import reencode
from home.permissions import user_is_centre_staff
from participation import guessing
from participation.forms import MAX_PHOTO_BYTES
from participation.models import Milestone, PaperFollowUp, Proposal
from participation.models.follow_up import new_secret

FOLLOWED = (Proposal.Outcome.SELECTED, Proposal.Outcome.IN_PROGRESS, Proposal.Outcome.DONE)
MILESTONE_BOX = (1200, 1200)


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["date", "progress", "text", "photo", "photo_alt"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if isinstance(photo, UploadedFile):
            return reencode(photo, max_bytes=MAX_PHOTO_BYTES, box=MILESTONE_BOX, name="etape.jpg")
        return photo

    def clean(self):
        data = super().clean()
        if data.get("photo") and not (data.get("photo_alt") or "").strip():
            self.add_error("photo_alt", _("Describe the photo in a few words for people who cannot see it."))
        return data


def _staff_proposal(request, pk):
    proposal = get_object_or_404(Proposal.objects.select_related("workshop", "workshop__centre"), pk=pk)
    centre = proposal.workshop.centre
    if centre is None or not user_is_centre_staff(request.user, centre):
        return proposal, False
    return proposal, True


def _forbidden(request):
    return render(request, "participation/admin/forbidden.html", {"page_title": _("Access denied")}, status=403)


def milestones_admin(request, pk):
    """Staff: the timeline of a selected proposal, and a form to add a milestone."""
    proposal, allowed = _staff_proposal(request, pk)
    if not allowed:
        return _forbidden(request)
    followed = proposal.outcome in FOLLOWED
    form = MilestoneForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if not followed:
            status = 400
        elif form.is_valid():
            milestone = form.save(commit=False)
            milestone.proposal = proposal
            milestone.created_by = request.user
            milestone.save()
            from home.page_cache import invalidate_page_cache

            invalidate_page_cache()
            return redirect("participation_admin:milestones", pk=proposal.pk)
        else:
            status = 400
    return render(
        request,
        "participation/admin/milestones.html",
        {
            "page_title": _("Follow-up of %(ref)s") % {"ref": proposal.reference},
            "proposal": proposal,
            "followed": followed,
            "form": form,
            "milestones": proposal.milestones.all(),
        },
        status=status,
    )


@never_cache
@require_POST
def paper_receipt(request, pk):
    """Staff print the receipt of a paper proposal: a new secret each time (the previous receipt stops working)."""
    proposal, allowed = _staff_proposal(request, pk)
    if not allowed:
        return _forbidden(request)
    if not proposal.on_paper:
        return render(
            request,
            "participation/admin/forbidden.html",
            {"page_title": _("Only a proposal collected on paper has a receipt.")},
            status=400,
        )
    secret = new_secret()
    receipt, _created = PaperFollowUp.objects.get_or_create(proposal=proposal, defaults={"salt": "", "digest": ""})
    receipt.set_secret(secret)
    receipt.save()
    response = render(
        request,
        "participation/paper_receipt.html",
        {"proposal": proposal, "secret": f"{secret[:3]}-{secret[3:]}", "workshop": proposal.workshop},
    )
    response["Cache-Control"] = "no-store"
    return response


class FollowUpForm(forms.Form):
    reference = forms.CharField(
        label=gettext_lazy("Reference of the proposal"),
        max_length=24,
        help_text=gettext_lazy("As printed on your receipt, e.g. BEL-2026-0042."),
        error_messages={"required": gettext_lazy("Type the reference printed on your receipt.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )
    secret = forms.CharField(
        label=gettext_lazy("Follow-up code"),
        max_length=12,
        help_text=gettext_lazy("Six letters and digits printed under the reference, e.g. ACD-E34."),
        error_messages={"required": gettext_lazy("Type the follow-up code printed on your receipt.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )

    def clean_reference(self):
        return self.cleaned_data["reference"].strip().upper()


@never_cache
def follow_up(request):
    """Anyone with the receipt: the status and the timeline of that one proposal."""
    form = FollowUpForm(request.POST or None)
    context = {"form": form}
    if request.method != "POST":
        return render(request, "participation/follow_up.html", context)
    if not form.is_valid():
        return render(request, "participation/follow_up.html", context, status=400)
    reference = form.cleaned_data["reference"]
    wait = guessing.wait_for(guessing.follow_up_counters(request, reference))
    if wait:
        context["wait"] = wait
        response = render(request, "participation/follow_up.html", context, status=429)
        response["Retry-After"] = str(wait)
        return response
    receipt = (
        PaperFollowUp.objects.select_related("proposal", "proposal__workshop")
        .filter(proposal__reference=reference, proposal__workshop__live=True)
        .first()
    )
    if receipt is None or not receipt.matches(form.cleaned_data["secret"]):
        guessing.record_follow_up_failure(request, reference)
        form.add_error(None, _("This reference and this code do not go together. Check both on your receipt."))
        return render(request, "participation/follow_up.html", context, status=400)
    proposal = receipt.proposal
    context.update({"proposal": proposal, "milestones": list(proposal.milestones.all()), "form": None})
    return render(request, "participation/follow_up.html", context)


def milestone_photo(request, reference, pk):
    """A milestone's photo, behind the proposal's own checks (participation.views_proposals)."""
    from participation.views_proposals import Refused, _visible_proposal

    try:
        proposal = _visible_proposal(request, reference)
    except Refused as refused:
        return refused.response
    milestone = get_object_or_404(Milestone, pk=pk, proposal=proposal)
    if not milestone.photo:
        raise Http404
    try:
        handle = milestone.photo.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404
    response = FileResponse(handle, content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response
