"""Wagtail's user management with our user model: email and names optional, display name editable.

Wagtail 8 customises its user screens through the `user_viewset` of the `wagtailusers` app config:
INSTALLED_APPS lists `accounts.apps.AccountsWagtailUsersConfig` (a WagtailUsersAppConfig subclass)
instead of "wagtail.users".
"""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from accounts.emails import sync_allauth_email

EXTRA_FIELDS = {"display_name", "must_change_password"}


class AccountFieldsMixin(forms.Form):
    # Wagtail requires email, first and last name; many residents have no email.
    email = forms.EmailField(required=False, label=_("Email address (optional)"))
    first_name = forms.CharField(required=False, max_length=150, label=_("First name (optional)"))
    last_name = forms.CharField(required=False, max_length=150, label=_("Last name (optional)"))

    def clean_email(self):
        email = (self.cleaned_data.get("email") or "").strip().lower()
        if email:
            others = get_user_model().objects.filter(email__iexact=email)
            if self.instance.pk:
                others = others.exclude(pk=self.instance.pk)
            if others.exists():
                raise forms.ValidationError(_("Another account already uses this email address."))
        return email

    def save(self, commit=True):
        user = super().save(commit=commit)
        if commit:
            sync_allauth_email(user)
        return user


class AccountUserCreationForm(AccountFieldsMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | EXTRA_FIELDS


class AccountUserEditForm(AccountFieldsMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | EXTRA_FIELDS


class UserViewSet(WagtailUserViewSet):
    create_template_name = "accounts/admin/user_create.html"
    edit_template_name = "accounts/admin/user_edit.html"

    def get_form_class(self, for_update=False):
        return AccountUserEditForm if for_update else AccountUserCreationForm
