"""The optional steps: every other JSON Resume section, so nothing an import brought is kept out of sight."""

from ..resume import display_cv_date
from .base import ListSection, Section, clean, dates_from_form, dates_to_form


class VolunteerSection(ListSection):
    key = "volunteer"
    known_keys = frozenset({"position", "organization", "summary", "startDate", "endDate", "ongoing"})

    def entry_initial(self, entry):
        return {
            "position": entry.get("position", ""),
            "organization": entry.get("organization", ""),
            "summary": entry.get("summary", ""),
            **dates_to_form(entry),
        }

    def entry_value(self, cleaned):
        return clean(
            {
                "position": cleaned["position"],
                "organization": cleaned["organization"],
                "summary": cleaned["summary"],
                **dates_from_form(cleaned),
            }
        )


class CertificatesSection(ListSection):
    key = "certificates"
    known_keys = frozenset({"name", "issuer", "date"})

    def entry_initial(self, entry):
        return {
            "name": entry.get("name", ""),
            "issuer": entry.get("issuer", ""),
            "date": display_cv_date(entry.get("date")),
        }

    def entry_value(self, cleaned):
        return clean({"name": cleaned["name"], "issuer": cleaned["issuer"], "date": cleaned["date"]})


class ProjectsSection(ListSection):
    key = "projects"
    known_keys = frozenset({"name", "description", "url", "startDate", "endDate", "ongoing"})

    def entry_initial(self, entry):
        return {
            "name": entry.get("name", ""),
            "description": entry.get("description", ""),
            "url": entry.get("url", ""),
            **dates_to_form(entry),
        }

    def entry_value(self, cleaned):
        return clean(
            {
                "name": cleaned["name"],
                "description": cleaned["description"],
                "url": cleaned["url"],
                **dates_from_form(cleaned),
            }
        )


class AwardsSection(ListSection):
    key = "awards"
    known_keys = frozenset({"title", "awarder", "date", "summary"})

    def entry_initial(self, entry):
        return {
            "title": entry.get("title", ""),
            "awarder": entry.get("awarder", ""),
            "date": display_cv_date(entry.get("date")),
            "summary": entry.get("summary", ""),
        }

    def entry_value(self, cleaned):
        return clean({key: cleaned[key] for key in ("title", "awarder", "date", "summary")})


class PublicationsSection(ListSection):
    key = "publications"
    known_keys = frozenset({"name", "publisher", "releaseDate", "url", "summary"})

    def entry_initial(self, entry):
        return {
            "name": entry.get("name", ""),
            "publisher": entry.get("publisher", ""),
            "release_date": display_cv_date(entry.get("releaseDate")),
            "url": entry.get("url", ""),
            "summary": entry.get("summary", ""),
        }

    def entry_value(self, cleaned):
        return clean(
            {
                "name": cleaned["name"],
                "publisher": cleaned["publisher"],
                "releaseDate": cleaned["release_date"],
                "url": cleaned["url"],
                "summary": cleaned["summary"],
            }
        )


class ReferencesSection(ListSection):
    """References, or just "available on request" (`basics.referencesOnRequest`, an extra the schema allows)."""

    key = "references"
    known_keys = frozenset({"name", "reference"})

    def form_initial(self, data):
        return {"on_request": bool(data.get("basics", {}).get("referencesOnRequest"))}

    def entry_initial(self, entry):
        return {"name": entry.get("name", ""), "reference": entry.get("reference", "")}

    def entry_value(self, cleaned):
        return clean({"name": cleaned["name"], "reference": cleaned["reference"]})

    def snapshot(self, data):
        return {"list": data.get(self.key), "on_request": data.get("basics", {}).get("referencesOnRequest")}

    def restore(self, current, old):
        restored = super().restore(current, old)
        basics = {**restored.get("basics", {})}
        basics["referencesOnRequest"] = old.get("basics", {}).get("referencesOnRequest")
        restored["basics"] = clean(basics)
        return restored

    def apply(self, data, cleaned, entries):
        basics = data.setdefault("basics", {})
        basics["referencesOnRequest"] = cleaned.get("on_request", False)
        data["basics"] = clean(basics)
        return super().apply(data, cleaned, entries)

    def is_done(self, data):
        return bool(data.get(self.key) or data.get("basics", {}).get("referencesOnRequest"))


class ProfilesSection(ListSection):
    """The website (`basics.url`) and online profiles (`basics.profiles`)."""

    known_keys = frozenset({"network", "username", "url"})
    basics_keys = ("url", "profiles")

    def entries(self, data):
        return data.get("basics", {}).get("profiles", [])

    def snapshot(self, data):
        return Section.snapshot(self, data)

    def restore(self, current, old):
        return Section.restore(self, current, old)

    def form_initial(self, data):
        return {"url": data.get("basics", {}).get("url", "")}

    def entry_initial(self, entry):
        return {key: entry.get(key, "") for key in ("network", "username", "url")}

    def entry_value(self, cleaned):
        return clean({key: cleaned[key] for key in ("network", "username", "url")})

    def apply(self, data, cleaned, entries):
        basics = data.setdefault("basics", {})
        basics.update(url=cleaned.get("url", ""), profiles=entries)
        data["basics"] = clean(basics)
        return data

    def is_done(self, data):
        basics = data.get("basics", {})
        return bool(basics.get("url") or basics.get("profiles"))
