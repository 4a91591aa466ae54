"""A published adoption shows on a public sheet: anonymous visitors' cached pages must refresh."""

from django.db.models.signals import post_delete, post_save

from home.page_cache import invalidate_page_cache


def adoption_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        invalidate_page_cache()


def centre_changed(sender, instance, raw=False, **kwargs):
    if not raw and instance.adoptions.filter(is_published=True).exists():
        invalidate_page_cache()


def connect():
    from toolkit.models import Adoption, NeighbouringCentre

    post_save.connect(adoption_changed, sender=Adoption, dispatch_uid="toolkit-adoption-saved")
    post_delete.connect(adoption_changed, sender=Adoption, dispatch_uid="toolkit-adoption-deleted")
    post_save.connect(centre_changed, sender=NeighbouringCentre, dispatch_uid="toolkit-centre-saved")
