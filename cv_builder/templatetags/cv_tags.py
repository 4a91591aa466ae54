from django import template
from django.utils.translation import gettext as _

from ..resume import display_cv_date

register = template.Library()


@register.filter
def cv_date(value):
    """'2024-03' → '03/2024'; '2024' stays."""
    return display_cv_date(value)


@register.filter
def date_range(entry, open_ended=""):
    """How an entry's dates print: '2018', '2016 – 2018', '09/2019 – aujourd'hui'.

    With "open" (jobs, volunteering), a start without an end is a current one, as JSON Resume means it:
    'depuis 09/2019'. Elsewhere (a diploma) a lone date prints alone.
    """
    start = cv_date(entry.get("startDate"))
    end = cv_date(entry.get("endDate"))
    if entry.get("ongoing"):
        return _("%(start)s – today") % {"start": start} if start else _("ongoing")
    if start and not end and open_ended == "open":
        return _("since %(start)s") % {"start": start}
    if start and end and start != end:
        return f"{start} – {end}"
    return start or end


@register.filter
def section_template(slug):
    return f"cv_builder/includes/doc/{slug}.html"
