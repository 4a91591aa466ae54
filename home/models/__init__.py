from .cache import PageCacheState
from .centres import CentrePage, CentreTeamMember, OpeningHours
from .indicators import AnnualReportComment, ErasedCount
from .legal import AccessibilityStatementPage
from .news import EventIndexPage, EventPage, NewsIndexPage, NewsPage
from .pages import HomePage, StandardPage
from .settings import NetworkSettings

__all__ = [
    "AccessibilityStatementPage",
    "AnnualReportComment",
    "CentrePage",
    "CentreTeamMember",
    "EventIndexPage",
    "ErasedCount",
    "EventPage",
    "HomePage",
    "NetworkSettings",
    "NewsIndexPage",
    "NewsPage",
    "OpeningHours",
    "PageCacheState",
    "StandardPage",
]
