from .adoption import Adoption, JoinRequest, NeighbouringCentre
from .feedback import MonthlyUsage, ResourceFeedback
from .pages import ToolkitIndexPage, ToolkitResourcePage
from .resources import (
    RESOURCE_TYPES,
    GuidePage,
    KezakoPage,
    LearningPathItem,
    LearningPathPage,
    MethodCardPage,
    PrototypePage,
)
from .taxonomy import Audience, Theme

__all__ = [
    "RESOURCE_TYPES",
    "Adoption",
    "Audience",
    "GuidePage",
    "JoinRequest",
    "KezakoPage",
    "LearningPathItem",
    "LearningPathPage",
    "MethodCardPage",
    "MonthlyUsage",
    "NeighbouringCentre",
    "PrototypePage",
    "ResourceFeedback",
    "Theme",
    "ToolkitIndexPage",
    "ToolkitResourcePage",
]
