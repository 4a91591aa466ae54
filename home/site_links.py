"""The pages the header menu and the footer link to.

They are read in one query and kept in the cache, so a page costs no query for them: the menu lists
the home page's live children ticked "Afficher dans les menus" (Wagtail's own flag, in the Promote tab),
the footer the legal pages chosen in the network settings. A change to one of those pages, to a page
that may join the menu, to a site or to the settings forgets them at once (home.signals); a process with
its own local-memory cache sees another process's change within LINKS_TIMEOUT seconds.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q
from django.utils.translation import gettext
from wagtail.models import Page, Site

CACHE_KEY = "site-links"
LINKS_TIMEOUT = 60


@dataclass(frozen=True)
class Link:
    label: str
    url: str


def site_links(network_settings):
    """(footer links, menu links) of the network settings' site."""
    stored = cache.get(CACHE_KEY) or {"sites": {}, "watched": set(), "menu_depths": set()}
    links = stored["sites"].get(network_settings.site_id)
    if links is None:
        footer, menu, pages, menu_depth = _read_links(network_settings)
        links = stored["sites"][network_settings.site_id] = (footer, menu)
        stored["watched"] |= {page.pk for page in pages}
        stored["menu_depths"].add(menu_depth)
        cache.set(CACHE_KEY, stored, LINKS_TIMEOUT)
    return links


def forget_site_links(page=None):
    """Forget the links when `page` is one of them or may join the menu (any change when no page)."""
    if page is not None:
        stored = cache.get(CACHE_KEY)
        if stored is None:
            return
        may_join_menu = page.show_in_menus and page.depth in stored["menu_depths"]
        if page.pk not in stored["watched"] and not may_join_menu:
            return  # a news article, an event, a centre off the menu: the links stay as they are
    cache.delete(CACHE_KEY)


def _read_links(network_settings):
    wanted = [
        (gettext("Legal notice"), network_settings.legal_notice_page_id),
        (gettext("Personal data"), network_settings.privacy_page_id),
        (gettext("Accessibility"), network_settings.accessibility_page_id),
    ]
    ids = [pk for _label, pk in wanted if pk]
    # A page whose URL path has n slashes is at depth n in the tree: the menu's pages are the
    # children of the site's root page, found from Wagtail's cached root paths.
    root_path = next(
        (root.root_path for root in Site.get_site_root_paths() if root.site_id == network_settings.site_id), None
    )
    query, menu_depth = Q(pk__in=ids), None
    if root_path:
        menu_depth = root_path.count("/") + 1
        query |= Q(show_in_menus=True, url_path__startswith=root_path, depth=menu_depth)
    pages = []
    if ids or root_path:
        pages = list(Page.objects.live().filter(query).select_related("accessibilitystatementpage").order_by("path"))
    by_pk = {page.pk: page for page in pages}

    footer = []
    for label, pk in wanted:
        if pk not in by_pk:
            continue
        page = by_pk[pk]
        if pk == network_settings.accessibility_page_id:
            # RGAA: the footer link says the compliance level ("Accessibilité : partiellement conforme").
            try:
                level = page.accessibilitystatementpage.get_compliance_display()
            except ObjectDoesNotExist:
                level = None
            if level:
                label = gettext("Accessibility: %(level)s") % {"level": level}
        footer.append(Link(label, page.get_url()))
    menu = [Link(page.title, page.get_url()) for page in pages if page.show_in_menus and page.depth == menu_depth]
    return footer, menu, pages, menu_depth
