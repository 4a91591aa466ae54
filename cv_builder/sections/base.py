"""What every editor step shares: reading a part of the JSON Resume document into forms and writing it back."""

import json
from dataclasses import dataclass

from django import forms

from ..resume import ONGOING, display_cv_date

MAX_ENTRIES = 30
HIDDEN_KEY = "hidden"  # an entry kept in the document but not printed on this CV ("Masquer sur ce CV")


def clean(entry):
    return {key: value for key, value in entry.items() if value not in ("", None, [], False)}


def dates_to_form(item, start_key="startDate", end_key="endDate"):
    # Shown the way people type them (03/2019), stored as the schema wants (2019-03).
    return {
        "start": display_cv_date(item.get(start_key, "")),
        "end": ONGOING if item.get("ongoing") else display_cv_date(item.get(end_key, "")),
    }


def dates_from_form(data):
    result = {"startDate": data.get("start", "")}
    if data.get("end") == ONGOING:
        result["ongoing"] = True
    else:
        result["endDate"] = data.get("end", "")
    return result


@dataclass
class Section:
    slug: str
    title: str
    intro: str
    form_class: type | None = None
    entry_form: type | None = None
    entry_label: str = ""
    optional: bool = False

    # --- reading -----------------------------------------------------------------
    def form_initial(self, data):
        return {}

    def entries(self, data):
        return []

    def entry_initial(self, entry):
        return dict(entry)

    # --- writing -----------------------------------------------------------------
    def apply(self, data, cleaned, entries):
        return data

    def entry_value(self, cleaned):
        return clean(cleaned)

    def is_done(self, data):
        return bool(self.entries(data))

    basics_keys = ()  # not a dataclass field: subclasses set it

    def snapshot(self, data):
        """The part of the document this section edits (to tell whether two saves overlap)."""
        basics = data.get("basics", {})
        return {key: basics.get(key) for key in self.basics_keys}

    def restore(self, current, old):
        """`current` with this section's part taken from `old` (restoring one step of an earlier version)."""
        basics = {**current.get("basics", {})}
        for key in self.basics_keys:
            if key in old.get("basics", {}):
                basics[key] = old["basics"][key]
            else:
                basics.pop(key, None)
        return {**current, "basics": basics}

    # --- forms -------------------------------------------------------------------
    def formset_class(self):
        return forms.formset_factory(
            self.entry_form, extra=1, max_num=MAX_ENTRIES, absolute_max=MAX_ENTRIES + 5, validate_max=True
        )

    def build(self, data, post=None):
        form = None
        formset = None
        if self.form_class:
            form = self.form_class(post, initial=self.form_initial(data), prefix="main")
        if self.entry_form:
            # Bound formsets get no initial: an entry equal to a saved one must not count as "unchanged"
            # (and so be dropped) when the saved list moved on meanwhile (another tab, a conflict re-post).
            initial = None if post is not None else [self.entry_initial(entry) for entry in self.entries(data)]
            formset = self.formset_class()(post, initial=initial, prefix="entries")
        return form, formset


class ListSection(Section):
    """A list of entries stored under one top-level key of the document (work, education, ...)."""

    key = ""
    known_keys = frozenset()

    def entries(self, data):
        return data.get(self.key, [])

    def snapshot(self, data):
        return data.get(self.key)

    def restore(self, current, old):
        restored = {**current}
        if old.get(self.key):
            restored[self.key] = old[self.key]
        else:
            restored.pop(self.key, None)
        return restored

    def build(self, data, post=None):
        form, formset = super().build(data, post)
        if post is None and formset is not None:
            known = self.known_keys | {HIDDEN_KEY}
            for entry_form, entry in zip(formset.forms, self.entries(data), strict=False):
                extra = {key: value for key, value in entry.items() if key not in known}
                entry_form.initial["extra"] = json.dumps(extra, ensure_ascii=False) if extra else ""
                entry_form.initial["hide"] = bool(entry.get(HIDDEN_KEY))
        return form, formset

    def entry_value_with_extra(self, cleaned):
        value = self.entry_value(cleaned)
        if not value:
            return {}
        known = self.known_keys | {HIDDEN_KEY}
        extra = {key: item for key, item in (cleaned.get("extra") or {}).items() if key not in known}
        value = {**extra, **value}
        if cleaned.get("hide"):
            value[HIDDEN_KEY] = True
        return value

    def apply(self, data, cleaned, entries):
        if entries:
            data[self.key] = entries
        else:
            data.pop(self.key, None)
        return data


def visible_document(data):
    """The document as printed: entries the person hid on this CV are left out (they stay saved)."""
    result = {}
    for key, value in data.items():
        if isinstance(value, list):
            value = [item for item in value if not (isinstance(item, dict) and item.get(HIDDEN_KEY))]
        result[key] = value
    basics = data.get("basics")
    if isinstance(basics, dict) and isinstance(basics.get("profiles"), list):
        result["basics"] = {**basics, "profiles": [p for p in basics["profiles"] if not p.get(HIDDEN_KEY)]}
    return result
