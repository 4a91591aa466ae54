""" "Mon compte": profile, personal data export, account deletion."""

import json
import logging

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accounts.emails import sync_allauth_email
from accounts.forms import DeleteAccountForm, ProfileForm
from accounts.help_views import help_context
from accounts.permissions import is_desk_staff
from accounts.personal_data import erase_all, export_all
from accounts.profile_sections import profile_sections

logger = logging.getLogger(__name__)


@never_cache
@login_required
def profile(request):
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=user)
        if form.is_valid():
            with transaction.atomic():
                form.save()
                if "email" in form.changed_data:
                    sync_allauth_email(user)
            messages.success(request, _("Your changes are saved."))
            return redirect("accounts:profile")
    else:
        form = ProfileForm(instance=user)
    context = {
        "form": form,
        "is_desk_staff": is_desk_staff(user),
        "welcome": "bienvenue" in request.GET,
        "sections": profile_sections(request),
        **help_context(user, journal_limit=3),
    }
    return render(request, "accounts/profile.html", context)


def account_data(user):
    """The account's own fields, as the person can read them."""
    return {
        "username": user.username,
        "display_name": user.display_name,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "created_at_desk": user.created_by_id is not None,
        "must_change_password": user.must_change_password,
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "consents": [
            {
                "centre": consent.centre.title,
                "tasks": [task.value for task in consent.tasks],
                "given_at": consent.given_at,
                "until": consent.until,
                "confirmed": consent.get_method_display(),
                "confirmed_at": consent.confirmed_at,
                "withdrawn_at": consent.withdrawn_at,
            }
            for consent in user.consents.select_related("centre")
        ],
        "staff_journal": [
            {
                "at": entry.last_at,
                "staff": entry.actor_name,
                "centre": entry.centre_name,
                "action": entry.action,
                "about": entry.target,
                "times": entry.times,
            }  # fmt: skip
            for entry in user.journal.all()
        ],
    }


@never_cache
@login_required
@require_GET
def export_data(request):
    user = request.user
    data = {
        "format": "centres-sociaux-connectes/personal-data/1",
        "exported_at": timezone.now(),
        "account": account_data(user),
        "apps": export_all(user),
    }
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"mes-donnees-{user.username}-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@login_required
def delete_account(request):
    user = request.user
    if request.method == "POST":
        form = DeleteAccountForm(request.POST, user=user)
        if form.is_valid():
            try:
                with transaction.atomic():
                    erase_all(user)
                    user.delete()
            except (ProtectedError, RestrictedError):
                logger.exception("Account %s could not be deleted", user.username)
                messages.error(
                    request,
                    _(
                        "Your account could not be deleted automatically: nothing has been changed. "
                        "Please ask the staff of your social centre, they will do it for you."
                    ),
                )
                return render(request, "accounts/delete.html", {"form": DeleteAccountForm(user=user)}, status=409)
            logout(request)
            messages.success(request, _("Your account and your data have been deleted. Goodbye!"))
            return redirect("/")
        status = 400
    else:
        form = DeleteAccountForm(user=user)
        status = 200
    return render(request, "accounts/delete.html", {"form": form}, status=status)


def email_management(request):
    """allauth's multi-address page is replaced by the single email field of "Mon compte"."""
    return redirect("accounts:profile")
