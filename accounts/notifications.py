"""The one notification API every app uses: messages in the site, emails through the task queue.

    from accounts.notifications import notify, register_kind
    register_kind("proposal_published", _("Your proposal is published"))       # in AppConfig.ready()
    notify([author], "proposal_published", _("Your proposal … is published."), url)

A message always goes to "Mes messages"; it is also emailed when the person has an address and
keeps email on for that kind (each kind has a default). Staff alert kinds (`staff=True`) are
emailed at once, or gathered into one daily digest when the staff member chose so. Every email
carries a signed unsubscribe link for its kind. Emails are sent by the worker (accounts/tasks.py),
never in the request. accounts imports no feature app: the apps register their kinds here.
"""

import functools
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.notification_models import Notification, NotificationSettings, OutgoingEmail

__all__ = ["KINDS", "Notification", "notify", "queue_email", "register_kind", "unread_count"]

UNSUBSCRIBE_SALT = "accounts.notifications.unsubscribe"
ALL_STAFF = "staff"  # the unsubscribe key of a digest: every staff alert by email


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    staff: bool = False
    email_default: bool = True


KINDS: dict[str, Kind] = {}


def register_kind(key, label, *, staff=False, email_default=True):
    KINDS[key] = Kind(key, label, staff, email_default)
    return KINDS[key]


def site_root():
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).only("hostname", "port").first()
    return site.root_url if site else getattr(settings, "WAGTAILADMIN_BASE_URL", "")


# --- choices ---------------------------------------------------------------------------------------


def settings_for(user):
    found, _created = NotificationSettings.objects.get_or_create(user=user)
    return found


def wants_email(user, kind, user_settings=None):
    if not user.email:
        return False
    user_settings = user_settings if user_settings is not None else settings_for(user)
    return bool(user_settings.by_email.get(kind.key, kind.email_default))


def unsubscribe_token(user, kind_key):
    return signing.dumps({"u": user.pk, "k": kind_key}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token):
    """(user id, kind key) or None for a forged or damaged token (they never expire)."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int) or not isinstance(data.get("k"), str):
        return None
    return data["u"], data["k"]


def unsubscribe(user, kind_key):
    """Email off for this kind (or, from a digest, for every staff alert). Messages stay in the site."""
    user_settings = settings_for(user)
    keys = [k.key for k in KINDS.values() if k.staff] if kind_key == ALL_STAFF else [kind_key]
    for key in keys:
        user_settings.by_email[key] = False
    user_settings.save(update_fields=["by_email"])


def unsubscribe_url(user, kind_key):
    return site_root() + reverse("accounts:unsubscribe", args=[unsubscribe_token(user, kind_key)])


# --- the count in the header -----------------------------------------------------------------------


def _count_key(user_id):
    return f"accounts:unread:{user_id}"


def unread_count(user):
    """Unread messages: one query, then kept in the shared cache until a message arrives or is read."""
    key = _count_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
        cache.set(key, count, timeout=24 * 3600)
    return count


def bump_count(user_ids, delta):
    """Keep a cached count right without reading it again (a count not cached is left to the next read)."""
    for pk in user_ids:
        try:
            cache.incr(_count_key(pk), delta)
        except ValueError:
            pass


def prime_count(sender, request=None, user=None, **kwargs):
    """On log-in: read the count once, so pages after it find it cached (their query counts stay flat)."""
    if user is not None and user.pk:
        unread_count(user)


def header_count(request):
    """Context processor: `unread_messages`, computed only when a template shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    # A template calls a callable when it resolves it: nothing is read on pages that do not show it.
    return {"unread_messages": functools.cache(lambda: unread_count(user))}


# --- sending ---------------------------------------------------------------------------------------


def email_footer(unsubscribe):
    return _(
        "\n\n--\nAll your messages are in “My messages” on your account page: %(inbox)s\n"
        "To stop receiving these emails: %(unsubscribe)s"
    ) % {"inbox": site_root() + reverse("accounts:messages"), "unsubscribe": unsubscribe}


def queue_email(user, subject, body, *, kind_key, address=None, notifications=()):
    """Store the email and enqueue its sending (in the same transaction: a rolled back action sends nothing)."""
    from accounts.tasks import deliver_email

    address = address or user.email
    if not address:
        return None
    link = unsubscribe_url(user, kind_key)
    email = OutgoingEmail.objects.create(
        recipient=user, to=address, subject=subject[:200], body=body + email_footer(link), unsubscribe_url=link
    )
    if notifications:
        email.notifications.set(notifications)
    deliver_email.enqueue(email.pk)
    return email


def notify(recipients, kind_key, text, url="", *, key="", subject=None, body=None):
    """Tell each recipient (users; None and duplicates skipped). Returns the messages created."""
    kind = KINDS[kind_key]
    people = {person.pk: person for person in recipients if person is not None and person.is_active}
    if not people:
        return []
    if key:
        told = set(Notification.objects.filter(recipient_id__in=people, key=key).values_list("recipient_id", flat=True))
        people = {pk: person for pk, person in people.items() if pk not in told}
    choices = {s.user_id: s for s in NotificationSettings.objects.filter(user_id__in=people)}
    created = []
    for person in people.values():
        user_settings = choices.get(person.pk) or NotificationSettings(user=person)
        email = Notification.Email.NONE
        if wants_email(person, kind, user_settings):
            email = (
                Notification.Email.DIGEST if kind.staff and user_settings.daily_digest else Notification.Email.QUEUED
            )
        try:
            with transaction.atomic():
                message = Notification.objects.create(
                    recipient=person, kind=kind.key, text=str(text)[:400], url=url[:300], key=key, email=email
                )
        except IntegrityError:  # told already by a check running beside this one
            continue
        if email == Notification.Email.QUEUED:
            text_body = body or f"{message.text}\n\n{site_root() + url if url.startswith('/') else url}".rstrip()
            queue_email(person, subject or str(kind.label), text_body, kind_key=kind.key, notifications=[message])
        created.append(message)
    bump_count([message.recipient_id for message in created], 1)
    return created


def mark_read(user, messages):
    from django.utils import timezone

    ids = [message.pk for message in messages if message.read_at is None]
    if ids:
        changed = Notification.objects.filter(pk__in=ids, recipient=user, read_at__isnull=True).update(
            read_at=timezone.now()
        )
        bump_count([user.pk], -changed)
    return ids


def export(user):
    """For the personal data export: the messages and the email choices."""
    found = NotificationSettings.objects.filter(user=user).first()
    return {
        "email_choices": found.by_email if found else {},
        "daily_digest": bool(found and found.daily_digest),
        "messages": [
            {"date": m.created_at, "kind": m.kind, "text": m.text, "link": m.url, "read_at": m.read_at}
            for m in Notification.objects.filter(recipient=user)
        ],
    }
