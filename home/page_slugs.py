"""ASCII page addresses, also when typed by hand.

`WAGTAIL_ALLOW_UNICODE_SLUGS = False` only shapes the slug Wagtail makes from the title (and its
script when it runs); a slug typed in the field, `repair-café`, was accepted and gave addresses
like `/actualites/repair-caf%C3%A9/`. Every slug field of Wagtail's admin forms (every page type,
the snippets) is this field: a clear error on the field, with the address to use instead, and the
form shown again with all that was typed (Wagtail's own form error handling).
"""

from django import forms
from django.core.validators import validate_slug
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import SlugInput
from wagtail.models import Page


class AsciiSlugField(forms.SlugField):
    """Letters without accents, digits, dashes (and underscores): what Django's ASCII slug allows."""

    default_validators = []  # validate_slug runs in validate(), with our message instead of Django's

    def __init__(self, *args, for_page=True, **kwargs):
        kwargs["allow_unicode"] = False
        self.for_page = for_page
        super().__init__(*args, **kwargs)

    def validate(self, value):
        super().validate(value)
        if value in self.empty_values:
            return
        try:
            validate_slug(value)
        except forms.ValidationError:
            raise forms.ValidationError(self.message(slugify(value)), code="invalid") from None

    def message(self, suggestion):
        if self.for_page:
            if suggestion:
                return _(
                    "The page address can only contain letters without accents, digits and dashes: try “%(slug)s”."
                ) % {"slug": suggestion}
            return _("The page address can only contain letters without accents, digits and dashes.")
        if suggestion:
            return _("This can only contain letters without accents, digits and dashes: try “%(slug)s”.") % {
                "slug": suggestion
            }
        return _("This can only contain letters without accents, digits and dashes.")


register_form_field_override(
    models.SlugField,
    override=lambda db_field: {
        "widget": SlugInput,
        "form_class": AsciiSlugField,
        "for_page": issubclass(db_field.model, Page),
    },
)
