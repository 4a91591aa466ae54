"""Proposals: put one forward, read it, see its photo, report it."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from home.images import resized
from home.page_cache import invalidate_page_cache
from home.permissions import user_is_centre_staff
from participation import access, reports, workshop_page
from participation.forms import ProposalForm, ReportForm
from participation.models import Proposal
from participation.models.counts import with_counts
from participation.views import _error, _workshop

# A request body larger than this is refused before it is read (the photo limit is 8 MB).
MAX_PROPOSAL_BODY = 12 * 1024 * 1024


def submit_proposal(request, pk):
    workshop = _workshop(pk)
    if refused := access.refusal(request, workshop):
        return refused
    if not request.user.is_authenticated:
        messages.info(
            request,
            _(
                "To put forward an idea, log in. No account yet? Create one below: it takes a minute, "
                "no email address needed."
            ),
        )
        return redirect_to_login(request.get_full_path())
    if not workshop.accepts_proposals():
        return _error(request, workshop, _("Proposals are not open in this workshop right now."), 409)
    if request.method == "POST":
        if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_PROPOSAL_BODY:
            return _error(
                request,
                workshop,
                _("What you sent is too large. A photo may weigh 8 MB at most: choose a smaller photo and try again."),
                413,
            )
        form = ProposalForm(request.POST, request.FILES)
        if form.is_valid():
            proposal = form.save(commit=False)
            proposal.workshop = workshop
            proposal.author = request.user
            proposal.save()
            messages.success(
                request,
                _(
                    "Thank you! Your proposal has reference %(ref)s. "
                    "The centre's team will read it before publishing it."
                )
                % {"ref": proposal.reference},
            )
            return redirect(workshop.url)
        status = 400
    else:
        form = ProposalForm()
        status = 200
    return render(request, "participation/proposal_form.html", {"workshop": workshop, "form": form}, status=status)


class Refused(Exception):
    def __init__(self, response):
        self.response = response


def _visible_proposal(request, reference):
    """The proposal, if this request may see it; raises Refused (a workshop's restriction) or Http404."""
    proposal = get_object_or_404(
        Proposal.objects.select_related("workshop", "workshop__centre", "author"), reference=reference
    )
    workshop = proposal.workshop
    if not workshop.live:
        raise Http404
    if refused := access.refusal(request, workshop):
        raise Refused(refused)
    user = request.user
    if proposal.is_public:
        return proposal
    if user.is_authenticated and (proposal.author_id == user.pk or user_is_centre_staff(user, workshop.centre)):
        return proposal
    raise Http404


def proposal_view(view):
    @wraps(view)
    def wrapper(request, reference):
        try:
            proposal = _visible_proposal(request, reference)
        except Refused as refused:
            return refused.response
        return view(request, proposal)

    return wrapper


@proposal_view
def proposal_detail(request, proposal):
    workshop = proposal.workshop
    counts = None
    if proposal.is_public and workshop.counts_visible():
        counts = with_counts([proposal])[0]
    context = {"proposal": proposal, "workshop": workshop, "counts": counts, "page": workshop}
    if proposal.is_public and workshop.is_voting_open():
        context.update(workshop_page.proposal_vote_context(workshop, proposal, request))
    return render(request, "participation/proposal_detail.html", context)


# The sizes visitors get: a thumbnail in lists, a medium size on the proposal's page. Never the original.
PHOTO_SIZES = {"vignette": (480, 360), "moyenne": (960, 720)}


@proposal_view
def photo(request, proposal):
    """The proposal's photo at a visitor's size, behind the same checks as the proposal (a private
    workshop's photos stay private). Each size is made once from the kept file, then stored beside it."""
    if not proposal.photo:
        raise Http404
    size = request.GET.get("taille", "moyenne")
    if size not in PHOTO_SIZES:
        size = "moyenne"
    storage = proposal.photo.storage
    name = f"{proposal.photo.name.rsplit('.', 1)[0]}.{size}.jpg"
    try:
        if not storage.exists(name):
            with proposal.photo.open("rb") as original:
                data = resized(original, box=PHOTO_SIZES[size])
            name = storage.save(name, ContentFile(data))
        handle = storage.open(name, "rb")
    except (FileNotFoundError, OSError, ValidationError):
        raise Http404
    response = FileResponse(handle, content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600" if access.is_restricted(proposal.workshop) else "max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@proposal_view
def report(request, proposal):
    if not proposal.is_public:
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    status = 200
    if request.method == "POST":
        form = ReportForm(request.POST)
        if form.is_valid():
            if reports.report_proposal(proposal, request.user, form.cleaned_data["reason"]):
                messages.success(request, _("Thank you. The centre's team will look at your report."))
            else:
                messages.info(request, _("You have already reported this proposal."))
            invalidate_page_cache()
            return redirect(proposal.workshop.url)
        status = 400
    else:
        form = ReportForm()
    return render(
        request,
        "participation/report_form.html",
        {"proposal": proposal, "form": form, "workshop": proposal.workshop},
        status=status,
    )
