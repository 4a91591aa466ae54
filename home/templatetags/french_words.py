"""{% load french_words %}{{ person.public_name|de_name }} → "d’Aïcha", "de Nadia"."""

from django import template

from home.french_words import of_name

register = template.Library()


@register.filter
def de_name(name):
    return of_name(name) if name else ""
