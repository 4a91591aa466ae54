"""Text a database cannot store: one definition, used by the request guard, forms and JSON documents.

PostgreSQL refuses NUL characters in text and in JSON (SQLite stores them, so a test on SQLite
alone would not notice); a lone UTF-16 surrogate cannot even be encoded to send it; JSON columns
refuse NaN and infinities. Catching them here gives a clear 400 or form error instead of a 500.
"""

import json
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


# --- JSON from outside (imports, hidden form fields): bounded before it is parsed ----------------------
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_JSON_BRACKET = re.compile(r"[\[\]{}]")
MAX_NUMBER_DIGITS = 15


class UnsafeJSON(ValueError):
    """`reason` is "nesting", "number" or "syntax"; `detail` the position or the text at fault."""

    def __init__(self, reason, detail=""):
        super().__init__(reason, detail)
        self.reason = reason
        self.detail = detail


def json_nesting_depth(text):
    """How deeply `text` nests arrays and objects, counted without parsing it (brackets in strings ignored)."""
    depth = deepest = 0
    for match in _JSON_BRACKET.finditer(_JSON_STRING.sub('""', text)):
        depth += 1 if match.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _integer(digits):
    if len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise UnsafeJSON("number", digits[:20])
    return int(digits)


def _decimal(digits):
    if len(digits) > 40:
        raise UnsafeJSON("number", digits[:20])
    value = float(digits)
    if not math.isfinite(value):
        raise UnsafeJSON("number", digits[:20])
    return value


def _constant(name):
    raise UnsafeJSON("number", name)


def parse_json(text, max_depth=MAX_NESTING):
    """json.loads that cannot exhaust the server: bounded nesting (no RecursionError), numbers of at most
    15 digits (no 5,000-digit integer), no NaN or Infinity. Raises UnsafeJSON."""
    if json_nesting_depth(text) > max_depth:
        raise UnsafeJSON("nesting", max_depth)
    try:
        return json.loads(text, parse_int=_integer, parse_float=_decimal, parse_constant=_constant)
    except json.JSONDecodeError as error:
        raise UnsafeJSON("syntax", (error.lineno, error.colno))
    except RecursionError:  # defensive: the depth count above already refuses what could cause it
        raise UnsafeJSON("nesting", max_depth)
