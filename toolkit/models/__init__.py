from .adoption import Adoption, JoinRequest, NeighbouringCentre
from .feedback import MonthlyUsage, ResourceFeedback
from .pages import (
    RESOURCE_TYPES,
    GuidePage,
    KezakoPage,
    LearningPathItem,
    LearningPathPage,
    MethodCardPage,
    PrototypePage,
    ToolkitIndexPage,
    ToolkitResourcePage,
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
