from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from toolkit.models import JoinRequest, MethodCardPage, PrototypePage, ToolkitResourcePage


class ResourceChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class JoinForm(forms.ModelForm):
    """'Rejoindre la démarche': filled in by a neighbouring centre, no account needed."""

    # Honeypot: hidden from people (CSS and aria-hidden), filled in by spam robots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    wanted = ResourceChoiceField(
        label=_("What you would like to adopt"),
        queryset=ToolkitResourcePage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick the prototypes and method cards that interest you. You can tick none."),
    )

    class Meta:
        model = JoinRequest
        fields = ["centre_name", "town", "contact_name", "email", "phone", "wanted", "message"]
        labels = {
            "centre_name": _("Name of your centre"),
            "town": _("Town"),
            "contact_name": _("Your name"),
            "email": _("Email"),
            "phone": _("Phone"),
            "message": _("Your message (optional)"),
        }
        help_texts = {
            "email": _("Give an email or a phone number (or both) so that we can answer you."),
            "phone": _("For example: 03 20 00 00 00"),
        }
        error_messages = {
            "centre_name": {"required": _("Give the name of your centre.")},
            "town": {"required": _("Give the town of your centre.")},
            "contact_name": {"required": _("Give the name of the person we can contact.")},
            "email": {"invalid": _("This email address is not valid: check it (example: nom@exemple.fr).")},
        }

    def __init__(self, *args, index_page=None, **kwargs):
        super().__init__(*args, **kwargs)
        types = ContentType.objects.get_for_models(PrototypePage, MethodCardPage).values()
        queryset = ToolkitResourcePage.objects.live().public().filter(content_type__in=types)
        if index_page is not None:
            queryset = queryset.descendant_of(index_page)
        self.fields["wanted"].queryset = queryset.order_by("title")
        self.fields["phone"].widget.input_type = "tel"
        for name in ("contact_name", "town", "centre_name"):
            self.fields[name].widget.attrs["autocomplete"] = {"contact_name": "name", "town": "address-level2"}.get(
                name, "organization"
            )
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    @property
    def honeypot_filled(self):
        return bool(self.data.get("website", "").strip())

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone", "").strip() and "email" not in self.errors:
            raise forms.ValidationError(_("Give an email or a phone number so that we can answer you."))
        return cleaned
