"""Section forms of the editor, and the small forms around it (new CV, import, photo, sharing)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from home.images import reencode
from home.text import parse_json

from .fields import CVDateField
from .models import TEMPLATE_CHOICES

SHORT = 100
MEDIUM = 200
LONG = 2000

DATE_HELP = _("E.g. 2021, 03/2021, or “en cours”.")

COMMON_SKILLS = [
    "Accueil du public",
    "Travail en équipe",
    "Ponctualité",
    "Sens du service",
    "Autonomie",
    "Rigueur",
    "Adaptabilité",
    "Écoute",
    "Patience",
    "Gestion du stress",
    "Polyvalence",
    "Respect des consignes de sécurité",
    "Hygiène et propreté",
    "Manutention",
    "Conduite de chariot (CACES)",
    "Caisse et encaissement",
    "Mise en rayon",
    "Entretien des locaux",
    "Cuisine",
    "Garde d'enfants",
    "Aide aux personnes âgées",
    "Bureautique (Word, Excel)",
    "Utilisation d'un smartphone",
    "Envoyer des courriels",
]

LICENCE_CHOICES = [
    ("AM", _("AM (moped)")),
    ("A", _("A (motorbike)")),
    ("B", _("B (car)")),
    ("BE", _("BE (car with trailer)")),
    ("C", _("C (truck)")),
    ("CE", _("CE (articulated truck)")),
    ("D", _("D (bus)")),
]

FLUENCY_CHOICES = [
    ("", _("Choose a level")),
    ("A1 – débutant", _("A1 – beginner")),
    ("A2 – élémentaire", _("A2 – elementary")),
    ("B1 – intermédiaire", _("B1 – intermediate")),
    ("B2 – avancé", _("B2 – upper intermediate")),
    ("C1 – autonome", _("C1 – advanced")),
    ("C2 – maîtrise", _("C2 – proficient")),
    ("Quelques mots", _("A few words")),
    ("Je me débrouille", _("I get by")),
    ("Je parle bien", _("I speak well")),
    ("Courant", _("Fluent")),
]
MOTHER_TONGUE = "Langue maternelle"


def text(label, max_length=MEDIUM, help_text="", required=False, **attrs):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        widget=forms.TextInput(attrs=attrs) if attrs else None,
    )


def area(label, max_length=LONG, help_text="", rows=4):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=False,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class ExtraKeysField(forms.CharField):
    """Hidden: the entry's other JSON Resume keys (e.g. from an import), kept when the entry is edited or moved."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, max_length=20_000, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return {}
        try:
            extra = parse_json(value, max_depth=10)  # bounded: no RecursionError, no 5,000-digit number
        except ValueError:
            raise ValidationError(_("This entry is damaged: reload the page."), code="extra")
        if not isinstance(extra, dict):
            raise ValidationError(_("This entry is damaged: reload the page."), code="extra")
        return extra


