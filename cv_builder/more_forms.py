"""Forms of the optional steps: volunteering, certificates, projects, awards, publications, references, profiles."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .fields import CVDateField
from .forms import DATE_HELP, LONG, MEDIUM, SHORT, EntryForm, area, text

ONE_DATE_HELP = _("E.g. 2021 or 03/2021.")


def link(label, help_text=""):
    return forms.URLField(label=label, max_length=MEDIUM, required=False, help_text=help_text, assume_scheme="https")


class VolunteerForm(EntryForm):
    position = text(_("Role"), MEDIUM, _("E.g. Bénévole, Trésorière, Animateur."))
    organization = text(_("Association or organisation"), MEDIUM, _("E.g. Restos du cœur, club de foot."))
    start = CVDateField(label=_("Start"), allow_ongoing=False, help_text=ONE_DATE_HELP)
    end = CVDateField(label=_("End"), help_text=DATE_HELP)
    summary = area(_("What you did"), LONG, _("E.g. Distribution des repas, accueil des familles."), rows=3)


class CertificateForm(EntryForm):
    name = text(_("Certificate or licence"), MEDIUM, _("E.g. SST, CACES R489 cat. 3, HACCP, BAFA."))
    issuer = text(_("Issued by (optional)"), MEDIUM, _("E.g. INRS, AFPA, Croix-Rouge."))
    date = CVDateField(label=_("Date obtained"), allow_ongoing=False, help_text=ONE_DATE_HELP)


class ProjectForm(EntryForm):
    name = text(_("Project"), MEDIUM, _("E.g. Organisation de la fête de quartier."))
    description = area(_("What you did"), LONG, _("Say what the project was and what you did."), rows=3)
    start = CVDateField(label=_("Start"), allow_ongoing=False, help_text=ONE_DATE_HELP)
    end = CVDateField(label=_("End"), help_text=DATE_HELP)
    url = link(_("Web address (optional)"))


class AwardForm(EntryForm):
    title = text(_("Award or distinction"), MEDIUM, _("E.g. Meilleur apprenti de France, 1er prix du concours."))
    awarder = text(_("Given by (optional)"), MEDIUM)
    date = CVDateField(label=_("Date"), allow_ongoing=False, help_text=ONE_DATE_HELP)
    summary = area(_("In a few words (optional)"), 1000, rows=2)


class PublicationForm(EntryForm):
    name = text(_("Title"), MEDIUM, _("E.g. an article, a book, a blog post."))
    publisher = text(_("Published by (optional)"), MEDIUM, _("E.g. La Voix du Nord, the name of a website."))
    release_date = CVDateField(label=_("Date"), allow_ongoing=False, help_text=ONE_DATE_HELP)
    url = link(_("Web address (optional)"))
    summary = area(_("In a few words (optional)"), 1000, rows=2)


class ReferenceForm(EntryForm):
    name = text(_("Name and role"), MEDIUM, _("E.g. Mme Durand, responsable d'équipe chez Net'Façade."))
    reference = area(
        _("Contact or recommendation"),
        1000,
        _("E.g. a phone number (ask the person first) or what they say about you."),
        rows=2,
    )


class ReferencesOnRequestForm(forms.Form):
    on_request = forms.BooleanField(
        label=_("Print “References available on request”"),
        required=False,
        help_text=_("Tick this to give names only when an employer asks."),
    )


class WebsiteForm(forms.Form):
    url = link(_("Your website (optional)"), _("E.g. https://www.monsite.fr."))


class ProfileForm(EntryForm):
    network = text(_("Site"), SHORT, _("E.g. LinkedIn, Indeed, Malt."))
    username = text(_("Name on this site (optional)"), SHORT)
    url = link(_("Address of your profile"), _("E.g. https://www.linkedin.com/in/samia-benali."))
