"""Cover letters: start one from a CV, its page, copy, bin, and history. The step editor is in letter_editor.py."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from home.templatetags.french_dates import quand

from ..access import get_cv, get_letter
from ..letters import STEPS, progress
from ..letters.compose import compose
from ..letters.forms import LetterSettingsForm as SettingsForm
from ..models import CoverLetter
from ..models.cv import BIN_DAYS, TEMPLATE_CHOICES
from ..models.letter import KIND_CHOICES, OFFER
from ..versions import GROUP_MINUTES, authors

PER_PAGE = 25


class NewLetterForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("What kind of letter?"), choices=KIND_CHOICES, initial=OFFER, widget=forms.RadioSelect
    )
    company = forms.CharField(
        label=gettext_lazy("Company or organisation"),
        max_length=120,
        required=False,
        help_text=gettext_lazy("You can fill it in later."),
    )


def letter_context(letter, step=None):
    return {
        "letter": letter,
        "cv": letter.cv,
        "letter_doc": compose(letter, letter.cv.data),
        "steps": progress(letter.data),
        "step": step,
    }


def letter_create(request, pk):
    """Start a letter for this CV (its owner, or staff allowed to edit it): choose the variant first."""
    cv = get_cv(request, pk)
    if not cv.viewer_can_edit:
        raise Http404
    form = NewLetterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {"kind": form.cleaned_data["kind"]}
        company = form.cleaned_data["company"].strip()
        if company:
            data["company"] = company
        title = _("Letter for %(company)s") % {"company": company} if company else _("Cover letter")
        letter = CoverLetter(owner=cv.owner, cv=cv, title=title[:120], template=cv.template, data=data)
        letter._change_reason = "Lettre commencée"
        letter.save()
        messages.success(request, _("Your letter is started. Let's write it, step by step."))
        return redirect("cv_builder:letter_step", pk=letter.pk, slug=STEPS[0].slug)
    status = 400 if request.method == "POST" else 200
    return render(request, "cv_builder/letter_new.html", {"cv": cv, "form": form}, status=status)


def letter_detail(request, pk):
    letter = get_letter(request, pk)
    if request.method == "POST":
        return _settings(request, letter)
    form = SettingsForm(initial={"title": letter.title, "template": letter.template})
    return render(request, "cv_builder/letter_detail.html", _detail_context(letter, form))


def _detail_context(letter, form):
    return {
        **letter_context(letter),
        "templates": TEMPLATE_CHOICES,
        "settings_form": form,
        "shared_with": [share.centre.title for share in letter.cv.centre_shares.select_related("centre")],
    }


def _settings(request, letter):
    if not letter.viewer_is_owner:
        raise Http404
    form = SettingsForm(request.POST)
    if not form.is_valid():
        return render(request, "cv_builder/letter_detail.html", _detail_context(letter, form), status=400)
    letter.title = form.cleaned_data["title"]
    letter.template = form.cleaned_data["template"]
    letter._change_reason = "Nom et présentation"
    letter.save(update_fields=["title", "template", "updated_at"])
    messages.success(request, _("Saved."))
    return redirect("cv_builder:letter", pk=letter.pk)


@require_POST
def letter_copy(request, pk):
    """A copy to adapt to a new offer: same CV, same text; the offer's reference is left out."""
    letter = get_letter(request, pk, owner_only=True)
    data = {key: value for key, value in letter.data.items() if key != "reference"}
    copy = CoverLetter(
        owner=letter.owner,
        cv=letter.cv,
        title=(_("Copy of %(title)s") % {"title": letter.title})[:120],
        template=letter.template,
        data=data,
    )
    copy._change_reason = "Copie d'une lettre"
    copy.save()
    messages.success(request, _("The copy is ready. Change the offer and what you need for this job."))
    return redirect("cv_builder:letter_step", pk=copy.pk, slug=STEPS[0].slug)


def letter_delete(request, pk):
    letter = get_letter(request, pk, owner_only=True)
    if request.method == "POST":
        letter.deleted_at = timezone.now()
        letter._change_reason = "Mise à la corbeille"
        letter.save(update_fields=["deleted_at", "updated_at"])
        messages.success(
            request, _("The letter is in the bin for %(days)s days. You can restore it.") % {"days": BIN_DAYS}
        )
        return redirect("cv_builder:detail", pk=letter.cv_id)
    return render(request, "cv_builder/letter_delete.html", {"letter": letter, "cv": letter.cv, "days": BIN_DAYS})


@require_POST
def letter_restore(request, pk):
    letter = get_letter(request, pk, owner_only=True, deleted=True)
    letter.deleted_at = None
    letter._change_reason = "Sortie de la corbeille"
    letter.save(update_fields=["deleted_at", "updated_at"])
    messages.success(request, _("The letter “%(title)s” is back.") % {"title": letter.title})
    return redirect("cv_builder:letter", pk=letter.pk)


def letter_erase(request, pk):
    letter = get_letter(request, pk, owner_only=True, deleted=True)
    if request.method == "POST" and request.POST.get("confirm") == "erase":
        with transaction.atomic():
            letter.erase()
        messages.success(request, _("The letter is erased for good."))
        return redirect("cv_builder:bin")
    context = {"letter": letter, "cv": letter.cv, "versions": letter.history.count()}
    return render(request, "cv_builder/letter_erase.html", context, status=400 if request.method == "POST" else 200)


def letter_history(request, pk):
    letter = get_letter(request, pk)
    records = letter.history.select_related("history_user").defer("data").order_by("-history_date", "-history_id")
    page = Paginator(records, PER_PAGE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    names = authors(letter.cv, rows)
    for row in rows:
        row.author = names.get(row.history_user_id, "")
    context = {
        "letter": letter,
        "cv": letter.cv,
        "records": rows,
        "page": page,
        "latest_id": rows[0].history_id if rows and page.number == 1 else None,
        "group_minutes": GROUP_MINUTES,
    }
    return render(request, "cv_builder/letter_history.html", context)


@require_POST
def letter_history_restore(request, pk, history_id):
    letter = get_letter(request, pk)
    record = letter.history.filter(history_id=history_id).first()
    if record is None:
        raise Http404
    when = quand(record.history_date)
    with transaction.atomic():
        letter = CoverLetter.objects.select_for_update().get(pk=letter.pk)
        letter.data = record.data
        letter.title = record.title
        letter.template = record.template
        letter.version += 1
        letter._change_reason = f"Restauration de la version du {when}"
        letter.save()
    messages.success(
        request, _("The letter is back as it was on %(date)s. It is now the latest version.") % {"date": when}
    )
    return redirect("cv_builder:letter", pk=letter.pk)
