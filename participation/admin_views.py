"""Staff screens in the Wagtail admin, each scoped to the centres the user may edit (Wagtail page permissions)."""

from functools import wraps

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.history import readable_history
from home.page_cache import invalidate_page_cache
from home.permissions import user_is_centre_staff
from home.tabular import csv_response
from participation.forms import CodeBatchForm, ModerationForm, OutcomeForm, RevokeCodeForm
from participation.models import Proposal, TallySheet, VotingCode, WorkshopPage
from participation.models.codes import normalise_code
from participation.models.counts import with_counts
from participation.on_behalf import OnBehalfProposalForm, journal_proposal
from participation.reports import dismiss_reports
from participation.results import ranked_results


class NotYourCentre(Exception):
    """Raised when a staff member reaches into another centre's workshop."""


def centre_scoped(view):
    """A 403 page (not Wagtail's redirect to the dashboard) for another centre's objects."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except NotYourCentre:
            return forbidden(request)

    return wrapper


def forbidden(request):
    return render(request, "participation/admin/forbidden.html", {"page_title": _("Access denied")}, status=403)


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
                if action == "dismiss":
                    dismiss_reports(proposal, request.user)
                    messages.success(request, _("Reports dismissed for %(ref)s.") % {"ref": proposal.reference})
                    return redirect("participation_admin:proposal", pk=proposal.pk)
                if action == "publish":
                    proposal.publish(request.user)
                else:
                    proposal.refuse(request.user, moderation_form.cleaned_data["reason"])
                invalidate_page_cache()
                messages.success(request, _("Decision saved for %(ref)s.") % {"ref": proposal.reference})
                return redirect("participation_admin:proposal", pk=proposal.pk)
        else:
            outcome_form = OutcomeForm(request.POST, instance=proposal, prefix="out")
            if outcome_form.is_valid():
                data = outcome_form.cleaned_data
                proposal.answer(request.user, data["outcome"], data["official_answer"])
                invalidate_page_cache()
                messages.success(request, _("Outcome saved for %(ref)s.") % {"ref": proposal.reference})
                return redirect("participation_admin:proposal", pk=proposal.pk)
    records = proposal.history.select_related("history_user").order_by("-history_date", "-history_id")
    changes = readable_history(records, Proposal)
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
        with_counts(proposals, workshop.pk)
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


def _code_lookup(raw):
    full = normalise_code(raw)
    return (full or "".join(ch for ch in (raw or "").upper() if ch.isalnum()))[:4]


def _confirm(request, workshop, title, lost, action, hidden, status=200):
    """The page before destroying: what will be lost, in plain words, and one button to go on."""
    return render(
        request,
        "participation/admin/confirm.html",
        {"page_title": title, "workshop": workshop, "lost": lost, "action": action, "hidden": hidden},
        status=status,
    )


@centre_scoped
def revoke_code(request, pk):
    """GET (the form on the workshop page): what revoking this code means; POST: revoke it."""
    workshop = _staff_workshop(request, pk)
    form = RevokeCodeForm(request.POST if request.method == "POST" else request.GET)
    if not form.is_valid():
        messages.error(request, _("Type the first four characters of the code to revoke."))
        return redirect("participation_admin:workshop", pk=workshop.pk)
    lookup = _code_lookup(form.cleaned_data["code"])
    active = VotingCode.objects.filter(workshop=workshop, lookup=lookup, revoked_at__isnull=True)
    if request.method != "POST":
        code = active.first()
        if code is None:
            messages.error(request, _("No active code of this workshop starts with %(start)s.") % {"start": lookup})
            return redirect("participation_admin:workshop", pk=workshop.pk)
        lost = [
            _("The code starting with %(start)s (batch “%(batch)s”) will no longer let anyone vote.")
            % {"start": lookup, "batch": code.batch or "—"},
            _("Supports already given with it stay counted."),
            _("It cannot be undone, and a revoked code cannot be printed again."),
        ]
        return _confirm(
            request, workshop, _("Revoke the code %(start)s?") % {"start": lookup}, lost, request.path, {"code": lookup}
        )
    updated = 0
    for code in active:
        code.revoked_at = timezone.now()
        code.save(update_fields=["revoked_at"])
        updated += 1
    if updated:
        messages.success(request, _("The code starting with %(start)s is revoked.") % {"start": lookup})
    else:
        messages.error(request, _("No active code of this workshop starts with %(start)s.") % {"start": lookup})
    return redirect("participation_admin:workshop", pk=workshop.pk)


@centre_scoped
def revoke_batch(request, pk):
    """GET: how many codes of the batch will stop working; POST: revoke them (the batch stays listed)."""
    workshop = _staff_workshop(request, pk)
    batch = (request.POST if request.method == "POST" else request.GET).get("batch", "")
    active = VotingCode.objects.filter(workshop=workshop, batch=batch, revoked_at__isnull=True)
    if request.method != "POST":
        count = active.count()
        lost = [
            _("%(n)d codes of the batch “%(batch)s” that have not been revoked yet will no longer let anyone vote.")
            % {"n": count, "batch": batch or "—"},
            _("Supports already given with them stay counted; the batch stays in the list, marked revoked."),
            _("It cannot be undone: codes are printed once and cannot be printed again."),
        ]
        return _confirm(
            request,
            workshop,
            _("Revoke the batch “%(batch)s”?") % {"batch": batch or "—"},
            lost,
            request.path,
            {"batch": batch},
            status=200 if count else 404,
        )
    updated = active.update(revoked_at=timezone.now())
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
        for p in ranked_results(workshop)
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
        with_counts(proposals, workshop.pk)
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


def urlpatterns():
    """The screens Wagtail's generic views do not cover; mounted under the proposals viewset."""
    from participation import admin_paper, follow_up

    return [
        path("proposition/<int:pk>/", proposal_admin, name="proposal"),
        path("proposition/<int:pk>/suivi/", follow_up.milestones_admin, name="milestones"),
        path("proposition/<int:pk>/recu/", follow_up.paper_receipt, name="paper_receipt"),
        path("atelier/<int:pk>/", workshop_admin, name="workshop"),
        path("atelier/<int:pk>/proposition-papier/", paper_proposal, name="paper_proposal"),
        path("atelier/<int:pk>/codes/", generate_codes, name="generate_codes"),
        path("atelier/<int:pk>/codes/revoquer/", revoke_code, name="revoke_code"),
        path("atelier/<int:pk>/codes/revoquer-lot/", revoke_batch, name="revoke_batch"),
        path("atelier/<int:pk>/resultats.csv", results_csv, name="results_csv"),
        path("atelier/<int:pk>/propositions.csv", proposals_csv, name="proposals_csv"),
        *admin_paper.urlpatterns(),
    ]
