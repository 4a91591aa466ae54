from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def cv_date(value):
    """'2024-03' → '03/2024'; '2024' stays."""
    if not value:
        return ""
    parts = str(value).split("-")
    if len(parts) >= 2:
        return f"{parts[1]}/{parts[0]}"
    return parts[0]


@register.filter
def date_range(entry):
    start = cv_date(entry.get("startDate"))
    end = _("en cours") if entry.get("ongoing") else cv_date(entry.get("endDate"))
    if start and end:
        return f"{start} – {end}"
    return start or end


@register.filter
def section_template(slug):
    return f"cv_builder/includes/doc/{slug}.html"
