""" "Mon compte" side of consent: what I agreed to, withdrawing it, and what the staff did for me."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts import consent as api
from accounts.consent_forms import ReceiptCodeForm
from home.french_words import of_name

JOURNAL_LIMIT = 100


def help_context(user, journal_limit=JOURNAL_LIMIT):
    consents = list(api.Consent.objects.filter(person=user).select_related("centre")[:50])
    current = [consent for consent in consents if consent.is_current()]
    pending = list(api.Consent.objects.pending().filter(person=user).select_related("centre"))
    ended = [consent for consent in consents if not consent.is_current() and not consent.is_pending][:10]
    journal = list(api.JournalEntry.objects.filter(person=user)[:journal_limit])
    return {"current_consents": current, "pending_consents": pending, "ended_consents": ended, "journal": journal}


@never_cache
@login_required
def my_help(request):
    context = {**help_context(request.user), "code_form": ReceiptCodeForm()}
    return render(request, "accounts/consent/my_help.html", context)


@never_cache
@login_required
@require_POST
def my_consent_withdraw(request, pk):
    consent = get_object_or_404(api.Consent, pk=pk, person=request.user)
    api.withdraw(consent, _("by the person, in My account"))
    messages.success(
        request,
        _("Done. The staff %(of_centre)s can no longer act for you.") % {"of_centre": of_name(consent.centre.title)},
    )
    return redirect("accounts:help")


@never_cache
@login_required
@require_POST
def my_consent_confirm(request, pk):
    consent = get_object_or_404(api.Consent, pk=pk, person=request.user)
    form = ReceiptCodeForm(request.POST)
    if form.is_valid() and api.confirm_with_code(consent, form.cleaned_data["code"]):
        messages.success(
            request, _("Thank you. Your consent to %(centre)s is recorded.") % {"centre": consent.centre.title}
        )
        return redirect("accounts:help")
    form.add_error(None, _("This code is not right, or it is too old. Nothing has been recorded."))
    context = {**help_context(request.user), "code_form": form, "code_error_for": consent.pk}
    return render(request, "accounts/consent/my_help.html", context, status=400)
