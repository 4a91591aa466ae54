"""Create or repair, for every centre, a staff group that may edit only that centre's section.

Idempotent: running it again changes nothing; a missing permission is added back.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
COLLECTION_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
}


def group_name_for(centre):
    return f"Équipe {centre.title}"


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _collection_for(centre):
    if centre.collection_id:
        return centre.collection
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    collection = root.get_children().filter(name=centre.title).first() or root.add_child(name=centre.title)
    type(centre).objects.filter(pk=centre.pk).update(collection=collection)
    centre.collection = collection
    return collection


@transaction.atomic
def ensure_centre_group(centre):
    """Return the centre's staff group, creating or repairing it and its collection."""
    # Found through its rights on the centre first, so renaming a centre keeps its group.
    group = (
        Group.objects.filter(
            page_permissions__page=centre,
            page_permissions__permission__codename="change_page",
            name__startswith="Équipe ",
        )
        .order_by("pk")
        .first()
    )
    if group is None:
        group, _created = Group.objects.get_or_create(name=group_name_for(centre))
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=centre, permission=_permission("wagtailcore", codename)
        )
    collection = _collection_for(centre)
    for app_label, codenames in COLLECTION_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_permission(app_label, codename)
            )
    return group


def ensure_all_centre_groups():
    from home.models import CentrePage

    return [ensure_centre_group(centre) for centre in CentrePage.objects.all()]
