"""The desk: a centre's staff member creates an account for a resident and prints a login card.

The first password is generated, hashed in the database, and kept in clear only in the staff
member's session for a few minutes so the card can be printed; then it is gone for good.
"""

import logging
import time
from datetime import timedelta
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts import consent as consent_api
from accounts.consent_forms import PeopleSearchForm
from accounts.credentials import generate_password, suggest_username
from accounts.emails import sync_allauth_email
from accounts.forms import DeskAccountForm, FindAccountForm, ResetCentreForm
from accounts.permissions import is_desk_staff, is_team_account, reset_centres
from home.models import CentrePage
from home.permissions import centres_for_user

logger = logging.getLogger(__name__)
User = get_user_model()

SESSION_KEY = "accounts_desk_cards"
CARD_LIFETIME_SECONDS = getattr(settings, "ACCOUNTS_CARD_LIFETIME_SECONDS", 15 * 60)


def desk_staff_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_desk_staff(request.user):
            return render(request, "accounts/desk/forbidden.html", status=403)
        _prune_cards(request)
        return view(request, *args, **kwargs)

    return never_cache(wrapper)


def _cards(request):
    """Cards still printable in this session, expired ones dropped."""
    now = time.time()
    cards = {key: card for key, card in request.session.get(SESSION_KEY, {}).items() if card["expires"] > now}
    return cards


def _prune_cards(request):
    """Drop expired cards from the session itself, so their passwords do not linger in the session store."""
    stored = request.session.get(SESSION_KEY)
    if stored is not None:
        cards = _cards(request)
        if len(cards) != len(stored):
            request.session[SESSION_KEY] = cards


def _remember_card(request, user, password, centre_id):
    cards = _cards(request)
    cards[str(user.pk)] = {"password": password, "expires": time.time() + CARD_LIFETIME_SECONDS, "centre": centre_id}
    request.session[SESSION_KEY] = cards


def _forget_card(request, pk):
    cards = _cards(request)
    cards.pop(str(pk), None)
    request.session[SESSION_KEY] = cards


def _staff_centres(user):
    return centres_for_user(user).order_by("title")


def _found_context(request, found, centres):
    """What the desk shows about an account found by its exact username: its name only if the centre knows it."""
    known = consent_api.known_people(centres).filter(pk=found.pk).exists()
    consents = list(consent_api.current_consents().filter(person=found, centre__in=centres).select_related("centre"))
    others = consent_api.current_consents().filter(person=found).exclude(centre__in=centres).count()
    pending = consent_api.Consent.objects.pending().filter(person=found).exists()
    return {
        "found_known": known,
        "found_team": is_team_account(found) or found.pk == request.user.pk,
        "found_consents": consents,
        "found_other_consents": others,
        "found_pending": pending,
        "reset_centres": list(reset_centres(request.user, found)),
    }


@desk_staff_required
def desk_home(request):
    find_form = FindAccountForm(request.GET if "q" in request.GET else None)
    people_form = PeopleSearchForm(request.GET if "name" in request.GET else None)
    centres = _staff_centres(request.user)
    context = {"find_form": find_form, "people_form": people_form, "found": None, "searched": False}
    if find_form.is_bound and find_form.is_valid():
        context["searched"] = True
        found = find_form.find()
        context["found"] = found
        if found is not None:
            context.update(_found_context(request, found, centres))
    if people_form.is_bound and people_form.is_valid():
        name = people_form.cleaned_data["name"].strip()
        context["people"] = list(
            consent_api.known_people(centres)
            .filter(
                Q(display_name__icontains=name)
                | Q(first_name__icontains=name)
                | Q(last_name__icontains=name)
                | Q(username__icontains=name)
            )  # fmt: skip
            .only("username", "display_name", "first_name", "last_name")
            .order_by("username")[:30]
        )
    context["recent"] = (
        User.objects.filter(created_by=request.user, date_joined__gte=timezone.now() - timedelta(days=30))
        .only("username", "display_name", "first_name", "date_joined", "must_change_password")
        .order_by("-date_joined")[:20]
    )
    return render(request, "accounts/desk/home.html", context)


def _give_first_password(user, password, now=None):
    """A first password works only to choose a new one, and only for `ACCOUNTS_FIRST_PASSWORD_DAYS` days."""
    user.set_password(password)
    user.must_change_password = True
    user.temporary_password_expires_at = (now or timezone.now()) + timedelta(days=consent_api.FIRST_PASSWORD_DAYS)


