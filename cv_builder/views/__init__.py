from .cvs import cv_bin, cv_copy, cv_create, cv_delete, cv_erase, cv_import, cv_json, cv_list, cv_restore  # noqa: F401
from .editor import cv_detail, cv_pdf, cv_photo, cv_preview, cv_section, cv_settings  # noqa: F401
from .history import cv_history, cv_history_restore, cv_history_version  # noqa: F401
from .length import cv_length  # noqa: F401
from .letter_editor import cv_office, letter_office, letter_pdf, letter_step  # noqa: F401
from .letters import (  # noqa: F401
    letter_copy,
    letter_create,
    letter_delete,
    letter_detail,
    letter_erase,
    letter_history,
    letter_history_restore,
    letter_restore,
)
from .sharing import centre_unshare, cv_share, link_revoke, shared_pdf, shared_photo, shared_view  # noqa: F401
from .staff import staff_home, staff_start  # noqa: F401
