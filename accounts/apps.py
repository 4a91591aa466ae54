from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from accounts import verification
        from accounts.personal_data import register

        register("desk_verification", export=verification.export)

        from accounts import indicators
        from home.indicators import register_indicators

        register_indicators(
            "accounts", section=_("Accounts"), order=20, compute=indicators.compute, indicators=indicators.INDICATORS
        )
        indicators.connect()
        # Wagtail reads `user_viewset` from its users app config when the admin URLs load, after
        # every ready(): pointing it at our viewset shows display name and "must change password".
        if apps.is_installed("wagtail.users"):
            apps.get_app_config("wagtailusers").user_viewset = "accounts.admin_users.UserViewSet"
