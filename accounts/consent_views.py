"""Consent screens at the desk (record, print the receipt, withdraw) and the centre's journal."""

import time
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import consent as api
from accounts.consent_forms import AccountRefForm, ConsentChoiceForm, ConsentConfirmForm, ReceiptCodeForm
from accounts.desk import _staff_centres, desk_staff_required
from accounts.permissions import is_team_account

User = get_user_model()
CODES_SESSION_KEY = "accounts_consent_codes"
JOURNAL_LIMIT = 200


def find_person(value):
    """An active account by its exact username or email address, as the person says it."""
    value = (value or "").strip()
    if not value:
        return None
    query = User.objects.filter(username__iexact=value)
    if "@" in value:
        query = User.objects.filter(email__iexact=value) | query
    return query.filter(is_active=True).first()


def _codes(request):
    now = time.time()
    return {key: entry for key, entry in request.session.get(CODES_SESSION_KEY, {}).items() if entry["expires"] > now}


def _remember_code(request, consent, code):
    codes = _codes(request)
    codes[str(consent.pk)] = {"code": code, "expires": time.time() + 30 * 60}
    request.session[CODES_SESSION_KEY] = codes


def _forget_code(request, consent):
    codes = _codes(request)
    codes.pop(str(consent.pk), None)
    request.session[CODES_SESSION_KEY] = codes


@desk_staff_required
def consent_new(request):
    """Two steps on one page: choose (centre, tasks, duration), then the person reads and confirms."""
    ref = AccountRefForm(request.POST if request.method == "POST" else request.GET)
    person = find_person(ref.data.get("account")) if ref.is_valid() else None
    if person is None or is_team_account(person) or person.pk == request.user.pk:
        return render(request, "accounts/consent/no_account.html", status=404)
    centres = _staff_centres(request.user)
    if not centres.exists():
        return render(request, "accounts/desk/forbidden.html", status=403)
    context = {"person": person, "account": ref.cleaned_data["account"]}
    if request.method != "POST":
        form = ConsentChoiceForm(centres=centres, initial={"centre": centres.first()})
        return render(request, "accounts/consent/choose.html", {**context, "form": form})
    if request.POST.get("step") != "confirm":
        form = ConsentChoiceForm(request.POST, centres=centres)
        if not form.is_valid():
            return render(request, "accounts/consent/choose.html", {**context, "form": form}, status=400)
        confirm = ConsentConfirmForm(initial=form.cleaned_data, centres=centres, person=person, staff=request.user)
        return render(
            request, "accounts/consent/confirm.html", {**context, **_summary(form.cleaned_data), "form": confirm}
        )
    form = ConsentConfirmForm(request.POST, centres=centres, person=person, staff=request.user)
    if not form.is_valid():
        chosen = all(key in form.cleaned_data for key in ("centre", "tasks", "days"))
        summary = _summary(form.cleaned_data) if chosen else {}
        template = "accounts/consent/confirm.html" if summary else "accounts/consent/choose.html"
        return render(request, template, {**context, **summary, "form": form}, status=400)
    data = form.cleaned_data
    code = api.new_receipt_code() if data["method"] == api.Method.RECEIPT_CODE else None
    with transaction.atomic():
        consent = api.grant(
            person, data["centre"], data["tasks"], days=data["days"], method=data["method"],
            recorded_by=request.user, code=code,
        )  # fmt: skip
    if code:
        _remember_code(request, consent, code)
    return redirect("accounts:consent_receipt", pk=consent.pk)


def _summary(data):
    until = timezone.localtime(timezone.now() + timedelta(days=data["days"]))
    tasks = [api.Task(task) for task in data["tasks"]]
    return {
        "centre": data["centre"],
        "tasks": [task.label for task in tasks],
        "task_values": [task.value for task in tasks],
        "days": data["days"],
        "until": until,
    }


def _centre_consent(request, pk):
    """A consent to one of the staff member's centres; 404 otherwise (no leak of other centres' consents)."""
    return get_object_or_404(
        api.Consent.objects.select_related("person", "centre"), pk=pk, centre__in=_staff_centres(request.user)
    )


@desk_staff_required
def consent_receipt(request, pk):
    consent = _centre_consent(request, pk)
    context = {
        "consent": consent,
        "code": _codes(request).get(str(consent.pk), {}).get("code") if consent.is_pending else None,
        "code_form": ReceiptCodeForm(),
        "help_url": request.build_absolute_uri(reverse("accounts:help")),
    }
    return render(request, "accounts/consent/receipt.html", context)


@desk_staff_required
@require_POST
def consent_confirm(request, pk):
    """The person types the receipt's code on the desk screen."""
    consent = _centre_consent(request, pk)
    form = ReceiptCodeForm(request.POST)
    if form.is_valid() and api.confirm_with_code(consent, form.cleaned_data["code"]):
        _forget_code(request, consent)
        messages.success(request, _("The person confirmed with the code. The consent is recorded."))
        return redirect("accounts:consent_receipt", pk=consent.pk)
    form.add_error(None, _("This code is not right, or it is too old. Nothing has been recorded."))
    context = {"consent": consent, "code": None, "code_form": form, "help_url": reverse("accounts:help")}
    return render(request, "accounts/consent/receipt.html", context, status=400)


@desk_staff_required
@require_POST
def consent_withdraw(request, pk):
    consent = _centre_consent(request, pk)
    api.withdraw(consent, _("at the desk, asked by the person"), by=request.user)
    messages.success(request, _("The consent is withdrawn. The staff can no longer act for this person."))
    return redirect(f"{reverse('accounts:desk')}?{urlencode({'q': consent.person.username})}")


@desk_staff_required
@require_POST
def consent_withdraw_all(request):
    """At any centre's desk: the person present asks to withdraw every consent, to every centre."""
    form = AccountRefForm(request.POST)
    person = find_person(form.data.get("account")) if form.is_valid() else None
    if person is None:
        raise Http404
    count = 0
    for consent in api.current_consents().filter(person=person).select_related("centre", "person"):
        count += api.withdraw(consent, _("at the desk of another centre, asked by the person"), by=request.user)
    for consent in api.Consent.objects.pending().filter(person=person):
        api.withdraw(consent, _("at the desk, asked by the person"))
    messages.success(request, _("%(count)s consent(s) withdrawn.") % {"count": count})
    return redirect(f"{reverse('accounts:desk')}?{urlencode({'q': person.username})}")


@desk_staff_required
def centre_journal(request):
    """What the staff's centres did for people: who, which person, what, when."""
    centres = _staff_centres(request.user)
    entries = list(api.JournalEntry.objects.filter(centre__in=centres).select_related("person")[:JOURNAL_LIMIT])
    return render(request, "accounts/consent/centre_journal.html", {"entries": entries, "limit": JOURNAL_LIMIT})
