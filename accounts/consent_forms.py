"""Forms of the consent screens: choosing what the person agrees to, confirming it, finding people by name."""

from django import forms
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from accounts.consent import DEFAULT_DAYS, MAX_DAYS, Method, Task

DURATIONS = [
    (1, _("today only (1 day)")),
    (30, _("30 days")),
    (90, _("90 days")),
    (365, _("1 year (the longest possible)")),
]
PASSWORD_ATTEMPTS = 5
PASSWORD_LOCK_SECONDS = 15 * 60


class ConsentChoiceForm(forms.Form):
    """Step 1: to which centre, for what, for how long. Shown to the person before they confirm."""

    centre = forms.ModelChoiceField(label=_("Centre the person gives consent to"), queryset=None, empty_label=None)
    tasks = forms.TypedMultipleChoiceField(
        label=_("What the staff may do for the person"),
        choices=Task.choices,
        coerce=Task,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one thing the person agrees to.")},
    )
    days = forms.TypedChoiceField(
        label=_("For how long"),
        choices=[(days, label) for days, label in DURATIONS if days <= MAX_DAYS],
        coerce=int,
        initial=DEFAULT_DAYS,
        help_text=_("The consent ends on its own after this time. The person can withdraw it earlier."),
    )

    def __init__(self, *args, centres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centres


class ConsentConfirmForm(ConsentChoiceForm):
    """Step 2: the person confirms, in one of three ways; staff ticking the box is recorded as such."""

    method = forms.ChoiceField(
        label=_("How the person confirms"),
        choices=[(m.value, m.label) for m in (Method.PASSWORD, Method.RECEIPT_CODE, Method.STAFF_ATTESTED)],
        widget=forms.RadioSelect,
    )
    password = forms.CharField(
        label=_("The person types their own password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
        help_text=_("Turn the screen towards the person. The password is checked, never kept."),
    )
    attest = forms.BooleanField(
        label=_("The person is here with me and agrees"),
        required=False,
        help_text=_("Only when the person cannot type their password or a code. It is recorded as such."),
    )

    def __init__(self, *args, person, staff, **kwargs):
        self.person = person
        self.staff = staff
        super().__init__(*args, **kwargs)

    def _lock_key(self):
        return f"accounts:consent-password:{self.staff.pk}:{self.person.pk}"

    def clean(self):
        data = super().clean()
        method = data.get("method")
        if method == Method.PASSWORD:
            failures = cache.get(self._lock_key(), 0)
            if failures >= PASSWORD_ATTEMPTS:
                raise forms.ValidationError(
                    _("Too many wrong passwords. Wait 15 minutes, or use the printed code or the tick box.")
                )
            if not self.person.check_password(data.get("password") or ""):
                cache.set(self._lock_key(), failures + 1, PASSWORD_LOCK_SECONDS)
                self.add_error("password", _("This is not the person's password. Nothing has been recorded."))
        elif method == Method.STAFF_ATTESTED and not data.get("attest"):
            self.add_error("attest", _("Tick the box only if the person is here and agrees."))
        return data


class ReceiptCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code printed on the receipt"),
        max_length=12,
        help_text=_("Six digits. The person types it themselves."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )


class AccountRefForm(forms.Form):
    """The exact username or email of the person, as on their card: no browsing of accounts."""

    account = forms.CharField(label=_("Exact username or email address of the person"), max_length=254)


class PeopleSearchForm(forms.Form):
    name = forms.CharField(
        label=_("Name or username"),
        max_length=80,
        min_length=2,
        help_text=_("Only among the accounts your centre created or that gave your centre consent."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
