"""Public actions: submit a proposal, support or withdraw, enter a voting code, report. No JavaScript needed."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from home.images import resized
from home.page_cache import invalidate_page_cache
from home.permissions import user_is_centre_staff
from participation import access, ballots, guessing, reports, voting, workshop_page
from participation.forms import BallotChoiceForm, CodeForm, ProposalForm, ReportForm
from participation.models import Phase, Proposal, VotingCode, WorkshopPage
from participation.results import ranked_results, results_context, with_counts

# A request body larger than this is refused before it is read (the photo limit is 8 MB).
MAX_PROPOSAL_BODY = 12 * 1024 * 1024


def _workshop(pk, with_centre=True):
    workshops = WorkshopPage.objects.live()
    if with_centre:
        workshops = workshops.select_related("centre")
    return get_object_or_404(workshops, pk=pk)


def _error(request, workshop, message, status):
    return render(request, "participation/action_error.html", {"workshop": workshop, "message": message}, status=status)


def open_workshops(request):
    now = timezone.now()
    workshops = access.visible(
        request, WorkshopPage.open_now(now).select_related("centre").order_by("voting_end", "title")
    )
    for workshop in workshops:
        workshop.current_phase = workshop.phase_at(now)
    recent = access.visible(
        request,
        WorkshopPage.objects.live()
        .filter(Q(results_date__lte=now) | Q(results_date__isnull=True, voting_end__lte=now))
        .select_related("centre")
        .order_by("-voting_end")[:6],
    )
    return render(request, "participation/open_workshops.html", {"workshops": workshops, "recent": recent})


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
            proposal._history_user = request.user
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


# What a vote needs (a page row has dozens of columns; building that SELECT costs more than running it).
# Anything else is loaded on access, only on the rare paths that need it.
VOTE_PROPOSAL_FIELDS = ("pk", "workshop_id", "reference", "title", "status", "hidden_by_reports")
VOTE_WORKSHOP_FIELDS = (
    "id",
    "live",
    "path",
    "depth",
    "title",
    "url_path",
    "locale_id",
    "proposals_start",
    "proposals_end",
    "voting_start",
    "voting_end",
    "results_date",
    "max_supports",
    "hide_counts_during_vote",
    "voters",
)


def _vote_response(request, workshop, proposal, message=None, status=200):
    if request.headers.get("HX-Request"):
        context = workshop_page.workshop_context(workshop, request)
        context["vote_message"] = message
        context["page"] = workshop
        return render(request, "participation/includes/vote_zone.html", context)
    if status >= 400:
        return _error(request, workshop, message, status)
    messages.success(request, message)
    if request.POST.get("back") == "proposal":  # the button on the proposal's own page
        return redirect("participation:proposal", proposal.reference)
    return redirect(f"{workshop.url}#proposition-{proposal.pk}")


def _vote(request, pk, proposal_pk, action):
    # The busiest view of all (everyone votes at the end of a session): the proposal and its live
    # workshop in one query. Anything else (no such workshop, a proposal of another workshop) takes
    # the slower path below, which answers the right 404.
    try:
        proposal = (
            Proposal.objects.select_related("workshop")
            .only(*VOTE_PROPOSAL_FIELDS, *(f"workshop__{name}" for name in VOTE_WORKSHOP_FIELDS))
            .get(pk=proposal_pk, workshop_id=pk, workshop__live=True)
        )
        workshop = proposal.workshop
    except Proposal.DoesNotExist:
        workshop = _workshop(pk, with_centre=False)
        proposal = get_object_or_404(Proposal.objects.only(*VOTE_PROPOSAL_FIELDS), pk=proposal_pk)
    if refused := access.refusal(request, workshop):
        return refused
    voter = ballots.current_voter(request, workshop)
    if voter is None:
        if workshop.accepts_accounts and not request.user.is_authenticated:
            return _vote_response(request, workshop, proposal, _("Log in or enter your voting code to vote."), 403)
        message = ballots.account_refusal_message(request.user, workshop)
        return _vote_response(request, workshop, proposal, message or _("You cannot vote in this workshop."), 403)
    try:
        if action == "support":
            voting.add_support(workshop, proposal, voter)
            message = _("Your support for “%(title)s” is counted.") % {"title": proposal.title}
        else:
            voting.withdraw_support(workshop, proposal, voter)
            message = _("Your support for “%(title)s” is withdrawn.") % {"title": proposal.title}
    except ballots.VoteRefused as refused:
        return _vote_response(request, workshop, proposal, refused.message, refused.status)
    return _vote_response(request, workshop, proposal, message)


@require_POST
def support(request, pk, proposal_pk):
    return _vote(request, pk, proposal_pk, "support")


@require_POST
def withdraw(request, pk, proposal_pk):
    return _vote(request, pk, proposal_pk, "withdraw")


def enter_code(request, pk):
    workshop = _workshop(pk)
    if refused := access.refusal(request, workshop):
        return refused
    if not workshop.accepts_codes:
        raise Http404
    status = 200
    if request.method == "POST" and not workshop.is_voting_open():
        form = CodeForm(request.POST)
        form.is_valid()
        form.add_error("code", _("Voting is not open in this workshop right now."))
        status = 409
    elif request.method == "POST":
        form = CodeForm(request.POST)
        if form.is_valid():
            response, status = _check_code(request, workshop, form)
            if response is not None:
                return response
        else:
            status = 400
    else:
        form = CodeForm(initial={"code": request.GET.get("code", "")[:20]})
    response = render(request, "participation/code_form.html", {"workshop": workshop, "form": form}, status=status)
    if status == 429:
        response["Retry-After"] = str(form.wait_seconds)
    return response


def _check_code(request, workshop, form):
    """(redirect, None) for a good code; (None, status) with an error on the form otherwise."""
    raw = form.cleaned_data["code"]
    wait = guessing.wait_before_check(request, workshop, raw)
    if wait:
        form.wait_seconds = wait
        form.add_error(
            "code",
            ngettext(
                "Many wrong codes were tried here. Wait %(n)d second, then try again.",
                "Many wrong codes were tried here. Wait %(n)d seconds, then try again.",
                wait,
            )
            % {"n": wait}
            if wait < 120
            else _("Many wrong codes were tried here. Wait %(n)d minutes, then try again, or ask the centre's team.")
            % {"n": (wait + 59) // 60},
        )
        return None, 429
    code = VotingCode.find(workshop, raw)
    if code is None:
        guessing.record_failure(request, workshop, raw)
        left = guessing.tries_left(request, workshop, raw)
        message = _("This code is not valid for this workshop. Check each character and try again.")
        if left:
            message += " " + ngettext(
                "You have %(n)d more try before having to wait.",
                "You have %(n)d more tries before having to wait.",
                left,
            ) % {"n": left}
        else:
            message += " " + _("The next try will have to wait a little.")
        form.add_error("code", message)
        return None, 400
    if code.revoked_at:
        form.add_error("code", _("This voting code has been revoked. Ask the centre's team for a new one."))
        return None, 403
    if ballots.account_may_vote(request.user, workshop):
        # One person, one ballot: the code joins the account's ballot.
        try:
            result = ballots.attach_code(workshop, request.user, code)
        except ballots.VoteRefused as refused:
            form.add_error("code", refused.message)
            return None, refused.status
        if result == ballots.CHOOSE:
            ballots.remember_code(request, workshop, code)
            return redirect("participation:choose_ballot", pk=workshop.pk), None
        ballots.forget_code(request, workshop)
        messages.success(
            request,
            _(
                "Your code is now tied to your account: they are one single ballot. "
                "You vote with your account, for %(n)d proposals at most."
            )
            % {"n": workshop.max_supports},
        )
        return redirect(f"{workshop.url}#vote"), None
    ballots.remember_code(request, workshop, code)
    if voting.code_supports_used(code) >= workshop.max_supports:
        messages.warning(
            request,
            _(
                "This code has already been used for all its supports. "
                "You can withdraw a support to choose another proposal."
            ),
        )
    else:
        messages.success(request, _("Your code is accepted. Choose the proposals you support."))
    return redirect(f"{workshop.url}#vote"), None


def choose_ballot(request, pk):
    """Logged in with a code, both having supported proposals: the person chooses once which supports count."""
    workshop = _workshop(pk)
    if refused := access.refusal(request, workshop):
        return refused
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    voter = ballots.current_voter(request, workshop)
    if voter is None or not voter.must_choose:
        return redirect(workshop.url)
    status = 200
    if request.method == "POST":
        form = BallotChoiceForm(request.POST)
        if form.is_valid():
            try:
                ballots.attach_code(workshop, request.user, voter.code, keep=form.cleaned_data["keep"])
            except ballots.VoteRefused as refused:
                return _error(request, workshop, refused.message, refused.status)
            ballots.forget_code(request, workshop)
            messages.success(request, _("Done: your code and your account are now one single ballot."))
            return redirect(f"{workshop.url}#vote")
        status = 400
    else:
        form = BallotChoiceForm()
    context = {
        "workshop": workshop,
        "form": form,
        "account_supports": ballots.supports_of({"ballot__workshop": workshop, "ballot__user": request.user}),
        "code_supports": ballots.supports_of({"ballot__code": voter.code}),
    }
    return render(request, "participation/choose_ballot.html", context, status=status)


@require_POST
def forget_code(request, pk):
    """ "J'ai fini de voter": this device forgets every voting code it was given."""
    workshop = _workshop(pk)
    if refused := access.refusal(request, workshop):
        return refused
    ballots.forget_all_codes(request)
    messages.success(request, _("Thank you for voting. This device has forgotten your code."))
    return redirect(workshop.url)


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


def results(request, pk):
    workshop = _workshop(pk)
    if refused := access.refusal(request, workshop):
        return refused
    phase = workshop.phase
    context = {"workshop": workshop, "phase": phase, "Phase": Phase, "counts_visible": workshop.counts_visible()}
    if context["counts_visible"]:
        ranked = ranked_results(workshop)
        context["proposals"] = ranked
        context.update(results_context(ranked, workshop))
    return render(request, "participation/results.html", context)
