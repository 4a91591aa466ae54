from .codes import VotingCode, generate_code, normalise_code
from .proposals import Proposal, ProposalReport, ReferenceCounter
from .votes import Ballot, PaperTally, Support
from .workshops import Phase, WorkshopIndexPage, WorkshopPage

__all__ = [
    "Ballot",
    "PaperTally",
    "Phase",
    "Proposal",
    "ProposalReport",
    "ReferenceCounter",
    "Support",
    "VotingCode",
    "WorkshopIndexPage",
    "WorkshopPage",
    "generate_code",
    "normalise_code",
]
