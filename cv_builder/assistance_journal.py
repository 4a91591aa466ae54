"""Every change a staff member makes to someone's CV or cover letter goes to the owner's journal ("Mon compte").

Hooked on simple-history's record of each CV version, so every edit path (sections, photo,
settings, restoring a version) is covered. Autosaves within half an hour share one entry.
"""

from simple_history.signals import post_create_historical_record

from accounts.consent import Action, record_action

from .access import staff_access
from .models import CV, CoverLetter


def journal_staff_edit(sender, instance, history_instance, history_user=None, **kwargs):
    if not isinstance(instance, CV | CoverLetter) or history_user is None or history_user.pk == instance.owner_id:
        return
    if isinstance(instance, CV) and history_instance.history_type == "+":
        return  # a CV started at the desk is journalled by the view, as "started"
    cv = instance if isinstance(instance, CV) else instance.cv
    centre, _can_edit = staff_access(history_user, cv)
    # A cover letter is part of the CV help the person consented to: the same action, the letter named.
    target = instance.title if isinstance(instance, CV) else f"{cv.title} – {instance.title}"
    record_action(history_user, instance.owner, centre, Action.CV_EDITED, target=target, coalesce=True)


def connect():
    post_create_historical_record.connect(journal_staff_edit, dispatch_uid="cv_builder_journal_staff_edit")
