"""Sections that other apps add to the network home page, without `home` importing them.

    from home.sections import register_home_section
    register_home_section(
        key="open_workshops", order=10,
        template="participation/includes/home_open_workshops.html",
        get_context=lambda request, home_page: {"workshops": ...},
    )

Register in the app's `AppConfig.ready()`. The home page renders each section's template
with the context its function returns (a section whose context is None is left out).
Keep each `get_context` to a fixed number of queries: the home page's count is pinned by tests.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class HomeSection:
    key: str
    order: int
    template: str
    get_context: Callable[[Any, Any], dict | None]


_sections: dict[str, HomeSection] = {}


def register_home_section(*, key, order, template, get_context):
    _sections[key] = HomeSection(key=key, order=order, template=template, get_context=get_context)


def sections_for(request, home_page):
    """[(template, context), ...] in display order."""
    rendered = []
    for section in sorted(_sections.values(), key=lambda s: s.order):
        context = section.get_context(request, home_page)
        if context is not None:
            rendered.append((section.template, context))
    return rendered


def section_for(key, request, home_page):
    """One registered section, e.g. the open workshops on the search page that found nothing."""
    section = _sections.get(key)
    if section is None:
        return None
    context = section.get_context(request, home_page)
    return None if context is None else (section.template, context)
