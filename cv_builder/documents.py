"""JSON Resume export, and import (the checks themselves are in importing.py)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from .importing import read_document
from .models import TEMPLATE_CHOICES
from .resume import SCHEMA_VERSION

SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
TEMPLATES = {value for value, _label in TEMPLATE_CHOICES}


def export_document(cv):
    document = {"$schema": SCHEMA_URL, **cv.data}
    document["meta"] = {
        "version": SCHEMA_VERSION,
        "lastModified": timezone.localtime(cv.updated_at).strftime("%Y-%m-%dT%H:%M:%S") if cv.updated_at else "",
        "cvBuilder": {"title": cv.title, "template": cv.template},
    }
    return document


def parse_import(raw_bytes):
    """(data, title, template) from an uploaded JSON Resume file; ValidationError with plain messages."""
    document = read_document(raw_bytes)
    meta = document.pop("meta", None) or {}
    document.pop("$schema", None)
    info = meta.get("cvBuilder") if isinstance(meta, dict) and isinstance(meta.get("cvBuilder"), dict) else {}
    title = info.get("title") if isinstance(info.get("title"), str) else ""
    title = title.strip()[:120] or _("Imported CV")
    template = info.get("template") if isinstance(info.get("template"), str) else ""
    template = template if template in TEMPLATES else "classic"
    document.setdefault("basics", {})
    return document, title, template
