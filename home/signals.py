from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.centre_groups import ensure_all_centre_groups, ensure_centre_group
from home.models import CentrePage, NetworkSettings
from home.page_cache import invalidate_page_cache
from home.site_links import forget_site_links


@receiver(post_save, sender=CentrePage)
def give_new_centre_its_group(sender, instance, created, raw=False, **kwargs):
    # A centre created in the admin gets its staff group without a developer.
    if created and not raw:
        ensure_centre_group(instance)


# What anonymous visitors see changes: every cached page becomes stale at once.
# So do the menu's and the footer's links.
def _page_changed(sender, instance=None, **kwargs):
    invalidate_page_cache()
    forget_site_links(instance)


def _page_moved(sender, **kwargs):
    invalidate_page_cache()
    forget_site_links()  # the URLs of the pages below it changed too


def _row_changed(sender, instance, raw=False, created=False, **kwargs):
    if raw:
        return
    if isinstance(instance, NetworkSettings) and created:
        return  # made with its defaults on first use, while a page renders: nothing visible changed
    if isinstance(instance, Page | Site | NetworkSettings | PageViewRestriction):
        invalidate_page_cache()
        forget_site_links(instance if isinstance(instance, Page) else None)


def repair_centre_groups_after_migrate(sender, **kwargs):
    ensure_all_centre_groups()


def connect():
    from django.apps import apps

    page_published.connect(_page_changed, dispatch_uid="home-cache-published")
    page_unpublished.connect(_page_changed, dispatch_uid="home-cache-unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="home-cache-moved")
    # Saving a page row (a new page, a title or slug change, a page created by code or tests) and
    # deleting one; Page subclasses send these signals with their own class as sender.
    post_save.connect(_row_changed, dispatch_uid="home-cache-saved")
    post_delete.connect(_row_changed, dispatch_uid="home-cache-deleted")

    # After the last app has migrated, so every permission row exists.
    last_app = [config for config in apps.get_app_configs() if config.models_module][-1]
    post_migrate.connect(repair_centre_groups_after_migrate, sender=last_app)
