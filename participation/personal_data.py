"""Export and erasure of a person's participation data (registered with accounts.personal_data)."""

from participation.models import Ballot, Proposal, ProposalReport, Support


def export(user):
    proposals = Proposal.objects.filter(author=user).select_related("workshop").order_by("created_at")
    supports = (
        Support.objects.filter(ballot__user=user).select_related("proposal", "ballot__workshop").order_by("created_at")
    )
    return {
        "proposals": [
            {
                "reference": p.reference,
                "workshop": p.workshop.title,
                "title": p.title,
                "description": p.description,
                "status": p.status,
                "rejection_reason": p.rejection_reason,
                "outcome": p.outcome,
                "official_answer": p.official_answer,
                "submitted_at": p.created_at.isoformat(),
            }
            for p in proposals
        ],
        "supports": [
            {
                "workshop": s.ballot.workshop.title,
                "proposal": s.proposal.reference,
                "title": s.proposal.title,
                "at": s.created_at.isoformat(),
            }
            for s in supports
        ],
        "reports": [
            {"proposal": r.proposal.reference, "reason": r.reason, "at": r.created_at.isoformat()}
            for r in ProposalReport.objects.filter(reporter=user).select_related("proposal")
        ],
    }


def erase(user):
    """Proposals stay, signed "une habitante ou un habitant"; supports stay counted, no longer linked to the person."""
    from participation.indicators import keep_counts

    keep_counts(user)  # the person stays counted in the indicators, without being named
    Proposal.objects.filter(author=user).update(author=None)
    Proposal.history.filter(author=user).update(author=None)
    Ballot.objects.filter(user=user).update(user=None)
    ProposalReport.objects.filter(reporter=user).update(reporter=None)
