"""The editor's steps, in order: which forms each one uses, how it reads and writes the JSON Resume document."""

import copy

from django.utils.translation import gettext_lazy as _

from .. import forms as f
from .. import more_forms as m
from .base import HIDDEN_KEY, MAX_ENTRIES, Section, visible_document  # noqa: F401
from .core import (
    EducationSection,
    IdentitySection,
    InterestsSection,
    JobSection,
    LanguagesSection,
    MobilitySection,
    SkillsSection,
    WorkSection,
)
from .more import (
    AwardsSection,
    CertificatesSection,
    ProfilesSection,
    ProjectsSection,
    PublicationsSection,
    ReferencesSection,
    VolunteerSection,
)

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
    # Optional steps: shown under "More sections" and not counted in the progress.
    VolunteerSection(
        "benevolat",
        _("Volunteering"),
        _("Associations, clubs, neighbourhood help: employers value it as real experience."),
        entry_form=m.VolunteerForm,
        entry_label=_("Volunteering"),
        optional=True,
    ),
    CertificatesSection(
        "certificats",
        _("Certificates and licences"),
        _("SST, CACES, HACCP, BAFA, security card...: say who issued it and when."),
        entry_form=m.CertificateForm,
        entry_label=_("Certificate"),
        optional=True,
    ),
    ProjectsSection(
        "projets",
        _("Projects"),
        _("Something you organised or built, at work or elsewhere."),
        entry_form=m.ProjectForm,
        entry_label=_("Project"),
        optional=True,
    ),
    AwardsSection(
        "distinctions",
        _("Awards"),
        _("Prizes, competitions, medals, distinctions."),
        entry_form=m.AwardForm,
        entry_label=_("Award"),
        optional=True,
    ),
    PublicationsSection(
        "publications",
        _("Publications"),
        _("Articles, books or posts you wrote."),
        entry_form=m.PublicationForm,
        entry_label=_("Publication"),
        optional=True,
    ),
    ReferencesSection(
        "references",
        _("References"),
        _("People who can speak about your work. Ask them first, or just say references are available on request."),
        m.ReferencesOnRequestForm,
        entry_form=m.ReferenceForm,
        entry_label=_("Reference"),
        optional=True,
    ),
    ProfilesSection(
        "profils",
        _("Website and online profiles"),
        _("Your website and your profiles on job sites (LinkedIn, Indeed...)."),
        m.WebsiteForm,
        entry_form=m.ProfileForm,
        entry_label=_("Profile"),
        optional=True,
    ),
]
SECTIONS_BY_SLUG = {section.slug: section for section in SECTIONS}
MAIN_SECTIONS = [section for section in SECTIONS if not section.optional]
OPTIONAL_SECTIONS = [section for section in SECTIONS if section.optional]


def progress(data):
    return [(section, section.is_done(data)) for section in SECTIONS]


def section_for_reason(reason):
    """The step a history record's reason names (records store the step's title), or None."""
    from django.utils import translation

    for language in {translation.get_language() or "fr", "fr", "en"}:
        with translation.override(language):
            for section in SECTIONS:
                if str(section.title) == reason:
                    return section
    return None


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
