"""What the CV builder tells people: a CV shared with a centre (its staff), a share link about to expire (the owner).

Help given by staff on a CV is told by the consent journal (accounts.consent.record_action).
"""

from datetime import timedelta

from django.db.models.signals import post_save
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.notifications import notify, register_kind
from accounts.tasks import register_periodic
from home.permissions import staff_of_centre
from home.templatetags.french_dates import jour

EXPIRY_NOTICE = timedelta(days=3)


def cv_shared(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    text = _("%(person)s shared a CV with %(centre)s: you can help them with it.") % {
        "person": instance.cv.owner.public_name,
        "centre": instance.centre.title,
    }
    notify(staff_of_centre(instance.centre), "staff_cv_shared", text, reverse("cv_builder:staff"))


def links_expiring(now):
    from cv_builder.models import ShareLink

    soon = ShareLink.objects.active(now).filter(expires_at__lte=now + EXPIRY_NOTICE).select_related("cv__owner")
    told = 0
    for link in soon:
        text = _("The share link of your CV “%(cv)s”%(label)s stops working on %(date)s.") % {
            "cv": link.cv.title,
            "label": f" ({link.label})" if link.label else "",
            "date": jour(link.expires_at),
        }
        url = reverse("cv_builder:share", args=[link.cv_id])
        told += len(notify([link.cv.owner], "cv_link_expiring", text, url, key=f"share-expiring:{link.pk}"))
    return told


def connect():
    from cv_builder.models import CentreShare

    register_kind("cv_link_expiring", gettext_lazy("The share link of your CV expires soon"))
    register_kind("staff_cv_shared", gettext_lazy("Staff: a CV is shared with your centre"), staff=True)
    post_save.connect(cv_shared, sender=CentreShare, dispatch_uid="cv-builder-notify-share")
    register_periodic(links_expiring)
