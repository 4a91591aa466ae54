"""Published adoptions, stories and feedback show on public sheets: anonymous visitors' cached pages must refresh."""

from django.db.models.signals import post_delete, post_init, post_save

from home.page_cache import invalidate_page_cache


def adoption_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        invalidate_page_cache()


def centre_changed(sender, instance, raw=False, **kwargs):
    if not raw and instance.adoptions.filter(is_published=True).exists():
        invalidate_page_cache()


def feedback_changed(sender, instance, raw=False, **kwargs):
    # Only published feedback shows on the sheets and the index; new feedback changes nothing there.
    if raw:
        return
    was_shown = getattr(instance, "_was_published", False)
    if was_shown or instance.status == instance.Status.PUBLISHED:
        invalidate_page_cache()


def remember_feedback_status(sender, instance, **kwargs):
    instance._was_published = instance.status == instance.Status.PUBLISHED


def connect():
    from toolkit.models import Adoption, NeighbouringCentre, ResourceFeedback

    post_save.connect(adoption_changed, sender=Adoption, dispatch_uid="toolkit-adoption-saved")
    post_delete.connect(adoption_changed, sender=Adoption, dispatch_uid="toolkit-adoption-deleted")
    post_init.connect(remember_feedback_status, sender=ResourceFeedback, dispatch_uid="toolkit-feedback-loaded")
    post_save.connect(feedback_changed, sender=ResourceFeedback, dispatch_uid="toolkit-feedback-saved")
    post_delete.connect(feedback_changed, sender=ResourceFeedback, dispatch_uid="toolkit-feedback-deleted")
    post_save.connect(centre_changed, sender=NeighbouringCentre, dispatch_uid="toolkit-centre-saved")
