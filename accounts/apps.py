from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from allauth.account.signals import user_signed_up
        from django.contrib.auth.signals import user_logged_in

        from accounts import login_marks, verification
        from accounts.personal_data import register

        user_logged_in.connect(login_marks.mark_password_checked, dispatch_uid="accounts-password-checked")
        user_signed_up.connect(login_marks.remind_username, dispatch_uid="accounts-remind-username")

        register("desk_verification", export=verification.export)
        # Wagtail reads `user_viewset` from its users app config when the admin URLs load, after
        # every ready(): pointing it at our viewset shows display name and "must change password".
        if apps.is_installed("wagtail.users"):
            apps.get_app_config("wagtailusers").user_viewset = "accounts.admin_users.UserViewSet"