def _create_user(request, data, form, attempts=3):
    """Create the account; a username or email taken meanwhile by someone else gives a form error, not a 500."""
    name = data["display_name"].strip()
    for _attempt in range(attempts):
        user = User(
            username=data["username"] or suggest_username(name),
            display_name=name,
            first_name=name[:150],
            email=data["email"],
            created_by=request.user,
        )
        password = generate_password(user)
        _give_first_password(user, password)
        try:
            with transaction.atomic():
                user.save()
                if user.email:
                    sync_allauth_email(user)
                _record_creation(request, user, data.get("centre"))
        except IntegrityError:
            if data["username"] or data["email"]:
                break  # chosen by the staff member: say so rather than retry
            continue
        return user, password
    form.add_error(None, _("This username or email address was taken a moment ago. Please try again."))
    return None, None


def _record_creation(request, user, centre):
    """The creating centre may give a new first password until the person has chosen their own."""
    centre = centre or _staff_centres(request.user).first()
    if centre is None:
        return
    consent_api.grant(
        user, centre, [consent_api.Task.PASSWORD_RESET], days=consent_api.FIRST_PASSWORD_DAYS,
        method=consent_api.Method.ACCOUNT_CREATED, recorded_by=request.user,
    )  # fmt: skip
    consent_api.record_action(request.user, user, centre, consent_api.Action.ACCOUNT_CREATED, target=user.username)


@desk_staff_required
def create_account(request):
    centres = _staff_centres(request.user)
    if request.method == "POST":
        form = DeskAccountForm(request.POST, centres=centres)
        if form.is_valid():
            data = form.cleaned_data
            user, password = _create_user(request, data, form)
            if user is not None:
                centre = data.get("centre")
                _remember_card(request, user, password, centre.pk if centre else None)
                logger.info("Desk account %s created by %s", user.username, request.user.username)
                return redirect("accounts:desk_card", pk=user.pk)
        status = 400
    else:
        form = DeskAccountForm(centres=centres)
        status = 200
    return render(request, "accounts/desk/create.html", {"form": form}, status=status)


@desk_staff_required
@require_POST
def reset_password(request, pk):
    """Only under the person's current consent to one of the staff member's centres; journalled."""
    target = get_object_or_404(User, pk=pk, is_active=True)
    if is_team_account(target) or target.pk == request.user.pk:
        return render(request, "accounts/desk/forbidden.html", {"team_account": True}, status=403)
    allowed = reset_centres(request.user, target)
    if not allowed.exists():
        return render(request, "accounts/desk/forbidden.html", {"no_consent": True}, status=403)
    form = ResetCentreForm(request.POST, centres=allowed)
    if not form.is_valid():
        return render(request, "accounts/desk/forbidden.html", {"bad_centre": True}, status=400)
    centre = form.cleaned_data["centre"] or allowed.first()
    password = generate_password(target)
    with transaction.atomic():
        _give_first_password(target, password)
        target.save(update_fields=["password", "must_change_password", "temporary_password_expires_at"])
        consent_api.record_action(request.user, target, centre, consent_api.Action.PASSWORD_RESET)
    _remember_card(request, target, password, centre.pk)
    logger.info("Desk password reset for %s by %s (%s)", target.username, request.user.username, centre.pk)
    return redirect("accounts:desk_card", pk=target.pk)


@desk_staff_required
def card(request, pk):
    entry = _cards(request).get(str(pk))
    if entry is None:
        return render(request, "accounts/desk/card_gone.html", status=404)
    person = get_object_or_404(User, pk=pk)
    centre = CentrePage.objects.filter(pk=entry["centre"]).first() if entry["centre"] else None
    context = {
        "person": person,
        "password": entry["password"],
        "centre": centre,
        "login_url": request.build_absolute_uri(reverse("account_login")),
        "site_url": request.build_absolute_uri("/"),
        "minutes_left": max(1, int((entry["expires"] - time.time()) // 60)),
    }
    return render(request, "accounts/desk/card.html", context)


@desk_staff_required
@require_POST
def card_done(request, pk):
    _forget_card(request, pk)
    messages.success(request, _("Done. The password is no longer shown anywhere."))
    return redirect("accounts:desk")
