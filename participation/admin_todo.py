"""What the participation admin puts in the "À faire" panel and on its menu (home.todo).

Three queries at most, whatever the data: one aggregate over the proposals, one count of the tally
sheets to check, one short list of workshops whose vote has just closed without a confirmed sheet.
Only the user's own centres (participation.admin_policies.staff_centre_ids).
"""

from datetime import timedelta

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from home.todo import TodoLine
from participation.admin_policies import staff_centre_ids
from participation.models import Proposal, TallySheet, WorkshopPage
from participation.reports import open_reports_q

RECENTLY_CLOSED = timedelta(days=30)
MAX_WORKSHOP_LINES = 5


def participation_todo(user):
    centres = staff_centre_ids(user)
    if not centres:
        return []
    queue = reverse("participation_admin:index")
    figures = Proposal.objects.filter(workshop__centre__in=centres).aggregate(
        pending=Count("pk", filter=Q(status=Proposal.Status.PENDING)),
        reported=Count("pk", filter=Q(hidden_by_reports=True) | open_reports_q()),
    )
    lines = [
        TodoLine(
            "proposals_pending",
            ngettext(
                "%(n)d proposal waiting for your review", "%(n)d proposals waiting for your review", figures["pending"]
            )
            % {"n": figures["pending"]},
            figures["pending"],
            f"{queue}?statut=todo",
            order=10,
        ),
        TodoLine(
            "proposals_reported",
            ngettext(
                "%(n)d proposal reported by residents, to look at",
                "%(n)d proposals reported by residents, to look at",
                figures["reported"],
            )
            % {"n": figures["reported"]},
            figures["reported"],
            f"{queue}?statut=todo",
            order=11,
        ),
    ]
    to_check = TallySheet.objects.filter(workshop__centre__in=centres, status=TallySheet.Status.TO_CHECK).count()
    lines.append(
        TodoLine(
            "tallies_to_check",
            ngettext(
                "%(n)d tally sheet to type in a second time (to be checked)",
                "%(n)d tally sheets to type in a second time (to be checked)",
                to_check,
            )
            % {"n": to_check},
            to_check,
            reverse("participation_tallies:index") + "?status=to_check",
            order=20,
        )
    )
    now = timezone.now()
    confirmed = TallySheet.objects.filter(workshop=OuterRef("pk"), status=TallySheet.Status.CONFIRMED)
    closed = (
        WorkshopPage.objects.filter(centre__in=centres, voting_end__lte=now, voting_end__gte=now - RECENTLY_CLOSED)
        .filter(~Exists(confirmed))
        .order_by("-voting_end")
        .only("pk", "title", "voting_end")[:MAX_WORKSHOP_LINES]
    )
    for workshop in closed:
        lines.append(
            TodoLine(
                "tallies_to_enter",
                _("“%(title)s”: the vote closed on %(date)s, type in the paper ballots counted in the room")
                % {"title": workshop.title, "date": timezone.localtime(workshop.voting_end).strftime("%d/%m/%Y")},
                1,
                reverse("participation_admin:tallies", args=[workshop.pk]),
                order=21,
            )
        )
    return lines
