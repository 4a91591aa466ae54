"""The editor's sections: which forms each one uses, how it reads and writes the JSON Resume document."""

import copy
import json
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from . import forms as f
from .resume import ONGOING

MAX_ENTRIES = 30


def _clean(entry):
    return {key: value for key, value in entry.items() if value not in ("", None, [], False)}


def _dates_to_form(item):
    return {
        "start": item.get("startDate", ""),
        "end": ONGOING if item.get("ongoing") else item.get("endDate", ""),
    }


def _dates_from_form(data):
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
        return _clean(cleaned)

    def is_done(self, data):
        return bool(self.entries(data))

    basics_keys = ()  # not a dataclass field: subclasses set it

    def snapshot(self, data):
        """The part of the document this section edits (to tell whether two saves overlap)."""
        basics = data.get("basics", {})
        return {key: basics.get(key) for key in self.basics_keys}

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


class IdentitySection(Section):
    basics_keys = ("name", "phone", "email", "location")

    def form_initial(self, data):
        basics = data.get("basics", {})
        location = basics.get("location", {})
        return {
            "name": basics.get("name", ""),
            "phone": basics.get("phone", ""),
            "email": basics.get("email", ""),
            "address": location.get("address", ""),
            "postal_code": location.get("postalCode", ""),
            "city": location.get("city", ""),
        }

    def apply(self, data, cleaned, entries):
        basics = data.setdefault("basics", {})
        for key in ("name", "phone", "email"):
            basics[key] = cleaned[key]
        location = {**basics.get("location", {})}
        location.update(address=cleaned["address"], postalCode=cleaned["postal_code"], city=cleaned["city"])
        basics["location"] = _clean(location)
        data["basics"] = _clean(basics)
        return data

    def is_done(self, data):
        basics = data.get("basics", {})
        return bool(basics.get("name") and (basics.get("phone") or basics.get("email")))


class JobSection(Section):
    basics_keys = ("label", "summary")

    def form_initial(self, data):
        basics = data.get("basics", {})
        return {"label": basics.get("label", ""), "summary": basics.get("summary", "")}

    def apply(self, data, cleaned, entries):
        basics = data.setdefault("basics", {})
        basics.update(label=cleaned["label"], summary=cleaned["summary"])
        data["basics"] = _clean(basics)
        return data

    def is_done(self, data):
        return bool(data.get("basics", {}).get("label"))


class ListSection(Section):
    key = ""
    known_keys = frozenset()

    def entries(self, data):
        return data.get(self.key, [])

    def snapshot(self, data):
        return data.get(self.key)

    def build(self, data, post=None):
        form, formset = super().build(data, post)
        if post is None and formset is not None:
            for entry_form, entry in zip(formset.forms, self.entries(data), strict=False):
                extra = {key: value for key, value in entry.items() if key not in self.known_keys}
                entry_form.initial["extra"] = json.dumps(extra, ensure_ascii=False) if extra else ""
        return form, formset

    def entry_value_with_extra(self, cleaned):
        value = self.entry_value(cleaned)
        if not value:
            return {}
        extra = {key: item for key, item in (cleaned.get("extra") or {}).items() if key not in self.known_keys}
        return {**extra, **value}

    def apply(self, data, cleaned, entries):
        if entries:
            data[self.key] = entries
        else:
            data.pop(self.key, None)
        return data


class WorkSection(ListSection):
    key = "work"
    known_keys = frozenset({"position", "name", "location", "summary", "startDate", "endDate", "ongoing"})

    def entry_initial(self, entry):
        return {
            "position": entry.get("position", ""),
            "name": entry.get("name", ""),
            "location": entry.get("location", ""),
            "summary": entry.get("summary", ""),
            **_dates_to_form(entry),
        }

    def entry_value(self, cleaned):
        return _clean(
            {
                "position": cleaned["position"],
                "name": cleaned["name"],
                "location": cleaned["location"],
                "summary": cleaned["summary"],
                **_dates_from_form(cleaned),
            }
        )


class EducationSection(ListSection):
    key = "education"
    known_keys = frozenset({"studyType", "institution", "area", "startDate", "endDate", "ongoing"})

    def entry_initial(self, entry):
        return {
            "study_type": entry.get("studyType", ""),
            "institution": entry.get("institution", ""),
            "area": entry.get("area", ""),
            **_dates_to_form(entry),
        }

    def entry_value(self, cleaned):
        return _clean(
            {
                "studyType": cleaned["study_type"],
                "institution": cleaned["institution"],
                "area": cleaned["area"],
                **_dates_from_form(cleaned),
            }
        )


class SkillsSection(ListSection):
    key = "skills"
    known_keys = frozenset({"name"})

    def entry_initial(self, entry):
        return {"name": entry.get("name", "")}

    def entry_value(self, cleaned):
        return _clean({"name": cleaned["name"]})

    def build(self, data, post=None):
        form, formset = super().build(data, post)
        if post is None:
            # Only suggest what the person does not list yet (a POST still accepts every suggestion).
            have = {str(entry.get("name", "")).casefold() for entry in self.entries(data)}
            field = form.fields["suggested"]
            field.choices = [choice for choice in field.choices if choice[0].casefold() not in have]
        return form, formset

    def apply(self, data, cleaned, entries):
        names = {entry["name"].casefold() for entry in entries if entry.get("name")}
        for skill in cleaned.get("suggested", []):
            if skill.casefold() not in names:
                entries.append({"name": skill})
                names.add(skill.casefold())
        return super().apply(data, cleaned, entries)


