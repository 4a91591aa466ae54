from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from home.images import reencode
from participation.models import Proposal

MAX_PHOTO_BYTES = 8 * 1024 * 1024
# Shown to every visitor: re-encoded to a JPEG of at most this size (and without its metadata).
PHOTO_BOX = (1600, 1600)


class ProposalForm(forms.ModelForm):
    required_css_class = "required"  # "(obligatoire)" in the site's field template (forms/field.html)

    photo = forms.FileField(
        label=_("Photo (optional)"),
        required=False,
        help_text=_("A JPEG, PNG, GIF or WebP image, 8 MB at most."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}),
    )

    class Meta:
        model = Proposal
        fields = ["title", "description", "photo", "photo_alt"]
        labels = {
            "title": _("Title of your idea"),
            "description": _("Describe your idea"),
            "photo_alt": _("What the photo shows (optional)"),
        }
        help_texts = {
            "title": _("120 characters at most."),
            "description": _("2,000 characters at most. Say what, where, for whom."),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 8})}
        error_messages = {
            "title": {"required": _("Give your idea a title.")},
            "description": {"required": _("Describe your idea in a few words.")},
        }

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Give your idea a title."))
        return title

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if isinstance(photo, UploadedFile):
            # The site's one image check: bytes, pixels before decoding, re-encoded without metadata.
            return reencode(photo, max_bytes=MAX_PHOTO_BYTES, box=PHOTO_BOX)
        return photo


class PaperProposalForm(ProposalForm):
    on_behalf_of = forms.CharField(
        label=_("On behalf of"),
        max_length=120,
        required=False,
        help_text=_("First name or initials of the person, if they agree. Leave empty for 'a resident'."),
    )

    class Meta(ProposalForm.Meta):
        fields = ["title", "description", "photo", "photo_alt", "on_behalf_of"]


class CodeForm(forms.Form):
    required_css_class = "required"  # "(obligatoire)" in the site's field template (forms/field.html)

    code = forms.CharField(
        label=_("Your voting code"),
        max_length=20,
        help_text=_("Ten letters and digits, as printed on your card, e.g. ACDE-FGHJ-KM."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )


class BallotChoiceForm(forms.Form):
    required_css_class = "required"  # "(obligatoire)" in the site's field template (forms/field.html)

    keep = forms.ChoiceField(
        label=_("Which supports count?"),
        choices=[
            ("account", _("Keep the supports given with my account (the code's supports are withdrawn)")),
            ("code", _("Keep the supports given with the code (my account's supports are withdrawn)")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose which supports count.")},
    )


class ReportForm(forms.Form):
    required_css_class = "required"  # "(obligatoire)" in the site's field template (forms/field.html)

    reason = forms.CharField(
        label=_("Why are you reporting this proposal?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


# --- staff forms (Wagtail admin) ------------------------------------------------------------------
class ModerationForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("publish", _("Publish")),
            ("reject", _("Reject")),
            ("dismiss", _("Dismiss the reports (the proposal stays or is back online)")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason (shown to the author)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        if data.get("action") == "reject" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Say why the proposal is rejected: the author will read it."))
        return data


class OutcomeForm(forms.ModelForm):
    class Meta:
        model = Proposal
        fields = ["outcome", "official_answer"]


class CodeBatchForm(forms.Form):
    count = forms.IntegerField(label=_("Number of codes"), min_value=1, max_value=400, initial=30)
    batch = forms.CharField(label=_("Batch name"), max_length=80, required=False, help_text=_("e.g. Market, 12 May"))
    per_page = forms.TypedChoiceField(
        label=_("Cards per A4 sheet"),
        choices=[(8, "8"), (10, "10")],
        coerce=int,
        initial=8,
        required=False,
        empty_value=8,
        help_text=_("8 cards are larger and easier to read; 10 use less paper."),
    )


class RevokeCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code to revoke"),
        max_length=20,
        help_text=_("The full code, or only its first four characters."),
    )
