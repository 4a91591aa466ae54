"""Public actions: submit a proposal, support or withdraw, enter a voting code, report. No JavaScript needed."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.page_cache import invalidate_page_cache
from home.permissions import user_is_centre_staff
from participation import services
from participation.forms import CodeForm, ProposalForm, ReportForm
from participation.models import Phase, Proposal, VotingCode, WorkshopPage

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
    workshops = list(WorkshopPage.open_now(now).select_related("centre").order_by("voting_end", "title"))
    for workshop in workshops:
        workshop.current_phase = workshop.phase_at(now)
    recent = list(
        WorkshopPage.objects.live()
        .filter(Q(results_date__lte=now) | Q(results_date__isnull=True, voting_end__lte=now))
        .select_related("centre")
        .order_by("-voting_end")[:6]
    )
    return render(request, "participation/open_workshops.html", {"workshops": workshops, "recent": recent})


def submit_proposal(request, pk):
    workshop = _workshop(pk)
    if not request.user.is_authenticated:
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
VOTE_PROPOSAL_FIELDS = ("pk", "workshop_id", "title", "status", "hidden_by_reports")
VOTE_WORKSHOP_FIELDS = (
    "id",
    "live",
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
        context = services.workshop_context(workshop, request)
        context["vote_message"] = message
        context["page"] = workshop
        return render(request, "participation/includes/vote_zone.html", context)
    if status >= 400:
        return _error(request, workshop, message, status)
    messages.success(request, message)
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
        proposal = get_object_or_404(
            Proposal.objects.only("pk", "workshop_id", "title", "status", "hidden_by_reports"), pk=proposal_pk
        )
    voter = services.current_voter(request, workshop)
    if voter is None:
        if workshop.accepts_accounts and not request.user.is_authenticated:
            return _vote_response(request, workshop, proposal, _("Log in or enter your voting code to vote."), 403)
        return _vote_response(request, workshop, proposal, _("You cannot vote in this workshop."), 403)
    try:
        if action == "support":
            services.add_support(workshop, proposal, voter)
            message = _("Your support for “%(title)s” is counted.") % {"title": proposal.title}
        else:
            services.withdraw_support(workshop, proposal, voter)
            message = _("Your support for “%(title)s” is withdrawn.") % {"title": proposal.title}
    except services.VoteRefused as refused:
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
        if services.code_attempts_blocked(request, workshop):
            form.is_valid()
            form.add_error(
                "code", _("Too many wrong codes were tried. Wait a quarter of an hour, or ask the centre's team.")
            )
            status = 429
        elif form.is_valid():
            code = VotingCode.find(workshop, form.cleaned_data["code"])
            if code is None:
                services.record_code_failure(request, workshop)
                form.add_error(
                    "code", _("This code is not valid for this workshop. Check each character and try again.")
                )
                status = 400
            elif code.revoked_at:
                form.add_error("code", _("This voting code has been revoked. Ask the centre's team for a new one."))
                status = 403
            else:
                services.remember_code(request, workshop, code)
                used = services.code_supports_used(code)
                if used >= workshop.max_supports:
                    messages.warning(
                        request,
                        _(
                            "This code has already been used for all its supports. "
                            "You can withdraw a support to choose another proposal."
                        ),
                    )
                else:
                    messages.success(request, _("Your code is accepted. Choose the proposals you support."))
                return redirect(f"{workshop.url}#vote")
        else:
            status = 400
    else:
        form = CodeForm(initial={"code": request.GET.get("code", "")[:20]})
    return render(request, "participation/code_form.html", {"workshop": workshop, "form": form}, status=status)


@require_POST
def forget_code(request, pk):
    workshop = _workshop(pk)
    services.forget_code(request, workshop)
    messages.success(request, _("You stopped voting with this code on this device."))
    return redirect(workshop.url)


def _visible_proposal(request, reference):
    proposal = get_object_or_404(
        Proposal.objects.select_related("workshop", "workshop__centre", "author"), reference=reference
    )
    workshop = proposal.workshop
    if not workshop.live:
        raise Http404
    user = request.user
    if proposal.is_public:
        return proposal
    if user.is_authenticated and (proposal.author_id == user.pk or user_is_centre_staff(user, workshop.centre)):
        return proposal
    raise Http404


def proposal_detail(request, reference):
    proposal = _visible_proposal(request, reference)
    workshop = proposal.workshop
    counts = None
    if proposal.is_public and workshop.counts_visible():
        counts = services.with_counts([proposal])[0]
    return render(
        request,
        "participation/proposal_detail.html",
        {"proposal": proposal, "workshop": workshop, "counts": counts, "page": workshop},
    )


def report(request, reference):
    proposal = _visible_proposal(request, reference)
    if not proposal.is_public:
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    status = 200
    if request.method == "POST":
        form = ReportForm(request.POST)
        if form.is_valid():
            if services.report_proposal(proposal, request.user, form.cleaned_data["reason"]):
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
    phase = workshop.phase
    context = {"workshop": workshop, "phase": phase, "Phase": Phase, "counts_visible": workshop.counts_visible()}
    if context["counts_visible"]:
        ranked = services.ranked_results(workshop)
        context["proposals"] = ranked
        context.update(services.results_context(ranked, workshop))
    return render(request, "participation/results.html", context)
