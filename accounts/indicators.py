"""Accounts' indicators (registered in home.indicators) and the counts kept when an account is erased."""

from django.contrib.auth import get_user_model
from django.db.models import Count, OuterRef, Subquery
from django.db.models.signals import pre_delete
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.consent_models import Action, Consent, JournalEntry
from accounts.verification_models import ResidentVerification
from home.indicators import Indicator, group_count, record_erased

ONLINE, DESK = "accounts.created_online", "accounts.created_desk"
VERIFIED, CONSENTS = "accounts.verifications", "accounts.consents"

INDICATORS = [
    Indicator(ONLINE, _("Accounts created online"), people=True, key_figure=True),
    Indicator(DESK, _("Accounts created at a desk"), people=True, key_figure=True),
    Indicator(VERIFIED, _("Residents verified at a desk"), people=True),
    Indicator(CONSENTS, _("People who gave a consent to a centre"), people=True),
]


def _desk_centre():
    """The centre whose staff created the account (its journal entry "account created")."""
    entries = JournalEntry.objects.filter(person=OuterRef("pk"), action=Action.ACCOUNT_CREATED).order_by("created_at")
    return Subquery(entries.values("centre_id")[:1])


def residents():
    """Accounts of residents: not the staff's or the network admins' own accounts."""
    return get_user_model().objects.filter(is_staff=False, is_superuser=False, groups__isnull=True)


def compute(period, centre_ids):
    joined = residents().filter(**period.moments("date_joined"))
    online = {} if centre_ids is not None else {None: joined.filter(created_by__isnull=True).count()}
    desk = joined.filter(created_by__isnull=False).annotate(desk_centre=_desk_centre())
    if centre_ids is not None:
        desk = desk.filter(desk_centre__in=centre_ids)
    desk_counts = group_count(desk, "desk_centre", n=Count("pk"))["n"]
    verifications = ResidentVerification.objects.filter(**period.moments("verified_at"))
    consents = Consent.objects.filter(confirmed_at__isnull=False, **period.moments("given_at"))
    if centre_ids is not None:
        verifications = verifications.filter(centre_id__in=centre_ids)
        consents = consents.filter(centre_id__in=centre_ids)
    return {
        ONLINE: {key: value for key, value in online.items() if value},
        DESK: desk_counts,
        VERIFIED: group_count(verifications, "centre_id", n=Count("user", distinct=True))["n"],
        CONSENTS: group_count(consents, "centre_id", n=Count("person", distinct=True))["n"],
    }


def keep_counts(sender, instance, **kwargs):
    """Before an account is deleted: its creation, verifications and consents stay counted, without the person."""
    user = instance
    local = timezone.localtime
    rows = []
    if not (user.is_staff or user.is_superuser or user.groups.exists()):
        if user.created_by_id:
            entry = JournalEntry.objects.filter(person=user, action=Action.ACCOUNT_CREATED).order_by("created_at")
            rows.append((DESK, entry.values_list("centre_id", flat=True).first(), local(user.date_joined).date(), 1))
        else:
            rows.append((ONLINE, None, local(user.date_joined).date(), 1))
    first_seen = {}
    for centre_id, at in ResidentVerification.objects.filter(user=user).values_list("centre_id", "verified_at"):
        first_seen[(VERIFIED, centre_id)] = min(first_seen.get((VERIFIED, centre_id), at), at)
    confirmed = Consent.objects.filter(person=user, confirmed_at__isnull=False)
    for centre_id, at in confirmed.values_list("centre_id", "given_at"):
        first_seen[(CONSENTS, centre_id)] = min(first_seen.get((CONSENTS, centre_id), at), at)
    rows += [(key, centre_id, local(at).date(), 1) for (key, centre_id), at in first_seen.items()]
    record_erased(rows)


def connect():
    pre_delete.connect(keep_counts, sender=get_user_model(), dispatch_uid="accounts-indicators-keep-counts")
