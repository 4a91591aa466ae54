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
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.credentials import generate_password, suggest_username
from accounts.emails import sync_allauth_email
from accounts.forms import DeskAccountForm, FindAccountForm
from accounts.permissions import can_reset_password, is_desk_staff
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


@desk_staff_required
def desk_home(request):
    find_form = FindAccountForm(request.GET or None)
    found = None
    searched = False
    if find_form.is_bound and find_form.is_valid():
        searched = True
        found = find_form.find()
    recent = (
        User.objects.filter(created_by=request.user, date_joined__gte=timezone.now() - timedelta(days=30))
        .only("username", "display_name", "first_name", "date_joined", "must_change_password")
        .order_by("-date_joined")[:20]
    )
    context = {
        "centres": _staff_centres(request.user) if found is not None else None,
        "find_form": find_form,
        "found": found,
        "searched": searched,
        "found_can_reset": found is not None and can_reset_password(request.user, found),
        "recent": recent,
    }
    return render(request, "accounts/desk/home.html", context)


def _create_user(request, data, form, attempts=3):
    """Create the account; a username or email taken meanwhile by someone else gives a form error, not a 500."""
    name = data["display_name"].strip()
    for _attempt in range(attempts):
        user = User(
            username=data["username"] or suggest_username(name),
            display_name=name,
            first_name=name[:150],
            email=data["email"],
            must_change_password=True,
            created_by=request.user,
        )
        password = generate_password(user)
        user.set_password(password)
        try:
            with transaction.atomic():
                user.save()
                if user.email:
                    sync_allauth_email(user)
        except IntegrityError:
            if data["username"] or data["email"]:
                break  # chosen by the staff member: say so rather than retry
            continue
        return user, password
    form.add_error(None, _("This username or email address was taken a moment ago. Please try again."))
    return None, None


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
    target = get_object_or_404(User, pk=pk)
    if not can_reset_password(request.user, target):
        return render(request, "accounts/desk/forbidden.html", {"team_account": True}, status=403)
    password = generate_password(target)
    target.set_password(password)
    target.must_change_password = True
    target.save(update_fields=["password", "must_change_password"])
    centres = _staff_centres(request.user)
    centre = centres.filter(pk=request.POST.get("centre") or None).first() or centres.first()
    _remember_card(request, target, password, centre.pk if centre else None)
    logger.info("Desk password reset for %s by %s", target.username, request.user.username)
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
