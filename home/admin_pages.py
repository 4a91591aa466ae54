"""Wagtail's page editor without traps for centre staff (see docs/staff-admin.md).

- "Publier" is the main button of the editor when the user may publish (not hidden under
  "Plus d'actions" behind "Enregistrer le brouillon").
- A new page is not autosaved as a draft before its first explicit save (a half-done article
  without its image was saved, and starting again clashed on its slug). Pages already saved keep
  Wagtail's autosave.
- "Aide" opens the French staff guide ("Guide de l'équipe") instead of Wagtail's English guide.
- A slug typed with accents is refused on its field, with the address to use (home/page_slugs.py).
"""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.pages.create import CreateView

from home import page_slugs  # noqa: F401  (registers the ASCII slug field of every admin form)


def publish_first(menu_items, request, context):
    """The default (first) action of the page editor is "Publier" when the user may publish."""
    for index, item in enumerate(menu_items):
        if item.name == "action-publish":
            menu_items.insert(0, menu_items.pop(index))
            return


class FirstSaveCreateView(CreateView):
    """Wagtail's "add a page" screen, with autosave off until the page is saved once on purpose."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["autosave_enabled"] = False
        return context


def staff_guide(request):
    return render(request, "home/admin/staff_guide.html", {"page_title": _("Team guide")})


STAFF_GUIDE_LABEL = gettext_lazy("Team guide")
DROPPED_HELP_ITEMS = ("editor-guide",)


def french_help_menu(request, menu_items):
    """Wagtail's English guide and release notes give way to the team's own guide."""
    menu_items[:] = [
        item for item in menu_items if item.name not in DROPPED_HELP_ITEMS and not item.name.startswith("whats-new")
    ]
    menu_items.insert(
        0, MenuItem(STAFF_GUIDE_LABEL, reverse("staff_guide"), name="staff-guide", icon_name="help", order=0)
    )
