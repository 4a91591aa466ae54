"""The site's one breadcrumb (`includes/breadcrumb.html`), for Wagtail pages and app views alike."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

register = template.Library()


@register.inclusion_tag("includes/breadcrumb.html", takes_context=True)
def breadcrumb(context, *steps, current=""):
    """Home first, then each step, then `current` (this page's title, shown but not a link).

    A step is a Wagtail page, a list of pages (a page's `breadcrumb` ancestors), or a title followed
    by its URL or its page. Empty steps are left out, so templates can pass optional ones as they are.
    """
    request = context.get("request")
    trail = [(_("Home"), reverse("wagtail_serve", args=[""]))]
    title = None
    for step in steps:
        if title is not None:
            if title and step:
                trail.append((title, step.get_url(request) if isinstance(step, Page) else step))
            title = None
        elif isinstance(step, Page):
            trail.append((step.title, step.get_url(request)))
        elif isinstance(step, list | tuple):
            trail.extend((page.title, page.get_url(request)) for page in step)
        elif step is None:
            continue
        else:
            title = str(step)
    return {"trail": trail, "current": current}
