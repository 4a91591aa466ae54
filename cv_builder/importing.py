"""Reading an uploaded JSON Resume: it either fits what the editor can then save, or it is refused
with one plain sentence per problem that names the section and the entry.

The limits are the editor's own (its forms' `max_length`, its 30 entries per list), read from the
form classes so that the two cannot drift apart.
"""

import json

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.text import UnsafeJSON, has_unstorable_character, parse_json

from . import forms as f
from .resume import MAX_ITEMS, MAX_STRING, _validator, parse_cv_date
from .sections import MAX_ENTRIES

MAX_DEPTH = 10  # basics.location.city is 3 deep, work[].highlights[] 3: room to spare, no recursion bomb
MAX_PROBLEMS = 5

SECTION_NAMES = {
    "basics": gettext_lazy("Identity"),
    "work": gettext_lazy("Experience"),
    "education": gettext_lazy("Training"),
    "skills": gettext_lazy("Skill"),
    "languages": gettext_lazy("Language"),
    "interests": gettext_lazy("Interest"),
    "volunteer": gettext_lazy("Volunteering"),
    "projects": gettext_lazy("Project"),
    "awards": gettext_lazy("Award"),
    "certificates": gettext_lazy("Certificate"),
    "publications": gettext_lazy("Publication"),
    "references": gettext_lazy("Reference"),
    "meta": gettext_lazy("File information"),
}

FIELD_NAMES = {
    "name": gettext_lazy("the name"),
    "label": gettext_lazy("the job sought"),
    "email": gettext_lazy("the email address"),
    "phone": gettext_lazy("the phone number"),
    "summary": gettext_lazy("the description"),
    "position": gettext_lazy("the job title"),
    "location": gettext_lazy("the place"),
    "address": gettext_lazy("the street"),
    "postalCode": gettext_lazy("the postcode"),
    "city": gettext_lazy("the town"),
    "startDate": gettext_lazy("the start date"),
    "endDate": gettext_lazy("the end date"),
    "date": gettext_lazy("the date"),
    "releaseDate": gettext_lazy("the date"),
    "studyType": gettext_lazy("the diploma"),
    "institution": gettext_lazy("the school"),
    "area": gettext_lazy("the field"),
    "language": gettext_lazy("the language"),
    "fluency": gettext_lazy("the level"),
    "url": gettext_lazy("the web address"),
    "mobility": gettext_lazy("the mobility"),
    "drivingLicences": gettext_lazy("the driving licences"),
    "template": gettext_lazy("the look"),
    "title": gettext_lazy("the title"),
}


def _max(form, field):
    return form.base_fields[field].max_length


# (section, key) → the editor field's max_length; ("basics", "location.city") for nested basics.
EDITOR_TEXT_LIMITS = {
    ("basics", "name"): _max(f.IdentityForm, "name"),
    ("basics", "phone"): _max(f.IdentityForm, "phone"),
    ("basics", "email"): _max(f.IdentityForm, "email"),
    ("basics", "location.address"): _max(f.IdentityForm, "address"),
    ("basics", "location.postalCode"): _max(f.IdentityForm, "postal_code"),
    ("basics", "location.city"): _max(f.IdentityForm, "city"),
    ("basics", "label"): _max(f.JobForm, "label"),
    ("basics", "summary"): _max(f.JobForm, "summary"),
    ("basics", "mobility"): _max(f.MobilityForm, "mobility"),
    ("work", "position"): _max(f.WorkForm, "position"),
    ("work", "name"): _max(f.WorkForm, "name"),
    ("work", "location"): _max(f.WorkForm, "location"),
    ("work", "summary"): _max(f.WorkForm, "summary"),
    ("education", "studyType"): _max(f.EducationForm, "study_type"),
    ("education", "institution"): _max(f.EducationForm, "institution"),
    ("education", "area"): _max(f.EducationForm, "area"),
    ("skills", "name"): _max(f.SkillForm, "name"),
    ("languages", "language"): _max(f.LanguageForm, "language"),
    ("languages", "fluency"): f.SHORT,
    ("interests", "name"): _max(f.InterestForm, "name"),
}
EDITOR_LISTS = {"work", "education", "skills", "languages", "interests"}
DATE_KEYS = {("work", "startDate"), ("work", "endDate"), ("education", "startDate"), ("education", "endDate")}
EXTRA_LIMIT = f.ExtraKeysField().max_length  # the other keys of an entry travel in one hidden field


