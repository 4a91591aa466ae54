from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from toolkit.models import JoinRequest, MethodCardPage, PrototypePage, ResourceFeedback, ToolkitResourcePage


class ResourceChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class JoinForm(forms.ModelForm):
    """'Rejoindre la démarche': filled in by a neighbouring centre, no account needed."""

    required_css_class = "required"  # "(obligatoire)" in the site's field template (forms/field.html)

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

    def __init__(self, *args, index_page=None, preselected=(), **kwargs):
        super().__init__(*args, **kwargs)
        types = ContentType.objects.get_for_models(PrototypePage, MethodCardPage).values()
        queryset = ToolkitResourcePage.objects.live().public().filter(content_type__in=types)
        if index_page is not None:
            queryset = queryset.descendant_of(index_page)
        self.fields["wanted"].queryset = queryset.order_by("title")
        # "Rejoindre la démarche" from a sheet: that resource comes ticked (unknown ids are ignored).
        wanted_ids = [int(value) for value in preselected if str(value).isdigit()][:20]
        if wanted_ids and not self.is_bound:
            self.initial["wanted"] = list(queryset.filter(pk__in=wanted_ids).values_list("pk", flat=True))
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

    def chosen_resources(self):
        """The resources ticked (sent or pre-selected), for the summary above the list."""
        if self.is_bound:
            chosen = {str(value) for value in self.data.getlist("wanted")}
        else:
            chosen = {str(value) for value in self.initial.get("wanted", [])}
        return [choice.choice_label for choice in self["wanted"] if str(choice.data["value"]) in chosen]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone", "").strip() and "email" not in self.errors:
            raise forms.ValidationError(_("Give an email or a phone number so that we can answer you."))
        return cleaned


class FeedbackForm(forms.ModelForm):
    """Feedback on one sheet from a centre's staff member: no account needed, moderated before shown."""

    required_css_class = "required"  # "(obligatoire)" in the site's field template (forms/field.html)

    website = forms.CharField(label=_("Leave this field empty"), required=False)
    verdict = forms.ChoiceField(
        label=_("Was this resource useful to your centre?"),
        choices=ResourceFeedback.Verdict.choices,
        required=False,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = ResourceFeedback
        fields = ["centre_name", "contact", "verdict", "comment", "reports_outdated", "outdated_what"]
        labels = {
            "centre_name": _("Name of your centre"),
            "contact": _("Email or phone (optional)"),
            "comment": _("Your comment (optional)"),
            "reports_outdated": _("Something on this sheet is outdated or wrong"),
            "outdated_what": _("What is outdated or wrong?"),
        }
        help_texts = {
            "contact": _("Only if you would like the network's team to answer you. It is never published."),
            "comment": _("What worked, what you changed, what was missing. It may be published after moderation."),
            "outdated_what": _("For example: the phone number has changed, a step no longer works."),
        }
        error_messages = {
            "centre_name": {"required": _("Give the name of your centre.")},
            "comment": {"max_length": _("Your comment is too long: keep it under 2,000 characters.")},
            "outdated_what": {"max_length": _("This text is too long: keep it under 2,000 characters.")},
        }
        widgets = {"comment": forms.Textarea(attrs={"rows": 4}), "outdated_what": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre_name"].widget.attrs["autocomplete"] = "organization"
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    @property
    def honeypot_filled(self):
        return bool(self.data.get("website", "").strip())

    def clean(self):
        cleaned = super().clean()
        # "Outdated" without saying what is refused by the model's clean(), with its own message.
        if not (cleaned.get("verdict") or cleaned.get("comment", "").strip() or cleaned.get("reports_outdated")):
            if not self.errors:
                raise forms.ValidationError(
                    _("Say whether it was useful, write a comment or report something outdated: the form is empty.")
                )
        return cleaned
