from .cache import PageCacheState
from .centres import CentrePage, CentreTeamMember, OpeningHours
from .legal import AccessibilityStatementPage
from .news import EventIndexPage, EventPage, NewsIndexPage, NewsPage
from .pages import HomePage, StandardPage
from .settings import NetworkSettings

__all__ = [
    "AccessibilityStatementPage",
    "CentrePage",
    "CentreTeamMember",
    "EventIndexPage",
    "EventPage",
    "HomePage",
    "NetworkSettings",
    "NewsIndexPage",
    "NewsPage",
    "OpeningHours",
    "PageCacheState",
    "StandardPage",
]