def _where(path):
    """'Expérience n° 3' / 'Identité' / 'La rubrique « foo »' for a path like ['work', 2, 'endDate']."""
    if not path:
        return _("The file")
    section = str(path[0])
    name = SECTION_NAMES.get(section)
    if name is None:
        return _("The section “%(section)s”") % {"section": section[:40]}
    if len(path) > 1 and isinstance(path[1], int):
        return _("%(section)s no. %(number)s") % {"section": name, "number": path[1] + 1}
    return str(name)


def _field(path):
    for part in reversed(list(path)):
        if isinstance(part, str) and part not in SECTION_NAMES:
            return str(FIELD_NAMES.get(part) or _("the field “%(field)s”") % {"field": part[:40]})
    return _("this part")


def sentence(path, problem):
    return _("%(where)s: %(problem)s.") % {"where": _where(path), "problem": problem}


def _schema_problem(error):
    path = list(error.absolute_path)
    field = _field(path)
    if error.validator == "additionalProperties" and not path:
        unknown = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        missing = (unknown[0] if unknown else "?")[:40]
        return sentence([], _("the section “%(section)s” does not exist in a JSON Resume CV") % {"section": missing})
    if error.validator == "pattern":
        problem = _("%(field)s is not a date (write 2024, 2024-03 or 2024-03-15)") % {"field": field}
    elif error.validator == "format" and error.validator_value == "email":
        problem = _("%(field)s is not a valid email address") % {"field": field}
    elif error.validator == "format":
        problem = _("%(field)s is not a valid web address") % {"field": field}
    elif error.validator == "type" and error.validator_value == "string":
        problem = _("%(field)s is not a text") % {"field": field}
    elif error.validator == "type" and error.validator_value == "array":
        problem = _("%(field)s should be a list") % {"field": field} if path[1:] else _("this section should be a list")
    else:
        problem = _("%(field)s is not in the expected form") % {"field": field}
    return sentence(path, problem)


def _too_long(path, field_path, limit, length):
    return sentence(
        path,
        _("%(field)s has too many characters (%(length)s, %(max)s at most in the editor)")
        % {"field": _field(field_path), "length": length, "max": limit},
    )


def _entry_problems(section, index, entry):
    path = [section, index]
    known = {key for (name, key) in EDITOR_TEXT_LIMITS if name == section}
    for key, value in entry.items():
        limit = EDITOR_TEXT_LIMITS.get((section, key))
        if limit and isinstance(value, str) and len(value) > limit:
            yield _too_long(path, [key], limit, len(value))
        if (section, key) in DATE_KEYS and isinstance(value, str) and value:
            try:
                parse_cv_date(value)
            except ValidationError:
                yield sentence(
                    path, _("%(field)s is not a date (write 2024, 2024-03 or 2024-03-15)") % {"field": _field([key])}
                )
    extra = {key: value for key, value in entry.items() if key not in known and (section, key) not in DATE_KEYS}
    if len(json.dumps(extra, ensure_ascii=False)) > EXTRA_LIMIT:
        yield sentence(path, _("its other details are too long (%(max)s characters at most)") % {"max": EXTRA_LIMIT})


def _basics_problems(basics):
    location = basics.get("location") if isinstance(basics.get("location"), dict) else {}
    values = {**{key: basics.get(key) for key in basics}, **{f"location.{k}": v for k, v in location.items()}}
    for (section, key), limit in EDITOR_TEXT_LIMITS.items():
        value = values.get(key)
        if section == "basics" and isinstance(value, str) and len(value) > limit:
            yield _too_long(["basics"], key.split("."), limit, len(value))
    email = basics.get("email")
    if isinstance(email, str) and email:
        try:
            validate_email(email)
        except ValidationError:
            yield sentence(["basics"], _("%(field)s is not a valid email address") % {"field": _field(["email"])})


