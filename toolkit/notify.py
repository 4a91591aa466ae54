"""A neighbouring centre asks to join: the network admins are told (immediately or in their daily digest)."""

from django.db.models.signals import post_save
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.notifications import notify, register_kind
from home.permissions import network_admins


def join_request_saved(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    try:
        url = reverse("toolkit_join_requests:edit", args=[instance.pk])
    except NoReverseMatch:
        url = ""
    text = _("New join request from %(centre)s (%(town)s), contact: %(contact)s.") % {
        "centre": instance.centre_name,
        "town": instance.town,
        "contact": instance.contact_name,
    }
    notify(network_admins(), "staff_join_request", text, url)


def connect():
    from toolkit.models import JoinRequest

    register_kind("staff_join_request", gettext_lazy("Network admin: a centre asks to join"), staff=True)
    post_save.connect(join_request_saved, sender=JoinRequest, dispatch_uid="toolkit-notify-join")
