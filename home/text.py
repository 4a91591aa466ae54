"""Text a database cannot store: one definition, used by the request guard, forms and JSON documents.

PostgreSQL refuses NUL characters in text and in JSON (SQLite stores them, so a test on SQLite
alone would not notice); a lone UTF-16 surrogate cannot even be encoded to send it; JSON columns
refuse NaN and infinities. Catching them here gives a clear 400 or form error instead of a 500.
"""

import math
import re

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

UNSTORABLE_CHARACTER = re.compile("[\x00\ud800-\udfff]")
MAX_NESTING = 20


def has_unstorable_character(text):
    return bool(UNSTORABLE_CHARACTER.search(text))


def first_unstorable_value(value, depth=0):
    """A short reason when `value` (text, number, or nested lists/dicts of them) cannot be stored, else ''."""
    if depth > MAX_NESTING:
        return "nesting"
    if isinstance(value, str):
        return "character" if has_unstorable_character(value) else ""
    if isinstance(value, float):
        return "" if math.isfinite(value) else "number"
    if isinstance(value, dict):
        for key, item in value.items():
            reason = first_unstorable_value(key, depth + 1) or first_unstorable_value(item, depth + 1)
            if reason:
                return reason
        return ""
    if isinstance(value, list | tuple):
        for item in value:
            reason = first_unstorable_value(item, depth + 1)
            if reason:
                return reason
    return ""


UNSTORABLE_MESSAGES = {
    "character": _("This text contains an invisible control character that cannot be saved. Retype it."),
    "number": _("This document contains a number that is not a real number (NaN or infinity)."),
    "nesting": _("This document is nested too deeply."),
}


@deconstructible
class StorableValidator:
    """Form-field or model-field validator: refuses values the database cannot store."""

    def __call__(self, value):
        reason = first_unstorable_value(value)
        if reason:
            raise ValidationError(UNSTORABLE_MESSAGES[reason], code=f"unstorable_{reason}")

    def __eq__(self, other):
        return isinstance(other, StorableValidator)


validate_storable = StorableValidator()


def storable_text(value):
    """`value` with the characters a database refuses removed (for text shown back, e.g. a search box)."""
    return UNSTORABLE_CHARACTER.sub("", value)
