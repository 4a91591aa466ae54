"""The CV document: a JSON Resume (v1.0.0) dictionary, validated against the official schema.

French extras live where the schema allows extra keys: `basics.drivingLicences` (list),
`basics.vehicle` (bool), `basics.mobility` (text), and `ongoing: true` on a work or
education entry that is still going on ("en cours").
"""

import json
import re
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from jsonschema import FormatChecker
from jsonschema.validators import validator_for

from home.text import first_unstorable_value

SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "resume-schema-v1.0.0.json"
SCHEMA_VERSION = "v1.0.0"
MAX_STRING = 5000
MAX_ITEMS = 100

DATE_RE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")
FRENCH_MONTH_RE = re.compile(r"^(?P<month>\d{1,2})[/.-](?P<year>\d{4})$")
FRENCH_DAY_RE = re.compile(r"^(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})$")
ONGOING = "en cours"
ONGOING_WORDS = {"en cours", "en-cours", "encours", "aujourd'hui", "aujourd’hui", "actuel", "actuellement"}


def empty_resume():
    return {"basics": {}}


@cache
def schema():
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@cache
def _validator():
    cls = validator_for(schema())
    return cls(schema(), format_checker=FormatChecker())


def schema_errors(document):
    """Messages of the schema errors of `document` (empty when valid)."""
    errors = []
    for error in sorted(_validator().iter_errors(document), key=lambda e: list(e.path)):
        where = "/".join(str(part) for part in error.path) or "(racine)"
        errors.append(f"{where} : {error.message}")
    return errors


def _check_sizes(value, path="", errors=None):
    errors = [] if errors is None else errors
    if isinstance(value, str) and len(value) > MAX_STRING:
        errors.append(_("%(path)s: text too long (%(max)s characters at most).") % {"path": path, "max": MAX_STRING})
    elif isinstance(value, list):
        if len(value) > MAX_ITEMS:
            errors.append(_("%(path)s: too many entries (%(max)s at most).") % {"path": path, "max": MAX_ITEMS})
        for index, item in enumerate(value[:MAX_ITEMS]):
            _check_sizes(item, f"{path}/{index}", errors)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_sizes(item, f"{path}/{key}", errors)
    return errors


def validate_resume(document):
    """Raise ValidationError unless `document` is a JSON Resume our editor can keep."""
    if not isinstance(document, dict):
        raise ValidationError(_("The CV must be a JSON object."))
    if first_unstorable_value(document):
        # NUL, lone surrogates, NaN: PostgreSQL's JSON type refuses them (SQLite would keep them).
        raise ValidationError(_("The CV contains a character or a number that cannot be saved. Retype the text."))
    errors = schema_errors(document) or _check_sizes(document)
    if errors:
        raise ValidationError(errors[:10])


def parse_cv_date(value, allow_ongoing=True):
    """'2024', '2024-03', '03/2024' → ISO partial date; 'en cours' → ONGOING; '' → ''."""
    text = (value or "").strip()
    if not text:
        return ""
    if text.lower() in ONGOING_WORDS:
        if allow_ongoing:
            return ONGOING
        raise ValidationError(_("A start date cannot be “en cours”."), code="ongoing")
    match = FRENCH_MONTH_RE.match(text)
    if match:
        text = f"{match['year']}-{int(match['month']):02d}"
    match = FRENCH_DAY_RE.match(text)
    if match:
        text = f"{match['year']}-{int(match['month']):02d}-{int(match['day']):02d}"
    match = DATE_RE.match(text)
    if not match:
        raise ValidationError(
            _("Write a year (2024), a month and year (03/2024 or 2024-03) or “en cours”."), code="format"
        )
    year = int(match["year"])
    if not 1900 <= year <= 2100:
        raise ValidationError(_("The year %(year)s looks wrong.") % {"year": year}, code="year")
    if match["month"] is not None and not 1 <= int(match["month"]) <= 12:
        raise ValidationError(
            _("The month %(month)s does not exist: write a month between 01 and 12.") % {"month": match["month"]},
            code="month",
        )
    if match["day"] is not None and not 1 <= int(match["day"]) <= 31:
        raise ValidationError(_("The day %(day)s does not exist.") % {"day": match["day"]}, code="day")
    return text


def display_cv_date(value):
    """The way people type a date in France: '2024-03' → '03/2024', '2024-03-15' → '15/03/2024', '2024' stays."""
    if not value:
        return ""
    parts = str(value).split("-")
    return "/".join(reversed(parts))
