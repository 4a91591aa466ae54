"""Versions people can use: the saves of one editing session of a step make one version, and who made it.

A save of the same step by the same person less than GROUP_MINUTES after that step's last version updates
that version instead of adding one (autosave posts every pause in typing: 105 of them once pushed the CV as it
was before the session out of reach).
"""

from datetime import timedelta

from django.utils import timezone

from home.permissions import centres_for_user

GROUP_MINUTES = 10


def save_version(cv, user, reason):
    """Save `cv` (already changed) as a new version, or into the last one when it is the same session."""
    now = timezone.now()
    last = cv.history.order_by("-history_date", "-history_id").first()
    same_session = (
        last is not None
        and last.history_type == "~"
        and user is not None
        and last.history_user_id == user.pk
        and last.history_change_reason == reason
        and now - last.history_date < timedelta(minutes=GROUP_MINUTES)
    )
    if not same_session:
        cv._change_reason = reason
        cv.save()
        return
    cv.skip_history_when_saving = True
    try:
        cv.save()
    finally:
        del cv.skip_history_when_saving
    fields = {
        field.attname: getattr(cv, field.attname)
        for field in type(cv)._meta.concrete_fields
        if field.attname not in ("id", "updated_at")
    }
    type(last).objects.filter(pk=last.pk).update(history_date=now, **fields)


def base_record(cv, version):
    """The version a form was based on, or the closest earlier one still listed (sessions are merged)."""
    return cv.history.filter(version__lte=version).order_by("-version", "-history_date").only("data").first()


def person_name(user):
    """The person's own name, not a shared team label: first and last name, else the display name."""
    own = " ".join(part for part in (user.first_name, user.last_name) if part)
    return own or user.public_name


def authors(cv, records):
    """{user id: "Name (Centre)"} for the people who made `records`; staff get the centre they help from."""
    shared = {share.centre_id: share.centre.title for share in cv.centre_shares.select_related("centre")}
    labels = {}
    for record in records:
        user = record.history_user
        if user is None or user.pk in labels:
            continue
        if user.pk == cv.owner_id:
            labels[user.pk] = person_name(user)
            continue
        centres = [shared[pk] for pk in centres_for_user(user).filter(pk__in=shared).values_list("pk", flat=True)]
        name = person_name(user)
        labels[user.pk] = f"{name} ({', '.join(centres)})" if centres else name
    return labels


def only_other_parts_changed(document, part, based_on, new_data):
    """True when, since the version the form was based on, nobody changed this part of the document
    (a CV's section, a letter's step) - only others.

    Then the save applies on top of the current document (the form's data started from it): nothing
    is overwritten. Used by the CV and the letter editors alike.
    """
    if new_data is None or based_on is None or based_on > document.version:
        return False
    base = base_record(document, based_on)
    return base is not None and part.snapshot(base.data) == part.snapshot(document.data)
