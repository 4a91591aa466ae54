"""Desk verification of residents: the staff of a centre mark an account "verified" after seeing the person.

Workshops that accept only verified residents ask `is_verified(user)`. Marking and withdrawing
happen at the desk (/compte/accueil/compte/<pk>/verifier/), by staff of a centre; the resident
sees the state and its history in "Mon compte".
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.consent import Action, Task, centres_with_consent, record_action
from accounts.desk import desk_staff_required
from accounts.permissions import is_desk_staff
from accounts.verification_models import ResidentVerification
from home.french_words import of_name
from home.permissions import centres_for_user, user_is_centre_staff

User = get_user_model()


def active_verification(user):
    if not getattr(user, "is_authenticated", False):
        return None
    return ResidentVerification.objects.filter(user=user, withdrawn_at__isnull=True).select_related("centre").first()


def is_verified(user):
    if not getattr(user, "is_authenticated", False):
        return False
    return ResidentVerification.objects.filter(user=user, withdrawn_at__isnull=True).exists()


def history(user):
    return list(ResidentVerification.objects.filter(user=user).select_related("centre", "verified_by", "withdrawn_by"))


def can_verify(staff, target):
    return is_desk_staff(staff) and target.is_active and target.pk != staff.pk


def can_withdraw(staff, verification):
    """Staff of the centre that verified (or a superuser); any desk if that centre is gone."""
    if not is_desk_staff(staff):
        return False
    if staff.is_superuser or verification.centre is None:
        return True
    return user_is_centre_staff(staff, verification.centre)


class VerifyForm(forms.Form):
    centre = forms.ModelChoiceField(label=gettext_lazy("Your centre"), queryset=None, empty_label=None)
    document = forms.ChoiceField(
        label=gettext_lazy("Document shown (optional)"),
        choices=ResidentVerification.Document.choices,
        required=False,
        help_text=gettext_lazy("Only which kind of document: never write its number, never keep a copy."),
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("I have seen this person here, in person, and it is their account."),
        error_messages={"required": gettext_lazy("Tick the box: a verification is only for someone you have seen.")},
    )

    def __init__(self, *args, centres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centres


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Reason (optional)"), max_length=200, required=False)


def _back_to_desk(target):
    return f"{reverse('accounts:desk')}?{urlencode({'q': target.username})}"


@desk_staff_required
def verify(request, pk):
    target = get_object_or_404(User, pk=pk, is_active=True)
    if not can_verify(request.user, target):
        return render(request, "accounts/desk/forbidden.html", status=403)
    # Verifying is acting for the person: only for the centres they gave a current consent to.
    consenting = centres_with_consent(target, Task.VERIFICATION).values("pk")
    centres = centres_for_user(request.user).filter(pk__in=consenting).order_by("title")
    if not centres.exists():
        context = {"no_verification_consent": True, "person": target}
        return render(request, "accounts/desk/forbidden.html", context, status=403)
    current = active_verification(target)
    status = 200
    if request.method == "POST":
        form = VerifyForm(request.POST, centres=centres)
        if current is not None:
            messages.info(request, _("This account is already verified."))
            return redirect(_back_to_desk(target))
        if form.is_valid():
            try:
                with transaction.atomic():
                    ResidentVerification.objects.create(
                        user=target,
                        centre=form.cleaned_data["centre"],
                        verified_by=request.user,
                        document=form.cleaned_data["document"] or "",
                    )
                    record_action(request.user, target, form.cleaned_data["centre"], Action.VERIFIED)
            except IntegrityError:
                # Verified by a colleague a moment ago: the same result, nothing to redo.
                pass
            messages.success(request, _("The account %(username)s is verified.") % {"username": target.username})
            return redirect(_back_to_desk(target))
        status = 400
    else:
        form = VerifyForm(centres=centres)
    context = {"person": target, "form": form, "current": current, "history": history(target)}
    return render(request, "accounts/desk/verify.html", context, status=status)


@desk_staff_required
@require_POST
def withdraw(request, pk):
    target = get_object_or_404(User, pk=pk)
    current = active_verification(target)
    if current is None:
        messages.info(request, _("This account is not verified."))
        return redirect(_back_to_desk(target))
    if not can_withdraw(request.user, current):
        return render(request, "accounts/desk/forbidden.html", status=403)
    form = WithdrawForm(request.POST)
    reason = form.cleaned_data["reason"].strip() if form.is_valid() else ""
    withdrawn = ResidentVerification.objects.filter(pk=current.pk, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now(), withdrawn_by=request.user, withdrawal_reason=reason
    )
    if withdrawn:
        record_action(request.user, target, current.centre, Action.VERIFICATION_WITHDRAWN, target=reason)
    messages.success(
        request, _("The verification %(of_username)s is withdrawn.") % {"of_username": of_name(target.username)}
    )
    return redirect(_back_to_desk(target))


def export(user):
    """For the personal data export: the verification history, without the staff members' names."""
    return [
        {
            "verified_at": v.verified_at,
            "centre": v.centre.title if v.centre else None,
            "document": v.get_document_display() if v.document else "",
            "withdrawn_at": v.withdrawn_at,
            "withdrawal_reason": v.withdrawal_reason,
        }
        for v in history(user)
    ]
