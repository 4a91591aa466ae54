"""The eight main steps of the editor: identity, job sought, experience, training, skills, languages, mobility,
interests."""

from .. import forms as f
from .base import ListSection, Section, clean, dates_from_form, dates_to_form


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
        basics["location"] = clean(location)
        data["basics"] = clean(basics)
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
        data["basics"] = clean(basics)
        return data

    def is_done(self, data):
        return bool(data.get("basics", {}).get("label"))


class WorkSection(ListSection):
    key = "work"
    known_keys = frozenset({"position", "name", "location", "summary", "startDate", "endDate", "ongoing"})

    def entry_initial(self, entry):
        return {
            "position": entry.get("position", ""),
            "name": entry.get("name", ""),
            "location": entry.get("location", ""),
            "summary": entry.get("summary", ""),
            **dates_to_form(entry),
        }

    def entry_value(self, cleaned):
        return clean(
            {
                "position": cleaned["position"],
                "name": cleaned["name"],
                "location": cleaned["location"],
                "summary": cleaned["summary"],
                **dates_from_form(cleaned),
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
            **dates_to_form(entry),
        }

    def entry_value(self, cleaned):
        return clean(
            {
                "studyType": cleaned["study_type"],
                "institution": cleaned["institution"],
                "area": cleaned["area"],
                **dates_from_form(cleaned),
            }
        )


class SkillsSection(ListSection):
    key = "skills"
    known_keys = frozenset({"name"})

    def entry_initial(self, entry):
        return {"name": entry.get("name", "")}

    def entry_value(self, cleaned):
        return clean({"name": cleaned["name"]})

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
        return clean({"language": cleaned["language"], "fluency": cleaned["fluency"]})

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
        data["basics"] = clean(basics)
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
        return clean({"name": cleaned["name"]})
