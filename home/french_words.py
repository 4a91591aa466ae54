"""French elision before a name: "le compte d’Aïcha", "le CV d’Émile", but "le compte de Nadia".

Strings that put "de" before a name take the whole phrase as one placeholder (`%(of_name)s`),
filled by `of_name(name)`, so that French can elide and English still reads "of Aïcha".
"""

import unicodedata

from django.utils.translation import get_language
from django.utils.translation import gettext as _

VOWELS = set("aeiouœæ")


def starts_with_vowel(word):
    first = unicodedata.normalize("NFD", word.strip()[:1].lower())[:1]
    return first in VOWELS


def of_name(name):
    """ "d’Aïcha", "de Nadia" in French; "of Aïcha" in English."""
    name = str(name).strip()
    if not (get_language() or "fr").startswith("fr"):
        return _("of %(name)s") % {"name": name}
    return f"d’{name}" if starts_with_vowel(name) else f"de {name}"
