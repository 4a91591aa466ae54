from .codes import VotingCode, generate_code, normalise_code
from .follow_up import Milestone, PaperFollowUp
from .proposals import Proposal, ProposalReport, ReferenceCounter
from .tallies import PaperTally, TallyEntry, TallySheet
from .votes import Ballot, Support
from .workshops import Phase, WorkshopIndexPage, WorkshopPage

__all__ = [
    "Ballot",
    "PaperTally",
    "Milestone",
    "PaperFollowUp",
    "Phase",
    "Proposal",
    "ProposalReport",
    "ReferenceCounter",
    "Support",
    "TallyEntry",
    "TallySheet",
    "VotingCode",
    "WorkshopIndexPage",
    "WorkshopPage",
    "generate_code",
    "normalise_code",
]
