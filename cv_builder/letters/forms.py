"""The small forms of the letter editor, one per step. Every field is optional (autosave saves half-typed
steps); lengths are bounded so that the letter holds on one page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models.cv import TEMPLATE_CHOICES
from ..models.letter import KIND_CHOICES
from .phrases import CLOSINGS

AVAILABILITY_CHOICES = [
    ("now", _("Right away")),
    ("date", _("From a date")),
    ("notice", _("After my notice period")),
]
CONTRACT_CHOICES = [
    ("cdi", _("Permanent contract (CDI)")),
    ("cdd", _("Fixed-term contract (CDD)")),
    ("interim", _("Temping (intérim)")),
    ("partiel", _("Part time")),
    ("alternance", _("Work-study (alternance)")),
]


def text(label, max_length, help_text="", rows=None):
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput
    return forms.CharField(label=label, max_length=max_length, required=False, help_text=help_text, widget=widget)


class OfferForm(forms.Form):
    kind = forms.ChoiceField(label=_("What kind of letter?"), choices=KIND_CHOICES, widget=forms.RadioSelect)
    company = text(_("Company or organisation"), 120, _("Example: Propreté Services, Mairie de Roubaix."))
    job_title = text(
        _("Job you apply for"),
        120,
        _("As written in the offer. For a spontaneous application: the job you would like."),
    )
    seen_where = text(
        _("Where did you see the offer?"),
        120,
        _("Only for an answer to an offer. Example: France Travail, Indeed, a poster at the social centre."),
    )
    reference = text(_("Offer reference (if any)"), 60, _("Only for an answer to an offer. Often at the top of it."))
    recipient = text(_("Person to write to (if known)"), 120, _("Example: Madame Durand, head of recruitment."))
    address = text(_("Company address (optional)"), 300, _("Street, postcode and town, one per line."), rows=3)


class MotivationForm(forms.Form):
    why = text(_("Why this job and this company?"), 1200, _("Two to four sentences are enough."), rows=6)


class AssetsForm(forms.Form):
    work = forms.MultipleChoiceField(
        label=_("Experiences from your CV to mention"), required=False, widget=forms.CheckboxSelectMultiple
    )
    skills = forms.MultipleChoiceField(
        label=_("Skills and qualities from your CV to mention"), required=False, widget=forms.CheckboxSelectMultiple
    )
    bring = text(
        _("What you bring, in your own words"),
        1000,
        _("Say what you have done that is useful for this job."),
        rows=5,
    )

    def __init__(self, *args, work_choices=(), skill_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["work"].choices = list(work_choices)
        self.fields["skills"].choices = list(skill_choices)


class WishesForm(forms.Form):
    availability = forms.ChoiceField(
        label=_("When can you start?"), choices=AVAILABILITY_CHOICES, required=False, widget=forms.RadioSelect
    )
    available_from = text(_("Date you can start"), 40, _("Only if you chose “From a date”. Example: 1er mars."))
    contracts = forms.MultipleChoiceField(
        label=_("Contracts you are looking for"),
        choices=CONTRACT_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    wishes = text(_("Anything else you want to say"), 600, _("Example: I can work early mornings."), rows=3)


class ClosingForm(forms.Form):
    closing = forms.ChoiceField(
        label=_("Closing formula"),
        choices=list(CLOSINGS.items()),
        required=False,
        widget=forms.RadioSelect,
        help_text=_("The polite sentence that ends a French letter. The first one suits every letter."),
    )
    place = text(_("Town where you write the letter"), 80, _("It goes before the date: “Roubaix, le 2 mars 2027”."))


class LetterSettingsForm(forms.Form):
    title = forms.CharField(
        label=_("Name of this letter"), max_length=120, help_text=_("Only you see it. Example: “Letter bakery”.")
    )
    template = forms.ChoiceField(label=_("Look"), choices=TEMPLATE_CHOICES)
