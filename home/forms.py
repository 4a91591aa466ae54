"""The site's form renderer: Django's own, with one field template for every app (forms/field.html)."""

from django.forms.renderers import DjangoTemplates


class SiteFormRenderer(DjangoTemplates):
    """`{{ field.as_field_group }}` everywhere renders home/templates/forms/field.html."""

    field_template_name = "forms/field.html"
