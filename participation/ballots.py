"""Who votes: one person, one ballot per workshop.

A voter is an account (when the workshop accepts accounts, and for "verified residents" workshops
only an account verified at a centre's desk) or a voting code entered on this device.

A code entered by someone logged in whose account may vote is *attached* to the account: the
code's ballot and the account's ballot become one, so together they support at most N proposals.
When both already support proposals, the person chooses once which supports are kept.

A code is remembered in the session only while it is used: "J'ai fini de voter", logging out,
or CODE_IDLE_SECONDS without any use forget it (a shared computer at the centre).
"""

import time
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.verification import is_verified
from participation.models import Ballot, Support, VotingCode

SESSION_CODES_KEY = "participation_codes"
CODE_IDLE_SECONDS = getattr(settings, "PARTICIPATION_CODE_IDLE_SECONDS", 10 * 60)
# The "last used" time is written back at most this often (a session write costs a query).
TOUCH_EVERY_SECONDS = 60


class VoteRefused(Exception):
    def __init__(self, message, status=409):
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass
class Voter:
    user: object = None
    code: VotingCode | None = None
    # A code entered before logging in, while the account also holds supports: the person must choose.
    must_choose: bool = False

    @property
    def label(self):
        if self.code:
            return _("voting code %(code)s") % {"code": self.code.masked}
        return self.user.public_name

    def ballot_filter(self, workshop):
        if self.code:
            return {"ballot__code": self.code}
        return {"ballot__workshop": workshop, "ballot__user": self.user}


# --- the session ------------------------------------------------------------------------------------
def _codes(request):
    return dict(request.session.get(SESSION_CODES_KEY) or {})


def session_code_id(request, workshop):
    """The code entered on this device for this workshop, unless unused for CODE_IDLE_SECONDS."""
    codes = _codes(request)
    entry = codes.get(str(workshop.pk))
    if not isinstance(entry, dict):
        return None
    now = time.time()
    if now - entry.get("seen", 0) > CODE_IDLE_SECONDS:
        forget_code(request, workshop)
        return None
    if now - entry["seen"] > TOUCH_EVERY_SECONDS:
        codes[str(workshop.pk)] = {"id": entry["id"], "seen": now}
        request.session[SESSION_CODES_KEY] = codes
    return entry["id"]


def remember_code(request, workshop, code):
    codes = _codes(request)
    codes[str(workshop.pk)] = {"id": code.pk, "seen": time.time()}
    request.session[SESSION_CODES_KEY] = codes


def forget_code(request, workshop):
    codes = _codes(request)
    if codes.pop(str(workshop.pk), None) is not None:
        request.session[SESSION_CODES_KEY] = codes


def forget_all_codes(request):
    request.session.pop(SESSION_CODES_KEY, None)


def has_codes(request):
    session = getattr(request, "session", None)
    return bool(session is not None and session.get(SESSION_CODES_KEY))


# --- who may vote ----------------------------------------------------------------------------------
def account_may_vote(user, workshop):
    if not workshop.accepts_accounts or user is None or not user.is_authenticated:
        return False
    return not workshop.requires_verification or is_verified(user)


def account_refusal_message(user, workshop):
    """Why this request cannot vote (None when nothing special to say)."""
    if workshop.accepts_accounts and workshop.requires_verification and user.is_authenticated:
        if workshop.accepts_codes:
            return _(
                "Only residents verified at a social centre's desk, or holders of a voting code, may vote here. "
                "Go to the desk of a centre: the team verifies your account in a minute."
            )
        return _(
            "Only residents verified at a social centre's desk may vote here. "
            "Go to the desk of a centre: the team verifies your account in a minute."
        )
    return None


def current_voter(request, workshop):
    """The one ballot this request votes with in this workshop, or None."""
    code = None
    if workshop.accepts_codes and hasattr(request, "session"):
        code_id = session_code_id(request, workshop)
        if code_id:
            code = VotingCode.objects.filter(pk=code_id, workshop=workshop, revoked_at__isnull=True).first()
    user = getattr(request, "user", None)
    if account_may_vote(user, workshop):
        if code is not None:
            # Still in the session: attaching it needed a choice (see attach_code). Only the code votes.
            return Voter(code=code, must_choose=True)
        return Voter(user=user)
    if code is not None:
        return Voter(code=code)
    return None


# --- one person, one ballot ------------------------------------------------------------------------
ATTACHED = "attached"
CHOOSE = "choose"


def attach_code(workshop, user, code, keep=None):
    """Make the code's ballot and the account's ballot one. Returns ATTACHED, or CHOOSE when both voted.

    `keep` ("account" or "code") says whose supports stay when both already support proposals; the
    other ones are withdrawn. Raises VoteRefused when the code belongs to another account's ballot.
    """
    try:
        with transaction.atomic():
            code = VotingCode.objects.select_for_update().get(pk=code.pk)
            code_ballot = Ballot.objects.select_for_update().filter(code=code).first()
            account_ballot = Ballot.objects.select_for_update().filter(workshop=workshop, user=user).first()
            if code_ballot is not None and code_ballot.user_id == user.pk:
                return ATTACHED
            if code_ballot is not None and code_ballot.user_id is not None:
                raise VoteRefused(_("This voting code is already tied to another account."), status=403)
            if account_ballot is not None and account_ballot.code_id is not None:
                raise VoteRefused(
                    _("Your account already votes with another code in this workshop: one person, one ballot."),
                    status=409,
                )
            code_voted = code_ballot is not None and Support.objects.filter(ballot=code_ballot).exists()
            account_voted = account_ballot is not None and Support.objects.filter(ballot=account_ballot).exists()
            if code_voted and account_voted and keep not in ("account", "code"):
                return CHOOSE
            if keep == "account" or (account_voted and not code_voted):
                if code_ballot is not None:
                    code_ballot.delete()
                if account_ballot is None:
                    Ballot.objects.create(workshop=workshop, user=user, code=code)
                else:
                    account_ballot.code = code
                    account_ballot.save(update_fields=["code"])
            else:
                if account_ballot is not None:
                    account_ballot.delete()
                if code_ballot is None:
                    Ballot.objects.create(workshop=workshop, user=user, code=code)
                else:
                    code_ballot.user = user
                    code_ballot.save(update_fields=["user"])
    except IntegrityError:
        # The account's first support landed at the same instant: ask again.
        raise VoteRefused(_("Your vote changed at the same moment. Try again."), status=409)
    return ATTACHED


def supports_of(ballot_filter):
    return list(Support.objects.filter(**ballot_filter).select_related("proposal").order_by("proposal__reference"))


def attach_session_codes(request, user):
    """After logging in: every code of this session joins the account's ballot when no choice is needed."""
    from participation.models import WorkshopPage

    codes = _codes(request)
    if not codes:
        return
    workshops = WorkshopPage.objects.filter(pk__in=[int(pk) for pk in codes]).only(
        "pk", "voters", "path", "depth", "url_path", "title"
    )
    for workshop in workshops:
        code_id = session_code_id(request, workshop)
        code = VotingCode.objects.filter(pk=code_id, workshop=workshop, revoked_at__isnull=True).first()
        if code is None or not account_may_vote(user, workshop):
            continue
        try:
            if attach_code(workshop, user, code) == ATTACHED:
                forget_code(request, workshop)
        except VoteRefused:
            forget_code(request, workshop)
