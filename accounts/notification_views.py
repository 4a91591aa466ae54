"""Mes messages: the inbox, the email choices per kind, and the unsubscribe link of every email."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from accounts import notifications as api
from home.permissions import is_any_centre_staff

PER_PAGE = 20


@never_cache
@login_required
def inbox(request):
    """The newest messages first; the ones shown are marked read once the page is made."""
    queryset = api.Notification.objects.filter(recipient=request.user).only(
        "kind", "text", "url", "created_at", "read_at"
    )
    paginator = Paginator(queryset, PER_PAGE)
    try:
        page = paginator.page(int(request.GET.get("page", "1")))
    except (ValueError, TypeError, Exception):  # junk or out of range: the first page, not a 500
        page = paginator.page(1)
    shown = list(page.object_list)
    unread = api.mark_read(request.user, shown)
    return render(
        request,
        "accounts/notifications/inbox.html",
        {"page_obj": page, "shown": shown, "unread_ids": set(unread), "unread_messages": 0},
    )


def _kinds_for(user):
    staff = user.is_superuser or is_any_centre_staff(user)
    return [kind for kind in api.KINDS.values() if staff or not kind.staff]


class ChoicesForm(forms.Form):
    def __init__(self, *args, kinds, user_settings, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = kinds
        for kind in kinds:
            self.fields[f"email_{kind.key}"] = forms.BooleanField(
                label=kind.label,
                required=False,
                initial=user_settings.by_email.get(kind.key, kind.email_default),
            )
        if staff:
            self.fields["daily_digest"] = forms.TypedChoiceField(
                label=gettext_lazy("Staff alerts by email"),
                choices=[("0", gettext_lazy("At once, one email per alert")), ("1", gettext_lazy("One email a day"))],
                coerce=lambda value: value == "1",
                widget=forms.RadioSelect,
                initial="1" if user_settings.daily_digest else "0",
            )


@never_cache
@login_required
def choices(request):
    user = request.user
    user_settings = api.settings_for(user)
    staff = user.is_superuser or is_any_centre_staff(user)
    kinds = _kinds_for(user)
    form = ChoicesForm(request.POST or None, kinds=kinds, user_settings=user_settings, staff=staff)
    if request.method == "POST":
        if form.is_valid():
            for kind in kinds:
                user_settings.by_email[kind.key] = form.cleaned_data[f"email_{kind.key}"]
            if staff:
                user_settings.daily_digest = form.cleaned_data["daily_digest"]
            user_settings.save()
            messages.success(request, _("Your choices are saved."))
            return redirect("accounts:message_choices")
    return render(
        request,
        "accounts/notifications/choices.html",
        {"form": form, "has_email": bool(user.email)},
        status=400 if request.method == "POST" else 200,
    )


@never_cache
@csrf_exempt  # the signed token is the proof; mail programs send the one-click POST without a cookie
def unsubscribe(request, token):
    found = api.read_unsubscribe_token(token)
    person = get_user_model().objects.filter(pk=found[0]).first() if found else None
    if person is None:
        return render(request, "accounts/notifications/unsubscribe.html", {"invalid": True}, status=400)
    kind_key = found[1]
    if kind_key != api.ALL_STAFF and kind_key not in api.KINDS:
        return render(request, "accounts/notifications/unsubscribe.html", {"invalid": True}, status=400)
    label = _("staff alerts") if kind_key == api.ALL_STAFF else api.KINDS[kind_key].label
    if request.method == "POST":
        api.unsubscribe(person, kind_key)
        return render(request, "accounts/notifications/unsubscribe.html", {"done": True, "label": label})
    # A GET changes nothing: mail scanners open links.
    return render(request, "accounts/notifications/unsubscribe.html", {"label": label, "token": token})
