"""Dates and times the French way: "1er décembre 2026", "14 h", "14 h 30", "lundi 1er décembre 2026, 14 h".

{% load french_dates %}{{ event.start|quand_long }}  {{ workshop.voting_end|quand }}  {{ news.date|jour }}
"""

import datetime

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _french():
    return (get_language() or "fr").startswith("fr")


@register.filter
def jour(value, weekday=False):
    """ "1er décembre 2026" (the first of the month is "1er" in French)."""
    if not value:
        return ""
    value = _local(value)
    day = "1er" if value.day == 1 and _french() else str(value.day)
    text = f"{day} {date_format(value, 'F Y')}"
    return f"{date_format(value, 'l')} {text}" if weekday else text


@register.filter
def heure(value):
    """ "14 h", "14 h 30", "9 h 05"."""
    if not value:
        return ""
    value = _local(value)
    if not _french():
        return value.strftime("%H:%M")
    return f"{value.hour} h" if value.minute == 0 else f"{value.hour} h {value.minute:02d}"


@register.filter
def quand(value):
    """ "1er décembre 2026 à 14 h"."""
    if not value:
        return ""
    return _("%(day)s at %(time)s") % {"day": jour(value), "time": heure(value)}


@register.filter
def quand_long(value):
    """ "mardi 1er décembre 2026, 14 h"."""
    if not value:
        return ""
    return f"{jour(value, weekday=True)}, {heure(value)}"
