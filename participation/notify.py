"""What participation tells people, from model signals (whatever code path changes a proposal).

- the author: published, refused (with the reason), answered, outcome changed;
- the author and supporters with an account: each milestone of a selected proposal;
- people who took part in a workshop: its vote opens, its results are out (a periodic check, by date);
- the centre's staff: a new proposal to moderate, a new report.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.notifications import notify, register_kind
from accounts.tasks import register_periodic
from home.permissions import staff_of_centre

RECENT = timedelta(days=3)  # a vote opened longer ago than this is no news any more


def register_kinds():
    register_kind("proposal_published", gettext_lazy("Your proposal is published"))
    register_kind("proposal_refused", gettext_lazy("Your proposal is not published (with the reason)"))
    register_kind("proposal_answered", gettext_lazy("The centre answered your proposal"))
    register_kind("proposal_outcome", gettext_lazy("What becomes of your proposal"))
    register_kind("proposal_milestone", gettext_lazy("News of a selected proposal you made or supported"))
    register_kind("workshop_voting", gettext_lazy("A workshop you took part in opens its vote"))
    register_kind("workshop_results", gettext_lazy("A workshop you took part in publishes its results"))
    register_kind("staff_new_proposal", gettext_lazy("Staff: a new proposal to moderate"), staff=True)
    register_kind("staff_new_report", gettext_lazy("Staff: a proposal is reported"), staff=True)
    register_periodic(check_workshops)


def proposal_url(proposal):
    return reverse("participation:proposal", args=[proposal.reference])


def admin_url(proposal):
    try:
        return reverse("participation_admin:proposal", args=[proposal.pk])
    except NoReverseMatch:  # the admin screens moved: the moderation queue still lists it
        return reverse("wagtailadmin_home")


def proposal_history_created(sender, instance, history_instance, **kwargs):
    """simple-history wrote a record of a proposal: compare it with the one before."""
    from participation.models import Proposal

    if not isinstance(instance, Proposal):  # the sender is the historical model
        return
    previous = history_instance.prev_record
    if previous is None:
        if instance.status == Proposal.Status.PENDING:
            _alert_staff_new_proposal(instance)
        return
    author = [instance.author] if instance.author_id else []
    values = {"title": instance.title, "ref": instance.reference}
    url = proposal_url(instance)
    if instance.status != previous.status:
        if instance.status == Proposal.Status.PUBLISHED:
            notify(author, "proposal_published", _("Your proposal “%(title)s” (%(ref)s) is published.") % values, url)
        elif instance.status == Proposal.Status.REJECTED:
            text = _("Your proposal “%(title)s” (%(ref)s) is not published. Reason: %(reason)s") % {
                **values,
                "reason": instance.rejection_reason or _("none given"),
            }
            notify(author, "proposal_refused", text, url)
    if instance.official_answer and instance.official_answer != previous.official_answer:
        notify(author, "proposal_answered", _("The centre answered your proposal “%(title)s”.") % values, url)
    if instance.outcome and instance.outcome != previous.outcome:
        text = _("Your proposal “%(title)s”: %(outcome)s.") % {**values, "outcome": instance.get_outcome_display()}
        notify(author, "proposal_outcome", text, url)


def _alert_staff_new_proposal(proposal):
    centre = proposal.workshop.centre or proposal.workshop.find_centre()
    if centre is None:
        return
    staff = staff_of_centre(centre).exclude(pk=proposal.entered_by_id or 0)
    text = _("New proposal to moderate in “%(workshop)s”: “%(title)s” (%(ref)s).") % {
        "workshop": proposal.workshop.title,
        "title": proposal.title,
        "ref": proposal.reference,
    }
    notify(staff, "staff_new_proposal", text, admin_url(proposal))


def report_saved(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    proposal = instance.proposal
    centre = proposal.workshop.centre or proposal.workshop.find_centre()
    if centre is None:
        return
    text = _("The proposal “%(title)s” (%(ref)s) was reported: %(reason)s") % {
        "title": proposal.title,
        "ref": proposal.reference,
        "reason": instance.reason[:200],
    }
    notify(staff_of_centre(centre), "staff_new_report", text, admin_url(proposal))


def supporters_and_author(proposal):
    User = get_user_model()
    return User.objects.filter(
        Q(pk=proposal.author_id or 0) | Q(participation_ballots__supports__proposal=proposal)
    ).distinct()


def milestone_saved(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    proposal = instance.proposal
    text = _("News of the proposal “%(title)s”: %(progress)s — %(text)s") % {
        "title": proposal.title,
        "progress": instance.get_progress_display(),
        "text": instance.text[:200],
    }
    notify(supporters_and_author(proposal), "proposal_milestone", text, proposal_url(proposal) + "#suivi")


def _participants(workshop, voters):
    User = get_user_model()
    took_part = Q(participation_proposals__workshop=workshop)
    if voters:
        took_part |= Q(participation_ballots__workshop=workshop)
    return User.objects.filter(took_part).distinct()


def check_workshops(now):
    """The votes that opened and the results that came out in the last days: told once to each participant."""
    from participation.models import WorkshopPage

    told = 0
    live = WorkshopPage.objects.live()
    for workshop in live.filter(voting_start__lte=now, voting_start__gt=now - RECENT, voting_end__gt=now):
        text = _("The vote is open in the workshop “%(title)s”: choose the proposals you support.") % {
            "title": workshop.title
        }
        people = _participants(workshop, voters=False)
        told += len(notify(people, "workshop_voting", text, workshop.url or "", key=f"voting-open:{workshop.pk}"))
    results = live.annotate(results_at=Coalesce("results_date", "voting_end"))
    for workshop in results.filter(results_at__lte=now, results_at__gt=now - RECENT):
        text = _("The results of the workshop “%(title)s” are published.") % {"title": workshop.title}
        url = reverse("participation:results", args=[workshop.pk])
        people = _participants(workshop, voters=True)
        told += len(notify(people, "workshop_results", text, url, key=f"results:{workshop.pk}"))
    return told
