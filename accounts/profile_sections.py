"""Sections that other apps add to "Mon compte" (e.g. "Mes propositions"), without accounts importing them.

    from accounts.profile_sections import register_profile_section
    register_profile_section(key="my_proposals", order=10, template="participation/includes/account_proposals.html",
                             get_context=lambda request: {...})

Register in the app's AppConfig.ready(); keep each get_context to a fixed number of queries.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ProfileSection:
    key: str
    order: int
    template: str
    get_context: Callable[[Any], dict | None]


_sections: dict[str, ProfileSection] = {}


def register_profile_section(*, key, order, template, get_context):
    _sections[key] = ProfileSection(key=key, order=order, template=template, get_context=get_context)


def profile_sections(request):
    """[(template, context), ...] in display order; a section whose context is None is left out."""
    rendered = []
    for section in sorted(_sections.values(), key=lambda s: s.order):
        context = section.get_context(request)
        if context is not None:
            rendered.append((section.template, context))
    return rendered
