"""Supporting a proposal: one person counted once, the per-voter quota held under concurrency."""

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from participation.ballots import VoteRefused
from participation.models import Ballot, Support, VotingCode


def supported_ids(voter, workshop):
    if voter is None:
        return set()
    return set(Support.objects.filter(**voter.ballot_filter(workshop)).values_list("proposal_id", flat=True))


# --- supporting ---------------------------------------------------------------------------------
def _check_votable(workshop, proposal):
    if not workshop.is_voting_open():
        raise VoteRefused(_("Voting is not open in this workshop right now."), status=409)
    if proposal.workshop_id != workshop.pk or not proposal.is_public:
        raise VoteRefused(_("This proposal cannot be found in this workshop."), status=404)


def _locked_ballot(workshop, voter):
    """The voter's ballot row, locked until the end of the transaction (the per-voter quota)."""
    if voter.code:
        code = VotingCode.objects.select_for_update().get(pk=voter.code.pk)
        if code.revoked_at:
            raise VoteRefused(_("This voting code has been revoked."), status=403)
        ballot, _created = Ballot.objects.get_or_create(code=code, defaults={"workshop": workshop})
        return ballot
    try:
        # At most one row (unique constraint): get() needs no ORDER BY, unlike first().
        return Ballot.objects.select_for_update().get(workshop=workshop, user=voter.user)
    except Ballot.DoesNotExist:
        # First support of this voter: two simultaneous first clicks meet the unique constraint,
        # the loser reads (and locks) the winner's row.
        ballot, _created = Ballot.objects.get_or_create(workshop=workshop, user=voter.user)
        return Ballot.objects.select_for_update().get(pk=ballot.pk)


def _refusal(ballot, proposal, workshop):
    if Support.objects.filter(ballot=ballot, proposal=proposal).exists():
        return VoteRefused(_("You already support this proposal."))
    return VoteRefused(
        ngettext(
            "You may support only %(n)d proposal in this workshop. Withdraw it to choose another one.",
            "You may support only %(n)d proposals in this workshop. "
            "Withdraw one of your supports to choose another one.",
            workshop.max_supports,
        )
        % {"n": workshop.max_supports}
    )


def _insert_within_quota(ballot, proposal, limit):
    """Insert the support only if the ballot has fewer than `limit` supports and not this one yet.

    One statement instead of a read then an insert (the busiest write of the site). Runs while the
    ballot row is locked, so the count cannot change under it; the unique constraint stays the last
    word (ON CONFLICT DO NOTHING, or an IntegrityError on a race the lock did not cover).
    Returns whether a row was inserted.
    """
    table = connection.ops.quote_name(Support._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (ballot_id, proposal_id, created_at) "  # noqa: S608 (table name from the model)
            f"SELECT %s, %s, %s WHERE (SELECT COUNT(*) FROM {table} WHERE ballot_id = %s) < %s "
            "ON CONFLICT (proposal_id, ballot_id) DO NOTHING",
            [ballot.pk, proposal.pk, connection.ops.adapt_datetimefield_value(timezone.now()), ballot.pk, limit],
        )
        return cursor.rowcount == 1


def add_support(workshop, proposal, voter):
    _check_votable(workshop, proposal)
    try:
        with transaction.atomic():
            ballot = _locked_ballot(workshop, voter)
            if not _insert_within_quota(ballot, proposal, workshop.max_supports):
                raise _refusal(ballot, proposal, workshop)
    except IntegrityError:
        # Two clicks at the same instant: the unique constraint kept only one.
        raise VoteRefused(_("You already support this proposal."))


def withdraw_support(workshop, proposal, voter):
    _check_votable(workshop, proposal)
    with transaction.atomic():
        deleted, _detail = Support.objects.filter(proposal=proposal, **voter.ballot_filter(workshop)).delete()
    if not deleted:
        raise VoteRefused(_("You were not supporting this proposal."))


def code_supports_used(code):
    return Support.objects.filter(ballot__code=code).count()