class LanguagesSection(ListSection):
    key = "languages"
    known_keys = frozenset({"language", "fluency"})

    def entries(self, data):
        return [entry for entry in data.get("languages", []) if entry.get("fluency") != f.MOTHER_TONGUE]

    def form_initial(self, data):
        mother = [e for e in data.get("languages", []) if e.get("fluency") == f.MOTHER_TONGUE]
        return {"mother_tongue": ", ".join(e.get("language", "") for e in mother)}

    def entry_initial(self, entry):
        return {"language": entry.get("language", ""), "fluency": entry.get("fluency", "")}

    def build(self, data, post=None):
        form, formset = super().build(data, post)
        for entry_form in formset.forms:
            # A level written in other words (import, older CV) stays selectable instead of being lost.
            value = (entry_form["fluency"].value() or "").strip()
            field = entry_form.fields["fluency"]
            if value and value not in {choice for choice, _label in field.choices}:
                field.choices = [*field.choices, (value, value)]
        return form, formset

    def entry_value(self, cleaned):
        return _clean({"language": cleaned["language"], "fluency": cleaned["fluency"]})

    def apply(self, data, cleaned, entries):
        mother = [
            {"language": name.strip(), "fluency": f.MOTHER_TONGUE}
            for name in cleaned["mother_tongue"].split(",")
            if name.strip()
        ]
        return super().apply(data, cleaned, mother + entries)

    def is_done(self, data):
        return bool(data.get("languages"))


class MobilitySection(Section):
    basics_keys = ("drivingLicences", "vehicle", "mobility")

    def build(self, data, post=None):
        form, formset = super().build(data, post)
        # A licence the list does not offer (e.g. "B96" from an import) stays ticked instead of being lost.
        field = form.fields["licences"]
        known = {choice for choice, _label in field.choices}
        values = form["licences"].value() or []
        field.choices = [*field.choices, *[(value, value) for value in values if value not in known]]
        return form, formset

    def form_initial(self, data):
        basics = data.get("basics", {})
        return {
            "licences": basics.get("drivingLicences", []),
            "vehicle": basics.get("vehicle", False),
            "mobility": basics.get("mobility", ""),
        }

    def apply(self, data, cleaned, entries):
        basics = data.setdefault("basics", {})
        basics.update(drivingLicences=cleaned["licences"], vehicle=cleaned["vehicle"], mobility=cleaned["mobility"])
        data["basics"] = _clean(basics)
        return data

    def is_done(self, data):
        basics = data.get("basics", {})
        return bool(basics.get("drivingLicences") or basics.get("mobility"))


class InterestsSection(ListSection):
    key = "interests"
    known_keys = frozenset({"name"})

    def entry_initial(self, entry):
        return {"name": entry.get("name", "")}

    def entry_value(self, cleaned):
        return _clean({"name": cleaned["name"]})


SECTIONS = [
    IdentitySection(
        "identite",
        _("Identity and contact"),
        _("How can an employer call you back? Your name and phone number are enough."),
        f.IdentityForm,
    ),
    JobSection(
        "emploi-recherche",
        _("Job sought and summary"),
        _("Say which job you are looking for, then describe yourself in two or three sentences."),
        f.JobForm,
    ),
    WorkSection(
        "experience",
        _("Experience"),
        _("Your jobs, internships, temping and volunteering. Start with the most recent one."),
        entry_form=f.WorkForm,
        entry_label=_("Experience"),
    ),
    EducationSection(
        "formation",
        _("Training and diplomas"),
        _("Your diplomas and trainings, even short ones. Start with the most recent one."),
        entry_form=f.EducationForm,
        entry_label=_("Training"),
    ),
    SkillsSection(
        "competences",
        _("Skills"),
        _("What you know how to do, and your qualities. Tick suggestions or write your own."),
        f.SkillSuggestionsForm,
        entry_form=f.SkillForm,
        entry_label=_("Skill"),
    ),
    LanguagesSection(
        "langues",
        _("Languages"),
        _("Your mother tongue first, then the other languages you speak, with your level."),
        f.MotherTongueForm,
        entry_form=f.LanguageForm,
        entry_label=_("Language"),
    ),
    MobilitySection(
        "mobilite",
        _("Driving licence and mobility"),
        _("Employers often ask whether you can travel. Say what you have."),
        f.MobilityForm,
    ),
    InterestsSection(
        "centres-interet",
        _("Interests"),
        _("Sport, associations, hobbies: they say who you are."),
        entry_form=f.InterestForm,
        entry_label=_("Interest"),
    ),
]
SECTIONS_BY_SLUG = {section.slug: section for section in SECTIONS}


def progress(data):
    return [(section, section.is_done(data)) for section in SECTIONS]


def read_post(section, data, post):
    """Validate a section's POST. Returns (form, formset, new_data or None)."""
    form, formset = section.build(data, post)
    valid = (form is None or form.is_valid()) & (formset is None or formset.is_valid())
    if not valid:
        return form, formset, None
    entries = []
    positions = {}
    if formset is not None:
        for index, entry_form in enumerate(formset.forms):
            value = section.entry_value_with_extra(entry_form.cleaned_data) if entry_form.cleaned_data else {}
            if value:
                positions[index] = len(entries)
                entries.append(value)
        entries = _apply_action(post.get("action", ""), entries, positions)
    new_data = section.apply(copy.deepcopy(data), form.cleaned_data if form else {}, entries)
    return form, formset, new_data


def _apply_action(action, entries, positions):
    verb, _sep, index = action.partition(":")
    if verb not in {"up", "down", "remove"} or not index.isdigit() or int(index) not in positions:
        return entries
    position = positions[int(index)]
    if verb == "remove":
        return entries[:position] + entries[position + 1 :]
    target = position - 1 if verb == "up" else position + 1
    if 0 <= target < len(entries):
        entries[position], entries[target] = entries[target], entries[position]
    return entries
