"""Staff screens of the paper loop: tally sheets typed in twice, ballots, results poster, code cards."""

import datetime
import mimetypes

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.page_cache import invalidate_page_cache
from home.pdf import pdf_response
from home.tabular import csv_response
from participation import paper, results
from participation.admin_scope import workshop_view
from participation.models import PaperTally, Proposal, TallyEntry, TallySheet
from participation.models.codes import format_code
from participation.tally_forms import PaperFormatForm, TallySheetForm

# The tally form carries an optional photo (8 MB at most): refuse larger bodies before reading them.
MAX_TALLY_BODY = 12 * 1024 * 1024

ENTRY_MESSAGES = {
    TallyEntry.Kind.FIRST: gettext_lazy(
        "Sheet of %(date)s saved. It is “to be checked”: it counts in the results once a second entry gives "
        "the same figures (a colleague, or you again, typing it from the paper)."
    ),
    TallyEntry.Kind.CONFIRMED: gettext_lazy(
        "Same figures as the previous entry: the sheet of %(date)s is confirmed and counts."
    ),
    TallyEntry.Kind.DIFFERENT: gettext_lazy(
        "The figures differ from the previous entry (see below): the sheet of %(date)s stays “to be checked”. "
        "Count the paper again and type it once more."
    ),
    TallyEntry.Kind.CORRECTION: gettext_lazy(
        "The sheet of %(date)s was confirmed; these figures correct it. It no longer counts until another "
        "entry gives the same figures."
    ),
    TallyEntry.Kind.SAME: gettext_lazy("Same figures as the confirmed sheet of %(date)s: nothing changed."),
}


def _parse_day(raw):
    try:
        return datetime.date.fromisoformat(raw or "")
    except ValueError:
        return None


def _public_proposals(workshop):
    return list(Proposal.objects.public().filter(workshop=workshop).order_by("reference"))


