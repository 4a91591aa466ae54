from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True  # this module also holds Wagtail's users app config, below
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from allauth.account.signals import user_signed_up
        from django.contrib.auth.signals import user_logged_in

        from accounts import login_marks, notifications, verification
        from accounts.personal_data import register

        user_logged_in.connect(login_marks.mark_password_checked, dispatch_uid="accounts-password-checked")
        user_signed_up.connect(login_marks.remind_username, dispatch_uid="accounts-remind-username")

        register("desk_verification", export=verification.export)
        register("messages", export=notifications.export)
        from django.contrib.auth.signals import user_logged_in

        user_logged_in.connect(notifications.prime_count, dispatch_uid="accounts-prime-unread-count")
        notifications.register_kind(
            "staff_action", _("What the staff of a social centre did for you (your CV, a proposal, a password)")
        )

        from accounts import indicators
        from home.indicators import register_indicators

        register_indicators(
            "accounts", section=_("Accounts"), order=20, compute=indicators.compute, indicators=indicators.INDICATORS
        )
        indicators.connect()


class AccountsWagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app with our user screens (display name, "must change password", email optional).

    Listed in INSTALLED_APPS instead of "wagtail.users", as Wagtail documents for custom user forms.
    """

    user_viewset = "accounts.admin_users.UserViewSet"
