from .centres import CentrePage, CentreTeamMember, OpeningHours
from .pages import HomePage
from .settings import NetworkSettings

__all__ = ["CentrePage", "CentreTeamMember", "HomePage", "NetworkSettings", "OpeningHours"]
