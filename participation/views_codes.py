"""Voting codes on a workshop: enter a code, choose which ballot counts, forget the codes of this device."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from participation import access, ballots, guessing, voting
from participation.forms import BallotChoiceForm, CodeForm
from participation.models import VotingCode
from participation.views import _error, _workshop


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
