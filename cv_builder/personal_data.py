"""Personal data: export a person's CVs (JSON Resume) and cover letters, and erase them with their history."""

from .documents import export_document
from .letters.compose import compose
from .models import CV, CoverLetter


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


def export_letters(user):
    letters = CoverLetter.objects.filter(owner=user).select_related("cv").order_by("pk")
    return [
        {
            "title": letter.title,
            "cv": letter.cv.title,
            "template": letter.template,
            "created_at": letter.created_at.isoformat(),
            "in_bin": letter.deleted_at is not None,
            "content": letter.data,
            "text": compose(letter, letter.cv.data),
        }
        for letter in letters
    ]


def erase_letters(user):
    for letter in CoverLetter.objects.filter(owner=user):
        letter.erase()
    CoverLetter.history.filter(owner_id=user.pk).delete()
