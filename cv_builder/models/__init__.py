from .cv import CV, TEMPLATE_CHOICES  # noqa: F401
from .letter import CoverLetter  # noqa: F401
from .sharing import CentreShare, ShareLink  # noqa: F401
