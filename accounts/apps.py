from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from accounts import notifications, verification
        from accounts.personal_data import register

        register("desk_verification", export=verification.export)
        register("messages", export=notifications.export)
        from django.contrib.auth.signals import user_logged_in

        user_logged_in.connect(notifications.prime_count, dispatch_uid="accounts-prime-unread-count")
        notifications.register_kind(
            "staff_action", _("What the staff of a social centre did for you (your CV, a proposal, a password)")
        )
        # Wagtail reads `user_viewset` from its users app config when the admin URLs load, after
        # every ready(): pointing it at our viewset shows display name and "must change password".
        if apps.is_installed("wagtail.users"):
            apps.get_app_config("wagtailusers").user_viewset = "accounts.admin_users.UserViewSet"
