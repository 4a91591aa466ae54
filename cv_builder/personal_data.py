"""Personal data: export a person's CVs (JSON Resume) and erase them with their history."""

from .documents import export_document
from .models import CV


def export_cvs(user):
    return [
        {
            "title": cv.title,
            "template": cv.template,
            "created_at": cv.created_at.isoformat(),
            "in_bin": cv.deleted_at is not None,
            "resume": export_document(cv),
        }
        for cv in CV.objects.filter(owner=user).order_by("pk")
    ]


def erase_cvs(user):
    for cv in CV.objects.filter(owner=user):
        cv.erase()
    # History rows of CVs already gone (and those this person authored as the owner).
    CV.history.filter(owner_id=user.pk).delete()
