"""Staff screens in the Wagtail admin, each scoped to the centres the user may edit (Wagtail page permissions)."""

from functools import wraps

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.page_cache import invalidate_page_cache
from home.permissions import centres_for_user, user_is_centre_staff
from home.tabular import csv_response
from participation import results
from participation.forms import (
    CodeBatchForm,
    ModerationForm,
    OutcomeForm,
    RevokeCodeForm,
)
from participation.models import Proposal, TallySheet, VotingCode, WorkshopPage
from participation.models.codes import normalise_code
from participation.on_behalf import OnBehalfProposalForm, journal_proposal
from participation.reports import dismiss_reports, open_reports_q

STATUS_FILTERS = {
    # Every unreviewed report puts the proposal here at once (not only after it is hidden).
    "todo": Q(status=Proposal.Status.PENDING) | Q(hidden_by_reports=True) | open_reports_q(),
    "published": Q(status=Proposal.Status.PUBLISHED, hidden_by_reports=False),
    "rejected": Q(status=Proposal.Status.REJECTED),
    "all": Q(),
}


class NotYourCentre(Exception):
    """Raised when a staff member reaches into another centre's workshop."""


def centre_scoped(view):
    """A 403 page (not Wagtail's redirect to the dashboard) for another centre's objects."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except NotYourCentre:
            return render(
                request,
                "participation/admin/forbidden.html",
                {"page_title": _("Access denied")},
                status=403,
            )

    return wrapper


def _staff_workshop(request, pk):
    workshop = get_object_or_404(WorkshopPage.objects.select_related("centre"), pk=pk)
    if workshop.centre is None or not user_is_centre_staff(request.user, workshop.centre):
        raise NotYourCentre
    return workshop


def _staff_proposal(request, pk):
    proposal = get_object_or_404(
        Proposal.objects.select_related("workshop", "workshop__centre", "author", "entered_by"), pk=pk
    )
    if proposal.workshop.centre is None or not user_is_centre_staff(request.user, proposal.workshop.centre):
        raise NotYourCentre
    return proposal


def moderation_queue(request):
    centres = centres_for_user(request.user)
    current = request.GET.get("statut", "todo")
    if current not in STATUS_FILTERS:
        current = "todo"
    proposals = (
        Proposal.objects.for_centres(centres)
        .filter(STATUS_FILTERS[current])
        .select_related("workshop", "workshop__centre", "author")
        .annotate(report_count=Count("reports"), has_open_reports=open_reports_q())
        .order_by("-hidden_by_reports", "-has_open_reports", "created_at")
    )
    workshops = WorkshopPage.objects.filter(centre__in=centres).select_related("centre").order_by("-voting_start")
    return render(
        request,
        "participation/admin/queue.html",
        {
            "page_title": _("Participation"),
            "proposals": proposals[:300],
            "workshops": workshops,
            "current": current,
            "filters": [
                ("todo", _("To review")),
                ("published", _("Published")),
                ("rejected", _("Rejected")),
                ("all", _("All")),
            ],
        },
    )


@centre_scoped
def proposal_admin(request, pk):
    proposal = _staff_proposal(request, pk)
    moderation_form = ModerationForm(prefix="mod")
    outcome_form = OutcomeForm(instance=proposal, prefix="out")
    if request.method == "POST":
        if "mod-action" in request.POST:
            moderation_form = ModerationForm(request.POST, prefix="mod")
            if moderation_form.is_valid():
                action = moderation_form.cleaned_data["action"]
                proposal._history_user = request.user
                if action == "dismiss":
                    dismiss_reports(proposal, request.user)
                    messages.success(request, _("Reports dismissed for %(ref)s.") % {"ref": proposal.reference})
                    return redirect("participation_admin:proposal", pk=proposal.pk)
                if proposal.reports.exists():
                    # The decision answers the reports too: they leave the queue.
                    proposal.reports_cleared_at = timezone.now()
                if action == "publish":
                    proposal.status = Proposal.Status.PUBLISHED
                    proposal.rejection_reason = ""
                    if proposal.hidden_by_reports:
                        proposal.hidden_by_reports = False
                        proposal.reports_cleared_at = timezone.now()
                    proposal._change_reason = "Publiée"
                else:
                    proposal.status = Proposal.Status.REJECTED
                    proposal.rejection_reason = moderation_form.cleaned_data["reason"].strip()
                    proposal.hidden_by_reports = False
                    proposal._change_reason = "Refusée"
                proposal.save()
                invalidate_page_cache()
                messages.success(request, _("Decision saved for %(ref)s.") % {"ref": proposal.reference})
                return redirect("participation_admin:proposal", pk=proposal.pk)
        else:
            outcome_form = OutcomeForm(request.POST, instance=proposal, prefix="out")
            if outcome_form.is_valid():
                proposal = outcome_form.save(commit=False)
                proposal._history_user = request.user
                proposal._change_reason = "Suite donnée"
                proposal.save()
                invalidate_page_cache()
                messages.success(request, _("Outcome saved for %(ref)s.") % {"ref": proposal.reference})
                return redirect("participation_admin:proposal", pk=proposal.pk)
    history = list(proposal.history.select_related("history_user").order_by("-history_date", "-history_id"))
    changes = []
    for index, record in enumerate(history):
        previous = history[index + 1] if index + 1 < len(history) else None
        fields = []
        if previous is not None:
            delta = record.diff_against(previous)
            fields = [
                (Proposal._meta.get_field(change.field).verbose_name, change.old, change.new)
                for change in delta.changes
            ]
        changes.append({"record": record, "fields": fields})
    return render(
        request,
        "participation/admin/proposal.html",
        {
            "page_title": proposal.reference,
            "proposal": proposal,
            "moderation_form": moderation_form,
            "outcome_form": outcome_form,
            "history": changes,
            "reports": proposal.reports.select_related("reporter").order_by("-created_at"),
        },
        status=400 if request.method == "POST" else 200,
    )


@centre_scoped
def workshop_admin(request, pk):
    workshop = _staff_workshop(request, pk)
    counts_visible = workshop.counts_visible()
    proposals = list(Proposal.objects.filter(workshop=workshop).select_related("author").order_by("reference"))
    if counts_visible:
        results.with_counts(proposals, workshop.pk)
    # Codes, counted distinct (a join to supports would count a code once per support). How many
    # codes have voted is derived from supports: hidden with the counts, except from superusers.
    show_used = counts_visible or request.user.is_superuser
    batch_counts = {"total": Count("pk", distinct=True), "revoked": Count("pk", filter=Q(revoked_at__isnull=False))}
    if show_used:
        batch_counts["used"] = Count("pk", filter=Q(ballot__supports__isnull=False), distinct=True)
        batch_counts["revoked"] = Count("pk", filter=Q(revoked_at__isnull=False), distinct=True)
    batches = VotingCode.objects.filter(workshop=workshop).values("batch").annotate(**batch_counts).order_by("batch")
    sessions = TallySheet.objects.filter(workshop=workshop).order_by("-session_date")[:50]
    return render(
        request,
        "participation/admin/workshop.html",
        {
            "page_title": workshop.title,
            "workshop": workshop,
            "proposals": proposals,
            "counts_visible": counts_visible,
            "batch_form": CodeBatchForm(),
            "revoke_form": RevokeCodeForm(),
            "batches": batches,
            "show_used": show_used,
            "sessions": sessions,
        },
    )


@centre_scoped
def paper_proposal(request, pk):
    workshop = _staff_workshop(request, pk)
    if request.method == "POST":
        form = OnBehalfProposalForm(request.POST, request.FILES, centre=workshop.centre or workshop.find_centre())
        if form.is_valid():
            proposal = form.save(commit=False)
            proposal.workshop = workshop
            proposal.on_paper = True
            proposal.entered_by = request.user
            proposal._history_user = request.user
            person = form.cleaned_data.get("account")
            if person is not None:
                proposal.author = person
            with transaction.atomic():
                proposal.save()
                if person is not None:
                    journal_proposal(request.user, proposal, person, form.centre)
            messages.success(request, _("Paper proposal saved with reference %(ref)s.") % {"ref": proposal.reference})
            return redirect("participation_admin:proposal", pk=proposal.pk)
    else:
        form = OnBehalfProposalForm(centre=workshop.centre or workshop.find_centre())
    status = 200 if request.method != "POST" else 403 if form.consent_refused else 400
    return render(
        request,
        "participation/admin/form.html",
        {"page_title": _("Type in a paper proposal"), "workshop": workshop, "form": form, "multipart": True},
        status=status,
    )


@centre_scoped
@require_POST
def generate_codes(request, pk):
    workshop = _staff_workshop(request, pk)
    form = CodeBatchForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose between 1 and 400 codes."))
        return redirect("participation_admin:workshop", pk=workshop.pk)
    batch = form.cleaned_data["batch"] or timezone.localtime().strftime("%d/%m/%Y %H:%M")
    with transaction.atomic():
        codes = VotingCode.create_batch(workshop, form.cleaned_data["count"], batch=batch, created_by=request.user)
    from participation.admin_paper import codes_pdf_response

    return codes_pdf_response(request, workshop, codes, batch, per_page=int(form.cleaned_data["per_page"]))


@centre_scoped
@require_POST
def revoke_code(request, pk):
    workshop = _staff_workshop(request, pk)
    form = RevokeCodeForm(request.POST)
    if form.is_valid():
        raw = form.cleaned_data["code"]
        full = normalise_code(raw)
        lookup = (full or "".join(ch for ch in raw.upper() if ch.isalnum()))[:4]
        updated = VotingCode.objects.filter(workshop=workshop, lookup=lookup, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        if updated:
            messages.success(request, _("The code starting with %(start)s is revoked.") % {"start": lookup})
        else:
            messages.error(request, _("No active code of this workshop starts with %(start)s.") % {"start": lookup})
    return redirect("participation_admin:workshop", pk=workshop.pk)


@centre_scoped
@require_POST
def revoke_batch(request, pk):
    workshop = _staff_workshop(request, pk)
    batch = request.POST.get("batch", "")
    updated = VotingCode.objects.filter(workshop=workshop, batch=batch, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    messages.success(request, _("%(n)d codes revoked.") % {"n": updated})
    return redirect("participation_admin:workshop", pk=workshop.pk)


def paper_summary_rows(workshop):
    """Who voted, below the ranking: paper ballots are counted from confirmed tally sheets only."""
    from participation.paper import paper_figures

    figures = paper_figures(workshop)
    return [
        [_("Online voters"), figures.online_voters],
        [_("of whom with a voting code"), figures.codes_used],
        [_("Paper ballots cast"), figures.ballots_cast],
        [_("Blank paper ballots"), figures.blank],
        [_("Spoilt paper ballots"), figures.spoilt],
        [_("Confirmed tally sheets"), figures.sheets],
        [_("Tally sheets to be checked (not counted)"), figures.sheets_to_check],
    ]


@centre_scoped
def results_csv(request, pk):
    workshop = _staff_workshop(request, pk)
    if not workshop.counts_visible():
        return HttpResponse(
            _("The counts stay hidden until voting closes: the results can be downloaded afterwards."),
            status=409,
            content_type="text/plain; charset=utf-8",
        )
    rows = [
        [p.rank_label, p.reference, p.title, p.online_count, p.paper_count, p.total_count, p.get_outcome_display()]
        for p in results.ranked_results(workshop)
    ]
    header = [_("Rank"), _("Reference"), _("Title"), _("Online"), _("Paper"), _("Total"), _("Outcome")]
    rows += [[], *paper_summary_rows(workshop)]
    return csv_response(f"resultats-{workshop.slug}.csv", header, rows)


@centre_scoped
def proposals_csv(request, pk):
    workshop = _staff_workshop(request, pk)
    proposals = list(Proposal.objects.filter(workshop=workshop).select_related("author").order_by("reference"))
    counts_visible = workshop.counts_visible()
    if counts_visible:
        results.with_counts(proposals, workshop.pk)
    header = [
        _("Reference"),
        _("Title"),
        _("Description"),
        _("Author"),
        _("Collected on paper"),
        _("Status"),
        _("Outcome"),
        _("Official answer"),
        _("Submitted on"),
    ]
    if counts_visible:
        header += [_("Online"), _("Paper"), _("Total")]
    rows = []
    for p in proposals:
        row = [
            p.reference,
            p.title,
            p.description,
            str(p.author_name),
            _("yes") if p.on_paper else _("no"),
            p.get_status_display(),
            p.get_outcome_display(),
            p.official_answer,
            timezone.localtime(p.created_at).strftime("%d/%m/%Y %H:%M"),
        ]
        if counts_visible:
            row += [p.online_count, p.paper_count, p.total_count]
        rows.append(row)
    return csv_response(f"propositions-{workshop.slug}.csv", header, rows)