def _unstorable_problems(value, path):
    """NUL bytes, lone surrogates: PostgreSQL's JSON type refuses them (a NaN never gets past parse_json)."""
    if isinstance(value, str):
        if has_unstorable_character(value):
            yield sentence(path, _("%(field)s contains an invisible control character") % {"field": _field(path)})
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _unstorable_problems(item, [*path, index])
    elif isinstance(value, dict):
        for key, item in value.items():
            if has_unstorable_character(key):
                yield sentence(path, _("a field name contains an invisible control character"))
            else:
                yield from _unstorable_problems(item, [*path, key])


def _size_problems(value, path):
    """Every text and list anywhere: the sizes validate_resume keeps on each save of the editor."""
    if isinstance(value, str) and len(value) > MAX_STRING:
        yield _too_long(path, path, MAX_STRING, len(value))
    elif isinstance(value, list):
        if len(value) > MAX_ITEMS:
            yield sentence(
                path, _("too many entries (%(count)s, %(max)s at most)") % {"count": len(value), "max": MAX_ITEMS}
            )
        for index, item in enumerate(value[:MAX_ITEMS]):
            yield from _size_problems(item, [*path, index])
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _size_problems(item, [*path, key])


def editor_problems(document):
    """Plain sentences for what the editor could not save, in the order of the document."""
    if isinstance(document.get("basics"), dict):
        yield from _basics_problems(document["basics"])
    for section in EDITOR_LISTS:
        entries = document.get(section)
        if not isinstance(entries, list):
            continue
        count = len(entries)
        if section == "languages":
            count = sum(1 for entry in entries if isinstance(entry, dict) and entry.get("fluency") != f.MOTHER_TONGUE)
        if count > MAX_ENTRIES:
            yield _("%(section)s: too many entries (%(count)s, %(max)s at most in the editor).") % {
                "section": SECTION_NAMES[section],
                "count": count,
                "max": MAX_ENTRIES,
            }
        for index, entry in enumerate(entries[:MAX_ITEMS]):
            if isinstance(entry, dict):
                yield from _entry_problems(section, index, entry)
    yield from _size_problems(document, [])


def _first(problems):
    found = []
    for problem in problems:
        if problem not in found:
            found.append(problem)
        if len(found) >= MAX_PROBLEMS:
            break
    return found


def read_document(raw_bytes):
    """The JSON Resume document of an upload, or ValidationError with plain-French sentences."""
    try:
        text = raw_bytes.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(_("This file is not a text file in UTF-8. Choose the .json file of a CV."))
    try:
        document = parse_json(text, max_depth=MAX_DEPTH)
    except UnsafeJSON as error:
        if error.reason == "nesting":
            message = _("This file nests its parts too deeply (%(max)s levels at most): it is not a CV.") % {
                "max": MAX_DEPTH
            }
        elif error.reason == "number":
            message = _("This file contains a number that is too long or not a number (“%(number)s”).") % {
                "number": error.detail
            }
        else:
            line, column = error.detail
            message = _("This file is not valid JSON (line %(line)s, column %(column)s). Nothing was imported.") % {
                "line": line,
                "column": column,
            }
        raise ValidationError(message)
    if not isinstance(document, dict):
        raise ValidationError(_("This file is not a JSON Resume CV (it should be an object with “basics”)."))
    problems = _first(_unstorable_problems(document, []))
    if not problems:
        errors = sorted(_validator().iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path])
        problems = _first(_schema_problem(error) for error in errors)
    if not problems:
        problems = _first(editor_problems(document))
    if problems:
        raise ValidationError(
            [_("Nothing was imported. Correct these points in the file, then import it again:")] + problems
        )
    return document