class EntryForm(forms.Form):
    extra = ExtraKeysField()
    hide = forms.BooleanField(
        label=_("Hide on this CV"),
        required=False,
        help_text=_("The entry stays saved here but is not shown or printed. Untick to show it again."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hide"] = self.fields.pop("hide")  # last, after the entry's own fields


class IdentityForm(forms.Form):
    name = text(_("First name and last name"), SHORT, _("E.g. Samia Benali."), autocomplete="name")
    phone = text(_("Phone"), 30, _("E.g. 06 12 34 56 78."), autocomplete="tel", inputmode="tel")
    email = forms.EmailField(
        label=_("Email (optional)"),
        max_length=MEDIUM,
        required=False,
        help_text=_("E.g. samia.benali@example.fr. Leave empty if you have none."),
    )
    address = text(_("Street (optional)"), MEDIUM, _("E.g. 12 rue des Lilas."), autocomplete="street-address")
    postal_code = text(_("Postcode"), 10, _("E.g. 59100."), autocomplete="postal-code", inputmode="numeric")
    city = text(_("Town"), SHORT, _("E.g. Roubaix."), autocomplete="address-level2")


class JobForm(forms.Form):
    label = text(_("Job you are looking for"), MEDIUM, _("E.g. Agent d'entretien, Vendeuse, Aide à domicile."))
    summary = area(
        _("A few words about you"),
        1000,
        _(
            "Two or three sentences: what you know how to do and what you want. E.g. « Sérieuse et souriante, "
            "j'ai 5 ans d'expérience dans la vente. »"
        ),
    )


class WorkForm(EntryForm):
    position = text(_("Job title"), MEDIUM, _("E.g. Employée de ménage."))
    name = text(_("Employer"), MEDIUM, _("E.g. the company, the association, or « particulier »."))
    location = text(_("Town"), SHORT)
    start = CVDateField(label=_("Start"), allow_ongoing=False, help_text=_("E.g. 2021 or 03/2021."))
    end = CVDateField(label=_("End"), help_text=DATE_HELP)
    summary = area(_("What you did"), LONG, _("E.g. Nettoyage des bureaux, gestion des stocks."), rows=3)


class EducationForm(EntryForm):
    study_type = text(_("Diploma or training"), MEDIUM, _("E.g. CAP Petite enfance, Titre professionnel, Brevet."))
    institution = text(_("School or organisation"), MEDIUM, _("E.g. Lycée Turgot, AFPA, Greta."))
    area = text(_("Field (optional)"), MEDIUM, _("E.g. Cuisine, Vente."))
    start = CVDateField(label=_("Start"), allow_ongoing=False, help_text=_("E.g. 2019."))
    end = CVDateField(label=_("End"), help_text=DATE_HELP)


class SkillForm(EntryForm):
    name = text(_("Skill"), MEDIUM, _("E.g. Caisse, Permis CACES, Accueil."), list="cv-skill-suggestions")


class SkillSuggestionsForm(forms.Form):
    suggested = forms.MultipleChoiceField(
        label=_("Tick the skills you have"),
        choices=[(skill, skill) for skill in COMMON_SKILLS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Common skills and qualities employers look for."),
    )


class MotherTongueForm(forms.Form):
    mother_tongue = text(_("Mother tongue"), SHORT, _("The language you spoke as a child. E.g. Français, Arabe."))


class LevelField(forms.ChoiceField):
    """The suggested levels, or any short text already in the CV (e.g. from an imported JSON Resume)."""

    def valid_value(self, value):
        return len(value) <= SHORT

    def validate(self, value):
        super().validate(value)
        if len(value) > SHORT:
            raise ValidationError(_("This level is too long (%(max)s characters at most).") % {"max": SHORT})


class LanguageForm(EntryForm):
    language = text(_("Language"), SHORT, _("E.g. Anglais."))
    fluency = LevelField(
        label=_("Level"),
        choices=FLUENCY_CHOICES,
        required=False,
        help_text=_("A1 is a beginner, C2 speaks like a native. You may also choose plain words."),
    )


class MobilityForm(forms.Form):
    licences = forms.MultipleChoiceField(
        label=_("Driving licences"),
        choices=LICENCE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Tick the licences you hold. Leave empty if you have none."),
    )
    vehicle = forms.BooleanField(label=_("I have a vehicle"), required=False)
    mobility = area(
        _("Where you can work"),
        300,
        _("E.g. « Métropole lilloise en transports en commun », « Je peux travailler tôt le matin »."),
        rows=2,
    )


class InterestForm(EntryForm):
    name = text(_("Interest"), SHORT, _("E.g. Football, Cuisine, Bénévolat aux Restos du cœur."))


class NewCVForm(forms.Form):
    title = forms.CharField(
        label=_("Name of this CV"), max_length=120, initial="Mon CV", help_text=_("Only you see it. E.g. « CV vente ».")
    )
    template = forms.ChoiceField(label=_("Look"), choices=TEMPLATE_CHOICES, initial="classic")


MAX_IMPORT_BYTES = 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(label=_("JSON Resume file"), help_text=_("A .json file of 1 MB at most."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError(_("This file is too big (1 MB at most). Is it really a CV?"))
        return upload


# Any phone photo: the server re-encodes it to 600x800 anyway, and the pixel limit (read before
# decoding) bounds the memory it takes.
MAX_PHOTO_BYTES = 20 * 1024 * 1024
PHOTO_BOX = (600, 800)


class PhotoForm(forms.Form):
    photo = forms.FileField(
        label=_("Photo (optional)"),
        required=False,
        help_text=_("A JPEG or PNG picture of 20 MB at most. A photo is never required on a CV in France."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
    )
    remove = forms.BooleanField(label=_("Remove the photo"), required=False)

    def clean_photo(self):
        """The site's one image check; the photo kept is a re-encoded JPEG of 600×800 px at most."""
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        return reencode(upload, max_bytes=MAX_PHOTO_BYTES, box=PHOTO_BOX, formats=("JPEG", "PNG"))


class ShareLinkForm(forms.Form):
    label = forms.CharField(
        label=_("For whom (optional)"),
        max_length=100,
        required=False,
        help_text=_("E.g. « Conseillère France Travail »."),
    )
    days = forms.TypedChoiceField(
        label=_("Valid for"),
        coerce=int,
        choices=[(7, _("7 days")), (30, _("30 days")), (90, _("90 days"))],
        initial=30,
    )


class CentreShareForm(forms.Form):
    centre = forms.ModelChoiceField(label=_("Centre"), queryset=None, empty_label=_("Choose a centre"))

    def __init__(self, *args, centres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centres