# --- tally sheets --------------------------------------------------------------------------------------
def tallies(request, workshop):
    proposals = _public_proposals(workshop)
    status = 200
    if request.method == "POST":
        if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_TALLY_BODY:
            return HttpResponse(
                _("What you sent is too large. The photo may weigh 8 MB at most: choose a smaller photo."),
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        form = TallySheetForm(request.POST, request.FILES, proposals=proposals, max_supports=workshop.max_supports)
        if form.is_valid():
            day = form.cleaned_data["session_date"]
            result = paper.record_entry(
                workshop, day, form.typed(), proposals, request.user, photo=form.cleaned_data.get("photo")
            )
            invalidate_page_cache()
            message = ENTRY_MESSAGES[result.kind] % {"date": day.strftime("%d/%m/%Y")}
            if result.kind in (TallyEntry.Kind.DIFFERENT, TallyEntry.Kind.CORRECTION):
                messages.warning(request, message)
            else:
                messages.success(request, message)
            return redirect("participation_admin:tally_sheet", pk=workshop.pk, day=day.isoformat())
        status = 400
    else:
        form = TallySheetForm(
            proposals=proposals,
            max_supports=workshop.max_supports,
            initial={"session_date": _parse_day(request.GET.get("session")) or timezone.localdate()},
        )
    sheets = TallySheet.objects.filter(workshop=workshop).select_related("entered_by", "confirmed_by")
    return render(
        request,
        "participation/admin/tallies.html",
        {
            "page_title": _("Paper ballots"),
            "workshop": workshop,
            "form": form,
            "sheets": sheets.order_by("-session_date")[:200],
        },
        status=status,
    )


def _sheet(workshop, day):
    session_date = _parse_day(day)
    if session_date is None:
        raise Http404
    sheet = get_object_or_404(
        TallySheet.objects.select_related("entered_by", "confirmed_by"), workshop=workshop, session_date=session_date
    )
    return sheet


def tally_sheet(request, workshop, day):
    sheet = _sheet(workshop, day)
    entries = list(sheet.entries.select_related("entered_by"))
    tallies = {t.proposal_id: t for t in PaperTally.objects.filter(sheet=sheet).select_related("proposal")}
    proposals = _public_proposals(workshop)
    known = {p.pk for p in proposals}
    proposals += [t.proposal for t in tallies.values() if t.proposal_id not in known]
    columns = [_("Ballots cast"), _("Blank"), _("Spoilt")] + [p.reference for p in proposals]
    rows = []
    previous = None
    for entry in entries:
        figures = [entry.ballots_cast, entry.blank, entry.spoilt] + [entry.counts.get(str(p.pk)) for p in proposals]
        cells = [
            {"value": value, "changed": previous is not None and value != previous[index]}
            for index, value in enumerate(figures)
        ]
        rows.append({"entry": entry, "cells": cells})
        previous = figures
    current = [sheet.ballots_cast, sheet.blank, sheet.spoilt] + [
        tallies[p.pk].votes if p.pk in tallies else 0 for p in proposals
    ]
    return render(
        request,
        "participation/admin/tally_sheet.html",
        {
            "page_title": _("Tally sheet of %(date)s") % {"date": sheet.session_date.strftime("%d/%m/%Y")},
            "workshop": workshop,
            "sheet": sheet,
            "columns": columns,
            "current": current,
            "rows": rows,
            "proposals": proposals,
            "entry_url": reverse("participation_admin:tallies", args=[workshop.pk])
            + f"?session={sheet.session_date.isoformat()}",
        },
    )


def tally_photo(request, workshop, day):
    """The photo of a sheet, only through this view (its storage is not under /media/)."""
    sheet = _sheet(workshop, day)
    if not sheet.photo:
        raise Http404
    content_type = mimetypes.guess_type(sheet.photo.name)[0] or "application/octet-stream"
    response = FileResponse(sheet.photo.open("rb"), content_type=content_type)
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response


def _hidden_counts(workshop):
    if workshop.counts_visible():
        return None
    return HttpResponse(
        _("The counts stay hidden until voting closes: they can be downloaded or printed afterwards."),
        status=409,
        content_type="text/plain; charset=utf-8",
    )


def tallies_csv(request, workshop):
    hidden = _hidden_counts(workshop)
    if hidden:
        return hidden
    proposals = list(Proposal.objects.filter(workshop=workshop, tallies__isnull=False).distinct().order_by("reference"))
    sheets = list(TallySheet.objects.filter(workshop=workshop).select_related("entered_by", "confirmed_by"))
    counts = {(t.sheet_id, t.proposal_id): t.votes for t in PaperTally.objects.filter(sheet__workshop=workshop)}
    header = [
        _("Session date"),
        _("Status"),
        _("Ballots cast"),
        _("Blank"),
        _("Spoilt"),
        _("Valid ballots"),
        *(p.reference for p in proposals),
        _("Last entered by"),
        _("Confirmed by"),
        _("Confirmed on"),
    ]
    rows = []
    for sheet in sorted(sheets, key=lambda s: s.session_date):
        rows.append(
            [
                sheet.session_date.strftime("%d/%m/%Y"),
                sheet.get_status_display(),
                "" if sheet.ballots_cast is None else sheet.ballots_cast,
                sheet.blank,
                sheet.spoilt,
                "" if sheet.valid_ballots is None else sheet.valid_ballots,
                *(counts.get((sheet.pk, p.pk), 0) for p in proposals),
                str(sheet.entered_by or ""),
                str(sheet.confirmed_by or ""),
                timezone.localtime(sheet.confirmed_at).strftime("%d/%m/%Y %H:%M") if sheet.confirmed_at else "",
            ]
        )
    return csv_response(f"feuilles-depouillement-{workshop.slug}.csv", header, rows)


# --- printed documents -----------------------------------------------------------------------------------
def ballot_pdf(request, workshop):
    options = PaperFormatForm(request.GET, formats=("A4", "A5"))
    proposals = _public_proposals(workshop)
    if not proposals:
        return HttpResponse(
            _("No proposal is published in this workshop yet: there is nothing to print on the ballot."),
            status=409,
            content_type="text/plain; charset=utf-8",
        )
    size = options.chosen()
    return pdf_response(
        "participation/admin/ballot_pdf.html",
        {"workshop": workshop, "proposals": proposals, "size": size, "with_photos": options.with_photos()},
        filename=f"bulletin-{workshop.slug}-{size}.pdf",
        request=request,
    )


def poster_pdf(request, workshop):
    import segno

    hidden = _hidden_counts(workshop)
    if hidden:
        return hidden
    size = PaperFormatForm(request.GET, formats=("A4", "A3")).chosen()
    ranked = results.ranked_results(workshop)
    results_url = request.build_absolute_uri(reverse("participation:results", args=[workshop.pk]))
    context = {
        "workshop": workshop,
        "proposals": ranked,
        "size": size,
        "results_url": results_url,
        "qr": segno.make(results_url, error="m").svg_data_uri(scale=4, border=2),
        "printed_on": timezone.localdate(),
    }
    context.update(results.results_context(ranked, workshop))
    return pdf_response(
        "participation/admin/poster_pdf.html", context, filename=f"affiche-resultats-{workshop.slug}-{size}.pdf"
    )


def short_vote_address(request):
    """`example.org/vote/`: what a card asks people to type (no scheme, no workshop number)."""
    url = request.build_absolute_uri(reverse("participation_short:vote"))
    return url.split("://", 1)[-1]


def codes_pdf_response(request, workshop, codes, batch, per_page=8):
    import segno

    vote_url = request.build_absolute_uri(reverse("participation:code", args=[workshop.pk]))
    short_url = short_vote_address(request)
    cards = []
    for code in codes:
        shown = format_code(code)
        qr = segno.make(f"{vote_url}?code={shown}", error="m")
        cards.append({"code": shown, "qr": qr.svg_data_uri(scale=3, border=2)})
    return pdf_response(
        "participation/admin/codes_pdf.html",
        {
            "workshop": workshop,
            "cards": cards,
            "pages": [
                [cards[j : j + 2] for j in range(i, min(i + per_page, len(cards)), 2)]
                for i in range(0, len(cards), per_page)
            ],
            "batch": batch,
            "per_page": per_page,
            "short_url": short_url,
            # The address must stay on one line of a 9 cm card.
            "address_size": 15 if len(short_url) <= 22 else 13 if len(short_url) <= 30 else 11,
        },
        filename=f"codes-{workshop.slug}.pdf",
        request=request,
    )


def urlpatterns():
    return [
        path("atelier/<int:pk>/bulletins-papier/", workshop_view(tallies), name="tallies"),
        path("atelier/<int:pk>/bulletins-papier/<str:day>/", workshop_view(tally_sheet), name="tally_sheet"),
        path("atelier/<int:pk>/bulletins-papier/<str:day>/photo/", workshop_view(tally_photo), name="tally_photo"),
        path("atelier/<int:pk>/feuilles.csv", workshop_view(tallies_csv), name="tallies_csv"),
        path("atelier/<int:pk>/bulletin.pdf", workshop_view(ballot_pdf), name="ballot_pdf"),
        path("atelier/<int:pk>/affiche.pdf", workshop_view(poster_pdf), name="poster_pdf"),
    ]
