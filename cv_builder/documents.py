"""JSON Resume export/import and the picture processing the views share."""

import json

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import TEMPLATE_CHOICES
from .resume import SCHEMA_VERSION, _check_sizes, schema_errors

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
    try:
        text = raw_bytes.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(_("This file is not a text file in UTF-8. Choose the .json file of a CV."))
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValidationError(
            _("This file is not valid JSON (line %(line)s, column %(column)s). Nothing was imported.")
            % {"line": error.lineno, "column": error.colno}
        )
    if not isinstance(document, dict):
        raise ValidationError(_("This file is not a JSON Resume CV (it should be an object with “basics”)."))
    errors = schema_errors(document)
    if errors:
        raise ValidationError(
            [_("This file does not follow the JSON Resume schema. Nothing was imported.")] + errors[:3]
        )
    size_errors = _check_sizes(document)
    if size_errors:
        raise ValidationError(size_errors[:3])
    meta = document.pop("meta", None) or {}
    document.pop("$schema", None)
    info = meta.get("cvBuilder") if isinstance(meta.get("cvBuilder"), dict) else {}
    title = str(info.get("title") or "").strip()[:120] or _("Imported CV")
    template = info.get("template") if info.get("template") in TEMPLATES else "classic"
    document.setdefault("basics", {})
    return document, title, template
