"""Forms of the accounts app: allauth's log-in and sign-up in plain French, the profile, the desk."""

from allauth.account import forms as allauth_forms
from allauth.utils import set_form_field_order
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

User = get_user_model()


def email_taken(email, user=None):
    """Another account has this address already (on the user, or among allauth's addresses).

    One email, one account (ACCOUNT_UNIQUE_EMAIL): the rule allauth applies at sign-up, asked through
    public models rather than allauth's internal flows.
    """
    others = User.objects.filter(Q(email__iexact=email) | Q(emailaddress__email__iexact=email))
    if user is not None and user.pk:
        others = others.exclude(pk=user.pk)
    return others.exists()


DISPLAY_NAME_HELP = _("How your name appears on the site, e.g. your first name. You can leave it empty.")
EMAIL_HELP = _(
    "Optional. It is only used to send you a link if you forget your password. "
    "Without an email, the staff of your social centre can give you a new password."
)


class LoginForm(allauth_forms.LoginForm):
    """allauth's log-in form with a clear label: the username or the email address."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        login = self.fields["login"]
        login.label = _("Username or email address")
        login.help_text = _("The username written on your card, or your email address if you gave one.")
        login.widget.attrs.pop("placeholder", None)
        login.widget.attrs.update({"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"})
        password = self.fields["password"]
        password.widget.attrs.pop("placeholder", None)
        password.help_text = ""  # the page explains both ways to get a new password
        if "remember" in self.fields:
            self.fields["remember"].label = _("Stay logged in on this device")
            self.fields["remember"].help_text = _("Do not tick this on a shared computer, for example at the centre.")

    def clean(self):
        cleaned = super().clean()
        user = getattr(self, "user", None)
        if user is not None and first_password_expired(user):
            raise forms.ValidationError(FIRST_PASSWORD_EXPIRED)
        return cleaned


def first_password_expired(user, now=None):
    """A desk card's first password stops working after `ACCOUNTS_FIRST_PASSWORD_DAYS` days."""
    expires = getattr(user, "temporary_password_expires_at", None)
    return bool(user.must_change_password and expires and expires <= (now or timezone.now()))


FIRST_PASSWORD_EXPIRED = _(
    "The first password of this card has expired. Ask the staff of a social centre for a new card, "
    "or use “Forgotten password” if your account has an email address."
)


