"""Published adoptions, stories and feedback show on public sheets: anonymous visitors' cached pages must refresh."""

from django.db.models.signals import post_delete, post_save, pre_save

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
    was_shown = getattr(instance, "_was_published", instance.status == instance.Status.PUBLISHED)
    if was_shown or instance.status == instance.Status.PUBLISHED:
        invalidate_page_cache()


def remember_feedback_status(sender, instance, raw=False, **kwargs):
    # Unpublishing must refresh the cached sheets too: was it shown before this save?
    published = instance.Status.PUBLISHED
    instance._was_published = bool(
        not raw and instance.pk and sender.objects.filter(pk=instance.pk, status=published).exists()
    )


def connect():
    from toolkit.models import Adoption, NeighbouringCentre, ResourceFeedback

    post_save.connect(adoption_changed, sender=Adoption, dispatch_uid="toolkit-adoption-saved")
    post_delete.connect(adoption_changed, sender=Adoption, dispatch_uid="toolkit-adoption-deleted")
    pre_save.connect(remember_feedback_status, sender=ResourceFeedback, dispatch_uid="toolkit-feedback-saving")
    post_save.connect(feedback_changed, sender=ResourceFeedback, dispatch_uid="toolkit-feedback-saved")
    post_delete.connect(feedback_changed, sender=ResourceFeedback, dispatch_uid="toolkit-feedback-deleted")
    post_save.connect(centre_changed, sender=NeighbouringCentre, dispatch_uid="toolkit-centre-saved")