class SignupForm(allauth_forms.SignupForm):
    """Sign-up: a username, an optional display name and email, a password typed twice."""

    display_name = forms.CharField(
        label=_("Your first name or nickname (optional)"),
        max_length=80,
        required=False,
        help_text=DISPLAY_NAME_HELP,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )

    # A trap for sign-up robots: hidden from people (and from screen readers), filled by scripts.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].honeypot = True
        username = self.fields["username"]
        username.label = _("Username")
        username.help_text = _(
            "You will type it to log in. Letters, digits and the signs - _ . only, no spaces. Example: samia59"
        )
        username.widget.attrs.pop("placeholder", None)
        username.widget.attrs.update({"autocapitalize": "none", "spellcheck": "false"})
        if "email" in self.fields:
            email = self.fields["email"]
            email.label = _("Email address (optional)")
            email.help_text = EMAIL_HELP
            email.widget.attrs.pop("placeholder", None)
            email.widget.attrs["autocomplete"] = "email"
        for name in ("password1", "password2"):
            if name in self.fields:
                self.fields[name].widget.attrs.pop("placeholder", None)
        if "password1" in self.fields:
            self.fields["password1"].help_text = PASSWORD_HELP
        if "password2" in self.fields:
            self.fields["password2"].label = _("Password again")
            self.fields["password2"].help_text = _("Type the same password once more, to avoid typing mistakes.")
        set_form_field_order(self, ["username", "display_name", "email", "password1", "password2", "website"])

    def clean(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(
                _("Your account could not be created. Leave the fields you do not need empty, then try again.")
            )
        return super().clean()


PASSWORD_HELP = _("At least 8 characters, not only digits, not too easy to guess. Example: velo-soleil-42")
# A card's password typed at log-in less than this long ago is not asked again on the forced change.
JUST_LOGGED_IN_SECONDS = 15 * 60
JUST_LOGGED_IN_KEY = "accounts_password_checked_at"


def password_just_checked(request):
    checked = request.session.get(JUST_LOGGED_IN_KEY) if request is not None else None
    return bool(checked and timezone.now().timestamp() - checked < JUST_LOGGED_IN_SECONDS)


class ChangePasswordForm(allauth_forms.ChangePasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from allauth.core import context as allauth_context

        if self.user.must_change_password and password_just_checked(allauth_context.request):
            # Right after logging in with a card: the card's password was just typed, one field is enough.
            del self.fields["oldpassword"]
            del self.fields["password2"]
        self.fields["password1"].help_text = PASSWORD_HELP
        if "oldpassword" in self.fields:
            self.fields["oldpassword"].help_text = _(
                "The one you use now. After a desk card: the password of the card."
            )
        if "password2" in self.fields:
            self.fields["password2"].label = _("New password again")
            self.fields["password2"].help_text = _("Type the same password once more, to avoid typing mistakes.")
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)


class ResetPasswordKeyForm(allauth_forms.ResetPasswordKeyForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password2"].label = _("New password again")
        self.fields["password2"].help_text = _("Type the same password once more, to avoid typing mistakes.")
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)


class ResetPasswordForm(allauth_forms.ResetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Email address of your account")
        self.fields["email"].widget.attrs.pop("placeholder", None)
        self.fields["email"].widget.attrs["autocomplete"] = "email"


class ProfileForm(forms.ModelForm):
    """What a person changes on "Mon compte": their display name and their email address."""

    class Meta:
        model = User
        fields = ["display_name", "email"]
        labels = {"display_name": _("Display name"), "email": _("Email address (optional)")}
        help_texts = {"display_name": DISPLAY_NAME_HELP, "email": EMAIL_HELP}
        widgets = {
            "display_name": forms.TextInput(attrs={"autocomplete": "nickname"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def clean_email(self):
        email = (self.cleaned_data.get("email") or "").strip().lower()
        if email and email_taken(email, user=self.instance):
            raise forms.ValidationError(_("Another account already uses this email address."))
        return email


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        help_text=_("To be sure it is you, type your password."),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not correct. Your account has not been deleted."))
        return password


class DeskAccountForm(forms.Form):
    """A staff member creates an account for a resident standing at the desk."""

    display_name = forms.CharField(
        label=_("First name or name the person wants to show"),
        max_length=80,
        help_text=_("Used to suggest the username and shown on the site, e.g. Samia."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    email = forms.EmailField(
        label=_("Email address (optional)"),
        required=False,
        help_text=_("Only if the person has one and wants to use it to get a new password by themselves."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    username = forms.CharField(
        label=_("Username (optional)"),
        max_length=40,
        required=False,
        validators=[UnicodeUsernameValidator()],
        help_text=_("Leave empty: an easy-to-read username is made from the first name, e.g. samia-47."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}),
    )
    centre = forms.ModelChoiceField(
        label=_("Centre to contact for help (printed on the card)"),
        queryset=None,
        required=False,
        empty_label=None,
    )

    def __init__(self, *args, centres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centres
        if not centres.exists():
            del self.fields["centre"]

    def clean_email(self):
        email = (self.cleaned_data.get("email") or "").strip().lower()
        if email and email_taken(email):
            raise forms.ValidationError(_("Another account already uses this email address."))
        return email

    def clean_username(self):
        username = (self.cleaned_data.get("username") or "").strip()
        if username and User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This username is already taken. Leave the field empty to get a free one."))
        return username


class FindAccountForm(forms.Form):
    """The exact username or email of a resident, given by the resident: no browsing of accounts."""

    q = forms.CharField(
        label=_("Exact username or email address of the person"),
        max_length=254,
        help_text=_("Ask the person: it is written on their card. For privacy, there is no list of accounts."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}),
    )

    def find(self):
        value = self.cleaned_data["q"].strip()
        query = User.objects.filter(username__iexact=value)
        if "@" in value:
            query = User.objects.filter(email__iexact=value) | query
        return query.filter(is_active=True).first()


class ResetCentreForm(forms.Form):
    """The centre printed on a reset card: one of the centres the person gave consent to."""

    centre = forms.ModelChoiceField(queryset=None, required=False)

    def __init__(self, *args, centres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centres
